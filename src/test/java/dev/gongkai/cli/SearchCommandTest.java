package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.index.SearchIndex;
import dev.gongkai.index.SearchQuery;
import dev.gongkai.index.Searcher;
import dev.gongkai.testing.Cli;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gongkai search}: the ranking of the last build's index, as the search page shows it. */
class SearchCommandTest {
  static final String SITE = """
      -- catalogue/site.json --
      {"title": "站", "agency": "示例县应急管理局", "baseUrl": "https://x.example/", "regionCode": "530199"}
      -- catalogue/catalogue.csv --
      编码,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
      aqsc-01-01,安全生产,政策文件,法律法规,法律,条例,20个工作日内,局,政府网站,全社会,主动,县级
      aqsc-02-02,安全生产,依法行政,行政处罚,处罚,条例,7个工作日内,局,政府网站,全社会,主动,县级
      -- catalogue/records/all.csv --
      索引号,标题,成文日期,发布日期,文号,公开属性,事项,正文
      015583216/2024-00001,关于做好应急管理工作的通知,2024-03-01,2024-03-05,示应急〔2024〕1号,主动公开,aqsc-01-01,各乡镇：请做好应急值守。
      015583216/2024-00002,行政处罚决定书,2024-04-01,2024-04-03,示应急罚〔2024〕12号,主动公开,aqsc-02-02,违反安全生产法。
      015583216/2025-00001,應急預案（繁體標題）,2025-01-01,2025-01-03,,主动公开,aqsc-01-01,应急预案全文。
      015583216/2025-00002,不予公开的应急内部材料,2025-01-01,2025-01-03,,不予公开,aqsc-01-01,内部。
      """;

  @Test
  void printsLucenesRankingOfTheLastBuild(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
    assertEquals(ExitCodes.OK, Cli.run("build", "-q", "-s", src.toString(), "-o", tmp.resolve("out").toString()).exit());
    Cli.Run r = Cli.run("search", "-s", src.toString(), "--format", "tsv", "应急");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    try (var reader = SearchIndex.open(src.resolve(".gongkai/index"))) {
      Searcher.Result expected = new Searcher(reader).search(SearchQuery.of("应急"), 10);
      assertEquals(3, expected.total(), "the withheld record is not indexed");
      assertEquals(expected.hits().size(), lines.size());
      for (int i = 0; i < lines.size(); i++) {
        Searcher.Hit h = expected.hits().get(i);
        assertEquals(String.format(Locale.ROOT, "%d\t%d\t%s\t%s\t%s\t%s", i + 1, h.doc(), Float.toString(h.score()),
            h.id(), h.title(), h.url()), lines.get(i));
      }
    }
    Cli.Run text = Cli.run("search", "-s", src.toString(), "應急預案");
    assertTrue(text.out().startsWith("找到 1 条结果 / 1 result\n"), text.out());
    assertTrue(text.out().contains("應急預案（繁體標題）"), text.out());
    Cli.Run number = Cli.run("search", "-s", src.toString(), "示应急罚[2024]12号");
    assertTrue(number.out().contains("行政处罚决定书"), number.out());
    assertTrue(Cli.run("search", "-s", src.toString(), "示应急罚[2024]1号").out().startsWith("找到 0 条结果"));
    Cli.Run filtered = Cli.run("search", "-s", src.toString(), "-f", "year=2025", "应急");
    assertTrue(filtered.out().startsWith("找到 1 条结果"), filtered.out());
  }

  @Test
  void afterAPatchedBuildTheIndexIsRebuiltFromTheLastBuild(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
    String out = tmp.resolve("out").toString();
    assertEquals(ExitCodes.OK, Cli.run("build", "-q", "-s", src.toString(), "-o", out).exit());
    Path csv = src.resolve("catalogue/records/all.csv");
    java.nio.file.Files.writeString(csv, java.nio.file.Files.readString(csv).replace("行政处罚决定书", "行政处罚决定书（更正）"));
    assertEquals(ExitCodes.OK, Cli.run("build", "-q", "-s", src.toString(), "-o", out).exit());
    assertTrue(!java.nio.file.Files.exists(src.resolve(".gongkai/index")), "the patched build left no stale index");
    Cli.Run r = Cli.run("search", "-s", src.toString(), "更正", "--lang", "en");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    assertTrue(r.err().contains("rebuilding it from the documents the last build indexed"), r.err());
    assertTrue(r.out().startsWith("1 result") && r.out().contains("行政处罚决定书（更正）"), r.out());
    Cli.Run again = Cli.run("search", "-s", src.toString(), "更正");
    assertEquals("", again.err(), "rebuilt once");
  }

  @Test
  void usageErrors(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
    Cli.Run none = Cli.run("search", "-s", src.toString(), "应急");
    assertEquals(ExitCodes.USAGE, none.exit());
    assertTrue(none.err().contains("gongkai build"), none.err());
    Cli.run("build", "-q", "-s", src.toString(), "-o", tmp.resolve("out").toString());
    assertEquals(ExitCodes.USAGE, Cli.run("search", "-s", src.toString(), "-f", "color=red", "应急").exit());
    assertEquals(ExitCodes.USAGE, Cli.run("search", "-s", src.toString(), "--format", "xml", "应急").exit());
    assertEquals(ExitCodes.USAGE, Cli.run("search", "-s", src.toString()).exit());
  }
}
