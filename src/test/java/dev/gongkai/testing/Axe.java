package dev.gongkai.testing;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility checks with axe-core (the copy bundled in {@code com.deque.html.axe-core:selenium}, injected from the
 * classpath: no network).
 *
 * <p>Callers must know: axe checks the page as it is now (load it and wait for any script rendering first); only
 * definite violations are returned, not axe's "incomplete" (needs manual review) results; and automated checks find
 * only part of the WCAG failures, so an empty list is necessary, not sufficient.
 */
public final class Axe {
  /** The axe tags for WCAG 2.2 level AA: 2.0, 2.1 and 2.2 criteria at A and AA (axe has no rules tagged wcag22a). */
  public static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private Axe() {}

  /**
   * Runs axe with {@link #WCAG_22_AA} on the current page of {@code d} and returns one line per violated rule:
   * {@code "image-alt [critical] Images must have alternative text: [img.logo], [#hero > img]"} (rule id, impact,
   * help text, CSS selectors of the failing elements). Empty when nothing is violated; assert it with
   * {@code assertEquals(List.of(), Axe.violations(d))} so the message lists them.
   *
   * @throws IllegalStateException if axe itself fails to run in the page
   */
  public static List<String> violations(WebDriver d) {
    // Legacy mode runs axe in the page itself instead of finishing in a new blank window: ~20 % faster per page,
    // which matters when every page of a site is checked. Our pages have no iframes, the case it handles less well.
    Results results = new AxeBuilder().withTags(WCAG_22_AA).setLegacyMode(true).analyze(d);
    if (results.isErrored()) throw new IllegalStateException("axe-core failed: " + results.getErrorMessage());
    List<String> out = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      List<String> targets = new ArrayList<>();
      for (CheckedNode node : rule.getNodes()) targets.add(String.valueOf(node.getTarget()));
      out.add(String.format(Locale.ROOT, "%s [%s] %s: %s",
          rule.getId(), rule.getImpact(), rule.getHelp(), String.join(", ", targets)));
    }
    return out;
  }
}
