package dev.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.testing.Axe;
import dev.gongkai.testing.Browser;
import dev.gongkai.testing.StaticServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The search page as a citizen uses it, in headless Chromium: with JavaScript, and without. */
class SearchPageTest {
  static final Path ARTIFACTS = Path.of("target/browser-artifacts");

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String waitForCount(WebDriver d) {
    new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> {
      String t = x.findElement(By.id("search-status")).getText();
      return t.contains("条结果") || t.contains("不可用");
    });
    return d.findElement(By.id("search-status")).getText();
  }

  @Test
  void searchRanksHighlightsFiltersAndKeepsStateInTheUrl() throws Exception {
    Browser.assumeAvailable();
    SearchFixtures.Built site = SearchFixtures.example();
    try (StaticServer server = StaticServer.serve(site.out()); Browser b = Browser.open()) {
      WebDriver d = b.driver();
      d.get(server.url("search/"));
      assertEquals(List.of(), Axe.violations(d), "axe on the empty search page");
      d.get(server.url("search/?q=" + q("应急")));
      String status = waitForCount(d);
      Searcher.Result lucene = new Searcher(site.reader()).search(SearchQuery.of("应急"), 10);
      assertEquals("找到 " + lucene.total() + " 条结果", status);
      assertEquals("polite", d.findElement(By.id("search-status")).getAttribute("aria-live"));
      List<WebElement> items = d.findElements(By.cssSelector("#search-results > li"));
      assertEquals(lucene.hits().stream().map(Searcher.Hit::id).toList(),
          items.stream().map(e -> e.getAttribute("data-id")).toList(), "the page shows Lucene's top 10");
      assertFalse(d.findElements(By.cssSelector("#search-results mark")).isEmpty(), "matches are highlighted");
      assertEquals("应急", d.findElement(By.cssSelector("#search-results mark")).getText());
      assertFalse(d.findElements(By.cssSelector("#search-facets .facet")).isEmpty(), "facets shown");
      assertEquals(List.of(), Axe.violations(d), "axe on results");
      b.screenshot(ARTIFACTS.resolve("search-results.png"));

      // A facet narrows the results, updates the URL; Back restores the previous state.
      WebElement year = d.findElements(By.cssSelector("#search-facets a")).stream()
          .filter(a -> a.getText().startsWith("2025 (")).findFirst().orElseThrow();
      int yearCount = Integer.parseInt(year.getText().replaceAll(".*\\((\\d+)\\)", "$1"));
      year.click();
      new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("year=2025"));
      assertEquals("找到 " + yearCount + " 条结果（已筛选）", waitForCount(d));
      for (WebElement t : d.findElements(By.cssSelector("#search-results time"))) {
        assertTrue(t.getAttribute("datetime").startsWith("2025"), t.getAttribute("datetime"));
      }
      d.navigate().back();
      new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> !x.getCurrentUrl().contains("year="));
      assertEquals("找到 " + lucene.total() + " 条结果", waitForCount(d));

      // Next page.
      WebElement next = d.findElements(By.cssSelector("#search-pager a")).stream()
          .filter(a -> a.getText().equals("下一页")).findFirst().orElseThrow();
      next.click();
      new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("page=2"));
      waitForCount(d);
      Searcher.Result twenty = new Searcher(site.reader()).search(SearchQuery.of("应急"), 20);
      new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> twenty.hits().get(10).id()
          .equals(x.findElement(By.cssSelector("#search-results > li")).getAttribute("data-id")));

      // Typing a new query (Traditional characters) and submitting.
      WebElement input = d.findElement(By.id("q"));
      input.clear();
      input.sendKeys("救災資金", Keys.ENTER);
      new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("q=" + q("救災資金")));
      int total = new Searcher(site.reader()).search(SearchQuery.of("救灾资金"), 1).total();
      assertTrue(total > 0);
      new WebDriverWait(d, Duration.ofSeconds(10))
          .until(x -> x.findElement(By.id("search-status")).getText().equals("找到 " + total + " 条结果"));
    }
  }

  @Test
  void zeroResultsSuggestFewerCharactersAndDroppingFilters() throws Exception {
    Browser.assumeAvailable();
    SearchFixtures.Built site = SearchFixtures.example();
    try (StaticServer server = StaticServer.serve(site.out()); Browser b = Browser.open()) {
      WebDriver d = b.driver();
      d.get(server.url("search/?q=" + q("应急管理局救灾资金不存在") + "&year=2024"));
      assertEquals("找到 0 条结果（已筛选）", waitForCount(d));
      String empty = d.findElement(By.id("search-empty")).getText();
      assertTrue(empty.contains("没有找到与“应急管理局救灾资金不存在”相关的结果"), empty);
      assertTrue(empty.contains("去掉筛选：年份：2024"), empty);
      assertTrue(empty.contains("试试更少的字：应急"), empty);
      assertFalse(d.findElement(By.id("search-browse")).getAttribute("hidden") != null, "browse lists offered");
      assertEquals(List.of(), Axe.violations(d), "axe on no results");
      d.findElements(By.cssSelector("#search-empty a")).stream()
          .filter(a -> a.getText().equals("试试更少的字：应急")).findFirst().orElseThrow().click();
      new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("q=" + q("应急") + "&"));
      assertTrue(waitForCount(d).startsWith("找到"));
    }
  }

  @Test
  void withoutJavaScriptTheFormAndBrowseListsWork() throws Exception {
    Browser.assumeAvailable();
    SearchFixtures.Built site = SearchFixtures.example();
    try (StaticServer server = StaticServer.serve(site.out()); Browser b = Browser.openWithoutJavaScript()) {
      WebDriver d = b.driver();
      d.get(server.url(""));
      WebElement box = d.findElement(By.id("site-q"));
      box.sendKeys("应急", Keys.ENTER);
      new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("search/?q="));
      assertNotNull(d.findElement(By.id("search-app")).getAttribute("hidden"), "the app stays hidden");
      assertTrue(d.findElement(By.tagName("main")).getText().contains("全文搜索需要"), "noscript note");
      // axe itself needs JavaScript; the static page is checked by axe in the test with JavaScript (no query).
      b.screenshot(ARTIFACTS.resolve("search-nojs.png"));
      WebElement year = d.findElement(By.cssSelector("#search-browse a[href*='browse/year/2025/']"));
      year.click();
      new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("browse/year/2025/"));
      assertFalse(d.findElements(By.cssSelector("table.records tbody tr")).isEmpty(), "records of 2025 listed");
      d.navigate().back();
      d.findElement(By.cssSelector("#search-browse a[href*='browse/agency/']")).click();
      new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("browse/agency/"));
      assertFalse(d.findElements(By.cssSelector("table.records tbody tr")).isEmpty(), "records of an agency listed");
      d.navigate().back();
      d.findElement(By.cssSelector("#search-browse a[href*='catalogue/aqsc/aqsc-']")).click();
      new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.getCurrentUrl().contains("catalogue/aqsc/aqsc-"));
    }
  }
}
