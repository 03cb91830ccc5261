package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.testing.Axe;
import dev.gongkai.testing.Browser;
import dev.gongkai.testing.StaticServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen's portal in headless Chromium: accessibility (axe, WCAG 2.2 AA) on every page of the example, keyboard
 * use, pages without JavaScript, the 320 px layout, the display settings (字号, 适老 mode) and the emergency banner.
 * Screenshots of every page type go to {@code target/browser-artifacts/portal/}.
 */
class PortalBrowserTest {
  static final Path SHOTS = Path.of("target/browser-artifacts/portal");

  /** The first landmark in document order (what a screen reader's landmark list starts with). */
  private static final String FIRST_LANDMARK = "return document.querySelector('header, nav, main, footer, aside, "
      + "[role=region][aria-label], [role=banner], [role=navigation], [role=main], [role=contentinfo], "
      + "section[aria-label], section[aria-labelledby], form[aria-label], [role=search]');";

  @Test
  void everyPageOfTheExampleHasNoAxeViolations() throws Exception {
    Browser.assumeAvailable();
    Path out = PortalFixtures.example();
    List<String> pages = PortalFixtures.allPages(out);
    assertTrue(pages.size() > 200, "the example has its full set of pages: " + pages.size());
    List<String> failures = new ArrayList<>();
    try (StaticServer server = StaticServer.serve(out); Browser b = Browser.open()) {
      WebDriver d = b.driver();
      for (String page : pages) {
        d.get(server.url(page));
        if (page.equals("search/")) waitForSearchApp(d);
        for (String v : Axe.violations(d)) failures.add(page + ": " + v);
      }
    }
    assertEquals(List.of(), failures, "axe (WCAG 2.2 AA) on " + pages.size() + " pages");
  }

  @Test
  void everyPageTypeIsAccessibleInElderModeAndWithTheBanner() throws Exception {
    Browser.assumeAvailable();
    Path out = PortalFixtures.activeIncident();
    List<String> failures = new ArrayList<>();
    try (StaticServer server = StaticServer.serve(out); Browser b = Browser.open()) {
      WebDriver d = b.driver();
      for (Map.Entry<String, String> e : PortalFixtures.pageTypes(out).entrySet()) {
        d.get(server.url(e.getValue()));
        if (e.getKey().equals("search")) waitForSearchApp(d);
        for (String v : Axe.violations(d)) failures.add("banner " + e.getKey() + ": " + v);
        choose(d, "pref-elder", "fs-l");
        for (String v : Axe.violations(d)) failures.add("elder+large " + e.getKey() + ": " + v);
        b.screenshot(SHOTS.resolve("elder-" + e.getKey() + ".png"));
        choose(d, "pref-elder", "fs-m");
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void emergencyBannerIsTheFirstLandmarkOfEveryPageTypeWhileAnIncidentIsActive() throws Exception {
    Browser.assumeAvailable();
    Path active = PortalFixtures.activeIncident();
    try (StaticServer server = StaticServer.serve(active); Browser b = Browser.openWithoutJavaScript()) {
      WebDriver d = b.driver();
      for (Map.Entry<String, String> e : PortalFixtures.pageTypes(active).entrySet()) {
        d.get(server.url(e.getValue()));
        List<WebElement> banners = d.findElements(By.cssSelector(".incident-banner"));
        assertEquals(1, banners.size(), e.getKey() + ": one banner for the one active incident");
        WebElement first = (WebElement) b.js(FIRST_LANDMARK);
        assertTrue(first.getAttribute("class").contains("incident-banner"), e.getKey() + ": banner is first landmark");
        assertTrue(banners.get(0).getText().contains("橙色预警"), banners.get(0).getText());
        WebElement link = banners.get(0).findElement(By.tagName("a"));
        assertEquals("示例县“7·16”暴雨洪涝灾害", link.getText());
        assertTrue(link.getAttribute("href").endsWith("/incidents/2025-flood/"), link.getAttribute("href"));
        b.screenshot(SHOTS.resolve("banner-" + e.getKey() + ".png"));
      }
      // The incident page: timestamped updates, newest first; the banner names the newest.
      d.get(server.url("incidents/2025-flood/"));
      List<String> times = d.findElements(By.cssSelector("ol.updates > li h3 time")).stream()
          .map(t -> t.getAttribute("datetime")).toList();
      assertEquals(7, times.size(), "the example's seven updates: " + times);
      List<String> newestFirst = new ArrayList<>(times);
      newestFirst.sort(java.util.Comparator.reverseOrder());
      assertEquals(newestFirst, times, "updates newest first");
      assertEquals(times.get(0), d.findElement(By.cssSelector(".banner-latest time")).getAttribute("datetime"));
      assertTrue(d.findElement(By.cssSelector("a[href$='.cap.xml']")).getAttribute("href").contains("alerts/"),
          "the incident page links its CAP alert");
    }
    Path over = PortalFixtures.example();
    try (StaticServer server = StaticServer.serve(over); Browser b = Browser.openWithoutJavaScript()) {
      WebDriver d = b.driver();
      for (Map.Entry<String, String> e : PortalFixtures.pageTypes(over).entrySet()) {
        d.get(server.url(e.getValue()));
        assertEquals(List.of(), d.findElements(By.cssSelector(".incident-banner")), e.getKey() + ": no banner");
        WebElement first = (WebElement) b.js(FIRST_LANDMARK);
        assertEquals("header", first.getTagName(), e.getKey() + ": without an incident the page header comes first");
      }
    }
  }

  @Test
  void noHorizontalScrollAt320PixelsInAnyModeAndScreenshotsOfEveryPageType() throws Exception {
    Browser.assumeAvailable();
    Path out = PortalFixtures.activeIncident();
    List<String> failures = new ArrayList<>();
    try (StaticServer server = StaticServer.serve(out); Browser b = Browser.open()) {
      WebDriver d = b.driver();
      for (Map.Entry<String, String> e : PortalFixtures.pageTypes(out).entrySet()) {
        b.viewport(1280, 900);
        d.get(server.url(e.getValue()));
        if (e.getKey().equals("search")) waitForSearchApp(d);
        b.screenshot(SHOTS.resolve("desktop-" + e.getKey() + ".png"));
        b.viewport(320, 640);
        overflow(b, e.getKey() + " at 320 px").ifPresent(failures::add);
        b.screenshot(SHOTS.resolve("320-" + e.getKey() + ".png"));
        choose(d, "pref-elder", "fs-l");
        overflow(b, e.getKey() + " at 320 px, 适老 + 大").ifPresent(failures::add);
        b.screenshot(SHOTS.resolve("320-elder-" + e.getKey() + ".png"));
        // 200 % zoom of a 640 px window is the same 320 CSS px; the prefs are reset for the next page.
        b.js("localStorage.clear();");
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void keyboardAloneGoesFromHomeToItemToRecordToSearch() throws Exception {
    Browser.assumeAvailable();
    Path out = PortalFixtures.example();
    try (StaticServer server = StaticServer.serve(out); Browser b = Browser.open()) {
      WebDriver d = b.driver();
      d.get(server.url(""));
      // The first Tab stop is the skip link; Enter moves focus to <main>.
      tab(d);
      WebElement skip = d.switchTo().activeElement();
      assertEquals("跳到主要内容", skip.getText());
      assertTrue(skip.isDisplayed(), "the skip link shows when focused");
      assertVisibleFocus(b, "skip link");
      skip.sendKeys(Keys.ENTER);
      assertEquals("main", d.switchTo().activeElement().getTagName());

      tabUntil(d, b, "item link", e -> hrefEndsWith(e, "catalogue/aqsc/aqsc-02-02/"));
      d.switchTo().activeElement().sendKeys(Keys.ENTER);
      waitForUrl(d, "catalogue/aqsc/aqsc-02-02/");

      tabUntil(d, b, "record link", e -> e.getAttribute("href") != null && e.getAttribute("href").contains("/records/"));
      String record = d.switchTo().activeElement().getAttribute("href");
      d.switchTo().activeElement().sendKeys(Keys.ENTER);
      waitForUrl(d, record.substring(record.indexOf("/records/") + 1));
      assertFalse(d.findElement(By.tagName("h1")).getText().isBlank());

      tabUntil(d, b, "header search box", e -> "site-q".equals(e.getAttribute("id")));
      d.switchTo().activeElement().sendKeys("救灾资金", Keys.ENTER);
      waitForUrl(d, "search/?q=");
      new WebDriverWait(d, Duration.ofSeconds(20))
          .until(x -> x.findElement(By.id("search-status")).getText().startsWith("找到"));
      // The count is shown first; the result list follows once its display blocks are fetched.
      new WebDriverWait(d, Duration.ofSeconds(20)).withMessage("results for 救灾资金")
          .until(x -> !x.findElements(By.cssSelector("#search-results > li")).isEmpty());
      // And on into a result, still by keyboard.
      tabUntil(d, b, "first result", e -> e.getAttribute("href") != null && e.getAttribute("href").contains("/records/")
          && !e.findElements(By.xpath("ancestor::ol[@id='search-results']")).isEmpty());
      d.switchTo().activeElement().sendKeys(Keys.ENTER);
      waitForUrl(d, "/records/");
    }
  }

  @Test
  void everyPageTypeWorksWithoutJavaScript() throws Exception {
    Browser.assumeAvailable();
    Path out = PortalFixtures.example();
    try (StaticServer server = StaticServer.serve(out); Browser b = Browser.openWithoutJavaScript()) {
      WebDriver d = b.driver();
      for (Map.Entry<String, String> e : PortalFixtures.pageTypes(out).entrySet()) {
        d.get(server.url(e.getValue()));
        assertFalse(d.findElement(By.tagName("h1")).getText().isBlank(), e.getKey() + ": a heading");
        assertFalse(d.findElements(By.cssSelector(".site-nav a")).isEmpty(), e.getKey() + ": navigation");
        assertTrue(d.findElement(By.tagName("main")).getText().length() > 20, e.getKey() + ": content without JS");
        b.screenshot(SHOTS.resolve("nojs-" + e.getKey() + ".png"));
      }
      // Browse by clicking: home → domain → item → record → its item → a dataset page.
      d.get(server.url(""));
      d.findElement(By.cssSelector(".site-nav a[href$='catalogue/jz/']")).click();
      waitForUrl(d, "catalogue/jz/");
      d.findElement(By.cssSelector("main a[href$='jz-03-03/']")).click();
      waitForUrl(d, "catalogue/jz/jz-03-03/");
      d.findElement(By.cssSelector("table.records a")).click();
      waitForUrl(d, "/records/");
      d.findElement(By.cssSelector(".record-meta a")).click();
      waitForUrl(d, "catalogue/jz/jz-03-03/");
      d.findElement(By.cssSelector("main a[href*='datasets/relief-funds-2025/']")).click();
      waitForUrl(d, "datasets/relief-funds-2025/");
      assertFalse(d.findElements(By.cssSelector("main table tbody tr")).isEmpty(), "dataset rows");
      // Search without JavaScript: the header form leads to the search page's browse lists.
      d.findElement(By.id("site-q")).sendKeys("救灾", Keys.ENTER);
      waitForUrl(d, "search/?q=");
      d.findElement(By.cssSelector("#search-browse a[href*='browse/year/']")).click();
      waitForUrl(d, "browse/year/");
      assertFalse(d.findElements(By.cssSelector("table.records tbody tr")).isEmpty(), "browse list without JS");
    }
  }

  @Test
  void textSizeAndElderModeWorkWithoutJavaScript() throws Exception {
    Browser.assumeAvailable();
    Path out = PortalFixtures.example();
    try (StaticServer server = StaticServer.serve(out); Browser b = Browser.openWithoutJavaScript()) {
      WebDriver d = b.driver();
      d.get(server.url(PortalFixtures.pageTypes(out).get("record")));
      double medium = px(b, "body", "fontSize");
      choose(d, "fs-l");
      double large = px(b, "body", "fontSize");
      choose(d, "fs-s");
      double small = px(b, "body", "fontSize");
      assertTrue(small < medium && medium < large, small + " < " + medium + " < " + large);
      assertTrue(d.findElement(By.id("fs-s")).isSelected());

      choose(d, "pref-elder");
      assertTrue(d.findElement(By.id("pref-elder")).isSelected());
      double elder = px(b, "body", "fontSize");
      assertTrue(elder >= 20, "适老 mode base text >= 20 px even after 小: " + elder);
      assertTrue(px(b, "body", "lineHeight") >= 1.5 * elder, "line height >= 1.5");
      assertTrue(px(b, ".body", "fontSize") >= 20, "document body text");
      assertEquals("rgb(0, 0, 0)", b.js("return getComputedStyle(document.body).color;"), "black text");
      // No JavaScript, so nothing is remembered: the next page starts at the default.
      assertTrue(d.findElements(By.cssSelector(".doc-tools:not([hidden])")).isEmpty(), "print button needs JS");
      d.findElement(By.cssSelector(".site-nav a")).click();
      assertEquals(medium, px(b, "body", "fontSize"), 0.01);
    }
  }

  @Test
  void withJavaScriptTheChoiceIsRememberedAcrossPagesAndRecordPagesOfferPrinting() throws Exception {
    Browser.assumeAvailable();
    Path out = PortalFixtures.example();
    Map<String, String> types = PortalFixtures.pageTypes(out);
    try (StaticServer server = StaticServer.serve(out); Browser b = Browser.open()) {
      WebDriver d = b.driver();
      d.get(server.url(types.get("record")));
      WebElement print = d.findElement(By.cssSelector(".doc-tools .print-button"));
      assertTrue(print.isDisplayed(), "the print button shows with JavaScript");
      assertEquals("打印本页", print.getText());
      double medium = px(b, "body", "fontSize");
      choose(d, "pref-elder", "fs-l");
      double chosen = px(b, "body", "fontSize");
      assertTrue(chosen > medium);
      d.get(server.url(types.get("item")));
      new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.findElement(By.id("pref-elder")).isSelected());
      assertTrue(d.findElement(By.id("fs-l")).isSelected(), "大 restored");
      assertEquals(chosen, px(b, "body", "fontSize"), 0.01, "same size on the next page");
      assertTrue((Boolean) b.js("return document.documentElement.classList.contains('elder');"));
      // Back to normal, remembered too.
      choose(d, "pref-elder", "fs-m");
      d.get(server.url(""));
      new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.findElement(By.id("fs-m")).isSelected());
      assertFalse(d.findElement(By.id("pref-elder")).isSelected());
      assertEquals(medium, px(b, "body", "fontSize"), 0.01);
    }
  }

  // ---- helpers

  /** Clicks the labels of the display-setting controls with these ids, as a user would (also without JavaScript). */
  private static void choose(WebDriver d, String... controlIds) {
    for (String id : controlIds) d.findElement(By.cssSelector("label[for=" + id + "]")).click();
  }

  private static void waitForSearchApp(WebDriver d) {
    new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> x.findElements(By.id("search-app")).isEmpty()
        || x.findElement(By.id("search-app")).getAttribute("hidden") == null);
  }

  private static java.util.Optional<String> overflow(Browser b, String what) {
    Number scroll = (Number) b.js("return document.documentElement.scrollWidth;");
    Number inner = (Number) b.js("return window.innerWidth;");
    if (scroll.intValue() <= inner.intValue()) return java.util.Optional.empty();
    Object culprit = b.js("var w = window.innerWidth, out = [];"
        + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
        + " if (r.right > w + 1 && out.length < 3) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); });"
        + "return out.join(', ');");
    return java.util.Optional.of(String.format(Locale.ROOT, "%s: scrollWidth %d > %d (%s)",
        what, scroll.intValue(), inner.intValue(), culprit));
  }

  private static double px(Browser b, String selector, String property) {
    Object v = b.js("return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]];", selector, property);
    return Double.parseDouble(String.valueOf(v).replace("px", ""));
  }

  private static void tab(WebDriver d) {
    new Actions(d).sendKeys(Keys.TAB).perform();
  }

  /** Presses Tab (at most 300 times) until the focused element matches; each stop must show a visible focus. */
  private static void tabUntil(WebDriver d, Browser b, String what, Predicate<WebElement> target) {
    for (int i = 0; i < 300; i++) {
      tab(d);
      WebElement e = d.switchTo().activeElement();
      assertNotEquals("body", e.getTagName(), "focus fell off the page while looking for " + what);
      assertVisibleFocus(b, what + " (stop " + i + ": " + e.getTagName() + " " + e.getText() + ")");
      if (target.test(e)) return;
    }
    throw new AssertionError("Tab never reached " + what);
  }

  private static void assertVisibleFocus(Browser b, String what) {
    Object style = b.js("var e = document.activeElement, s = getComputedStyle(e);"
        + "if (e.matches('input[type=radio]')) s = getComputedStyle(e.nextElementSibling);"
        + "return s.outlineStyle + ' ' + s.outlineWidth;");
    String s = String.valueOf(style);
    assertFalse(s.startsWith("none") || s.endsWith(" 0px"), "no visible focus on " + what + ": " + s);
  }

  private static boolean hrefEndsWith(WebElement e, String suffix) {
    String href = e.getAttribute("href");
    return href != null && href.endsWith(suffix);
  }

  private static void waitForUrl(WebDriver d, String part) {
    new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains(part));
  }
}
