package dev.gongkai.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Site;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordValidatorTest {
  private static final String BASE = """
      -- catalogue/site.json --
      {"title": "站", "agency": "示例局", "baseUrl": "https://x.example/", "regionCode": "530199"}
      -- catalogue/catalogue.csv --
      编码,领域,一级事项,二级事项,公开内容(要素),公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
      aqsc-01-01,安全生产,政策文件,法律法规,法律,条例,20个工作日内,局,政府网站,全社会,主动,县级
      aqsc-01-02,安全生产,政策文件,政策解读,解读,条例,20个工作日内,局,政府网站,全社会,主动,县级
      """;

  private static Diagnostics diags;

  private static Site load(Path tmp, String records) throws IOException {
    Path src = Txtar.parse((BASE + records).stripIndent()).writeTo(tmp);
    diags = new Diagnostics();
    return SiteValidator.validate(InputLoader.load(new dev.gongkai.load.SourceTree(src), diags), diags).orElseThrow();
  }

  @Test
  void oneSideOfALinkIsEnoughAndDefaultsApply(@TempDir Path tmp) throws IOException {
    Site site = load(tmp, """
        -- catalogue/records/r.csv --
        index_no,title,written,published,disclosure,item,interpretation,doc_no
        A00000001/2024-1,文件,2024-01-02,2024-01-03,主动公开,aqsc-01-01,A00000001/2024-2,示应急发[2024]1号
        A00000001/2024-2,解读,2024-01-02,2024-01-03,主动公开,安全生产 / 政策文件 / 政策解读,,
        """);
    Map<String, DisclosureRecord> by = site.records().stream()
        .collect(Collectors.toMap(DisclosureRecord::indexNo, r -> r));
    assertEquals("A00000001/2024-1", by.get("A00000001/2024-2").original(), "the other direction is filled in");
    assertEquals("aqsc-01-02", by.get("A00000001/2024-2").itemCode(), "item given as a path");
    assertEquals("示例局", by.get("A00000001/2024-1").agency(), "agency defaults to the site's");
    assertEquals(List.of(Code.DOCNO_BRACKETS), diags.sorted().stream().map(d -> d.code()).toList());
    assertEquals(0, diags.errorCount(), "a bracket style is a warning, not an error");
  }

  @Test
  void contradictingLinksAreAnError(@TempDir Path tmp) throws IOException {
    load(tmp, """
        -- catalogue/records/r.csv --
        索引号,标题,成文日期,发布日期,公开属性,事项,解读,原文
        A00000001/2024-1,文件一,2024-01-02,2024-01-03,主动公开,aqsc-01-01,A00000001/2024-3,
        A00000001/2024-2,文件二,2024-01-02,2024-01-03,主动公开,aqsc-01-01,,
        A00000001/2024-3,解读,2024-01-02,2024-01-03,主动公开,aqsc-01-02,,A00000001/2024-2
        """);
    // One contradiction, reported once, where the first side was written.
    assertEquals(List.of(Code.LINK_MISMATCH), diags.sorted().stream().map(d -> d.code()).toList());
    assertEquals("catalogue/records/r.csv:2:60", diags.sorted().get(0).location().toString());
  }

  @Test
  void fileNamedAfterAnItemNeedsNoItemColumn(@TempDir Path tmp) throws IOException {
    Site site = load(tmp, """
        -- catalogue/records/sub/aqsc-01-02.json --
        {"records": [{"索引号": "A00000001/2024-9", "标题": "解读", "成文日期": "2024年1月2日",
                      "发布日期": "2024/1/3", "公开属性": "主动公开", "附件": []}]}
        """);
    assertEquals(0, diags.total(), () -> diags.sorted().toString());
    assertEquals("aqsc-01-02", site.records().get(0).itemCode());
    assertEquals("2024-01-03", site.records().get(0).published().toString());
  }

  @Test
  void aDuplicateIndexNumberIsReportedWhereItRepeatsWhateverTheThreads(@TempDir Path tmp) throws IOException {
    // Eight files checked on every core: each repeats the first index number of the file before it. The later row, in
    // file and row order, is the one reported, with where the number was first given.
    StringBuilder files = new StringBuilder();
    for (int f = 0; f < 8; f++) {
      files.append("-- catalogue/records/r").append(f).append(".csv --\n");
      files.append("索引号,标题,成文日期,发布日期,公开属性,事项\n");
      for (int i = 0; i < 50; i++) {
        files.append(String.format("A00000001/2024-%d%02d,标题%d-%d,2024-01-02,2024-01-03,主动公开,aqsc-01-01%n",
            f, i, f, i));
      }
      if (f > 0) files.append(String.format("A00000001/2024-%d00,重复,2024-01-02,2024-01-03,主动公开,aqsc-01-01%n", f - 1));
    }
    List<String> first = null;
    for (int run = 0; run < 5; run++) {
      Site site = load(tmp.resolve("run" + run), files.toString());
      List<String> seen = diags.sorted().stream()
          .map(d -> d.code() + " " + d.location() + " " + d.messageEn()).toList();
      assertEquals(7, seen.size(), seen::toString);
      for (int f = 1; f < 8; f++) {
        String at = "catalogue/records/r" + f + ".csv:52:1";
        String was = "catalogue/records/r" + (f - 1) + ".csv:2:1";
        assertEquals(1, seen.stream().filter(x -> x.startsWith("INDEX_DUPLICATE " + at) && x.contains(was)).count(),
            () -> seen.toString());
      }
      assertEquals(400, site.records().size(), "each repeat gives no record");
      if (first == null) first = seen;
      assertEquals(first, seen, "the same diagnostics on every run");
    }
  }

  @Test
  void linksAreResolvedAmongManyRecordsAndARowWithErrorsIsNotReportedAgain(@TempDir Path tmp) throws IOException {
    // 200 records in two files, out of index order. Only the records that name a link, or are named, change: the
    // others are the instances the rows gave, in index number order.
    StringBuilder f = new StringBuilder("-- catalogue/records/b.csv --\n索引号,标题,成文日期,发布日期,公开属性,事项,解读,原文\n");
    for (int i = 199; i >= 100; i--) {
      f.append(String.format("A00000001/2024-%03d,标题%d,2024-01-02,2024-01-03,主动公开,aqsc-01-01,,%n", i, i));
    }
    f.append("-- catalogue/records/a.csv --\n索引号,标题,成文日期,发布日期,公开属性,事项,解读,原文\n");
    for (int i = 0; i < 100; i++) {
      String interp = i == 10 ? "A00000001/2024-150" : i == 11 ? "A00000001/2024-900" : i == 12 ? "A00000001/2024-250" : "";
      f.append(String.format("A00000001/2024-%03d,标题%d,2024-01-02,2024-01-03,主动公开,aqsc-01-01,%s,%n", i, i, interp));
    }
    // A row with an error claims its index number: the link to it is not reported a second time.
    f.append("A00000001/2024-250,错误,2024-13-02,2024-01-03,主动公开,aqsc-01-01,,\n");
    Site site = load(tmp, f.toString());
    List<String> seen = diags.sorted().stream().map(d -> d.code() + " " + d.location()).toList();
    assertEquals(List.of("LINK_DANGLING catalogue/records/a.csv:13:63", "DATE_INVALID catalogue/records/a.csv:102:23"),
        seen);
    List<DisclosureRecord> records = site.records();
    assertEquals(200, records.size());
    for (int i = 0; i < 200; i++) assertEquals(String.format("A00000001/2024-%03d", i), records.get(i).indexNo());
    assertEquals("A00000001/2024-150", records.get(10).interpretation());
    assertEquals("A00000001/2024-010", records.get(150).original(), "the other direction is filled in");
    assertEquals("", records.get(11).interpretation(), "a dangling link is dropped");
    assertEquals("", records.get(12).interpretation(), "so is one to a row that gave no record");
    for (int i : new int[] {0, 13, 149, 151, 199}) {
      assertEquals("", records.get(i).interpretation() + records.get(i).original());
    }
  }
}
