package dev.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gongkai.testing.Browser;
import dev.gongkai.testing.StaticServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Parity: the JavaScript client, running in headless Chromium against the exported files, returns the same total,
 * the same top-10 documents and the same float scores as Lucene for every test query, with and without facet
 * filters, on the example site and on a synthetic catalogue.
 */
class SearchParityTest {
  /** Typed queries: Traditional, full-width, 文号 forms, 1- and 2-character, mixed, multi-part, and misses. */
  static final List<String> FIXED = List.of(
      "应急", "應急", "应急管理", "應急管理", "救灾资金", "救災資金", "行政处罚决定书", "行政處罰決定書", "安", "灾",
      "局", "预案", "应急预案", "安全生产", "安全 生产", "防汛 抗旱", "森林防火", "危险化学品", "示应急罚〔2025〕1号",
      "示应急罚[2025]1号", "示应急罚（2025）1号", "示应急罚【2025】1号", "1号", "12号", "2024", "２０２５年",
      "2025年", "第1号", "015583216", "015583216/2024-00012", "GB", "gb 11643", "城关镇", "龙泉", "通知 2024",
      "关于印发", "《", "应急x", "不存在的词语组合", "消防 救援 队伍", "应急应急", "管理 管理",
      "示例县应急管理局生产安全事故应急预案（2024年修订）");

  @Test
  void clientRanksLikeLuceneOnTheExample() throws Exception {
    SearchFixtures.Built site = SearchFixtures.example();
    List<Object[]> queries = new ArrayList<>();
    for (String q : FIXED) queries.add(new Object[] {q, Map.of()});
    for (String q : SearchFixtures.sampledQueries(site.docs(), 30, 5, 1)) queries.add(new Object[] {q, Map.of()});
    queries.add(new Object[] {"应急", Map.of("year", "2025")});
    queries.add(new Object[] {"救灾", Map.of("domain", "jz", "kind", "record")});
    queries.add(new Object[] {"通知", Map.of("item", "aqsc-01-03")});
    queries.add(new Object[] {"应急", Map.of("validity", "失效")});
    queries.add(new Object[] {"应急", Map.of("agency", "示例县应急管理局", "year", "2024")});
    queries.add(new Object[] {"应急", Map.of("year", "1999")});
    assertParity(site, queries);
  }

  @Test
  void clientRanksLikeLuceneOnASyntheticCatalogue() throws Exception {
    SearchFixtures.Built site = SearchFixtures.synthetic();
    List<Object[]> queries = new ArrayList<>();
    for (String q : List.of("应急", "應急管理", "救灾资金", "行政处罚决定书", "安", "隐患排查", "城关镇 安全", "2024年"))
      queries.add(new Object[] {q, Map.of()});
    for (String q : SearchFixtures.sampledQueries(site.docs(), 45, 9, 1)) queries.add(new Object[] {q, Map.of()});
    queries.add(new Object[] {"应急", Map.of("year", "2023")});
    queries.add(new Object[] {"检查", Map.of("domain", "aqsc")});
    assertParity(site, queries);
  }

  @SuppressWarnings("unchecked")
  private static void assertParity(SearchFixtures.Built site, List<Object[]> queries) throws IOException {
    Browser.assumeAvailable();
    assertTrue(queries.size() >= 50, "at least 50 queries");
    Searcher searcher = new Searcher(site.reader());
    try (StaticServer server = StaticServer.serve(site.out()); Browser browser = Browser.open()) {
      browser.driver().get(server.url("search/"));
      browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
      List<Object> args = new ArrayList<>();
      for (Object[] q : queries) args.add(List.of(q[0], q[1]));
      Object raw = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
          "var done = arguments[arguments.length - 1];"
              + "var e = new GongkaiSearch.Engine(arguments[0]);"
              + "(async function () { var out = [];"
              + "  for (var q of arguments[1]) { var r = await e.search(q[0], q[1]);"
              + "    out.push({total: r.total, parts: r.parts.map(p => p.map(t => t.t + '@' + t.pos).join(' ')),"
              + "      top: r.hits.slice(0, 10).map(h => [h.doc, h.score])}); }"
              + "  return out; }).apply(null, arguments).then(done, function (err) { done({error: String(err)}); });",
          server.url("search/"), args);
      if (raw instanceof Map<?, ?> m) fail("client error: " + m.get("error"));
      List<Map<String, Object>> results = (List<Map<String, Object>>) raw;
      int compared = 0;
      for (int i = 0; i < queries.size(); i++) {
        String q = (String) queries.get(i)[0];
        Map<String, String> filters = (Map<String, String>) queries.get(i)[1];
        SearchQuery sq = new SearchQuery(q, filters);
        String label = site.name() + " query \"" + q + "\" " + filters;
        Map<String, Object> js = results.get(i);
        List<String> javaParts = sq.parts().stream()
            .map(p -> String.join(" ", p.stream().map(t -> t.text() + "@" + t.position()).toList())).toList();
        assertEquals(javaParts, js.get("parts"), label + ": analysis");
        Searcher.Result lucene = searcher.search(sq, 10);
        assertEquals(lucene.total(), ((Number) js.get("total")).intValue(), label + ": total");
        List<List<Object>> top = (List<List<Object>>) js.get("top");
        Map<Integer, Float> jsTop = new LinkedHashMap<>();
        for (List<Object> h : top) jsTop.put(((Number) h.get(0)).intValue(), ((Number) h.get(1)).floatValue());
        Map<Integer, Float> luceneTop = new LinkedHashMap<>();
        for (Searcher.Hit h : lucene.hits()) luceneTop.put(h.doc(), h.score());
        assertEquals(List.copyOf(luceneTop.keySet()), List.copyOf(jsTop.keySet()), label + ": top-10 order");
        assertEquals(luceneTop, jsTop, label + ": scores");
        for (Searcher.Hit h : lucene.hits()) assertEquals(site.docs().get(h.doc()).id(), h.id(), "doc id mapping");
        if (lucene.total() > 0) compared++;
      }
      assertTrue(compared >= queries.size() / 2, "most test queries must have results: " + compared);
    }
  }
}
