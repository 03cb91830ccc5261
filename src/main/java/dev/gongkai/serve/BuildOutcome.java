package dev.gongkai.serve;

import dev.gongkai.diag.Diagnostic;
import java.util.List;

/**
 * The result of one {@link SiteBuilder#build} call.
 *
 * @param ok whether the output directory holds a complete site that may be served; {@code false} when any error was
 *     found (the session then keeps serving the previous good site)
 * @param diagnostics the errors and warnings found, in the order they should be shown; never {@code null}
 * @param summary one line for the terminal, e.g. {@code built 214 pages in 1.2 s}; never {@code null}
 */
public record BuildOutcome(boolean ok, List<Diagnostic> diagnostics, String summary) {

  public BuildOutcome {
    diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    summary = summary == null ? "" : summary;
  }

  /** A successful build, possibly with warnings. */
  public static BuildOutcome success(String summary, List<Diagnostic> warnings) {
    return new BuildOutcome(true, warnings, summary);
  }

  /** A failed build with the diagnostics that explain why. */
  public static BuildOutcome failure(String summary, List<Diagnostic> diagnostics) {
    return new BuildOutcome(false, diagnostics, summary);
  }

  /** The diagnostics of error severity, in order. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** The number of diagnostics of warning severity. */
  public long warningCount() {
    return diagnostics.stream().filter(d -> !d.isError()).count();
  }
}
