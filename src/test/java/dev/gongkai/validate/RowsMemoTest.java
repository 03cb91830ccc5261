package dev.gongkai.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.Inputs;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Site;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memo {@code gongkai serve} keeps of each record file's checked rows: an unchanged file is left unread and
 * gives the same records (the same instances) and diagnostics as reading it; a change to the file or to what its
 * rows read besides it (site.json, catalogue.csv, files under content/) has it read again.
 */
class RowsMemoTest {
  private static final String SITE = """
      -- catalogue/site.json --
      {"title": "站", "agency": "示例局", "baseUrl": "https://x.example/", "regionCode": "530199"}
      -- catalogue/catalogue.csv --
      编码,领域,一级事项,二级事项,公开内容(要素),公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
      aqsc-01-01,安全生产,政策文件,法律法规,法律,条例,20个工作日内,局,政府网站,全社会,主动,县级
      -- catalogue/records/a.csv --
      index_no,title,written,published,disclosure,item,doc_no
      A00000001/2024-1,文件一,2024-01-02,2024-01-03,主动公开,aqsc-01-01,示应急发[2024]1号
      -- catalogue/records/b.csv --
      index_no,title,written,published,disclosure,item,body_file
      A00000001/2024-2,文件二,2024-01-02,2024-01-03,主动公开,aqsc-01-01,documents/b.md
      -- content/documents/b.md --
      第二份文件的正文。
      """;

  private final RowsMemo memo = new RowsMemo();
  private Inputs inputs;
  private Diagnostics diags;

  private Site build(Path src, RowsMemo with) throws IOException {
    diags = new Diagnostics();
    inputs = InputLoader.load(new SourceTree(src), diags, with);
    return SiteValidator.validate(inputs, diags, with).orElseThrow();
  }

  /** The site as a build without a memo sees it, with its diagnostics. */
  private void assertSameAsWithoutMemo(Path src, Site site) throws IOException {
    List<Diagnostic> withMemo = diags.sorted();
    Site plain = build(src, null);
    assertEquals(plain.records(), site.records());
    assertEquals(diags.sorted(), withMemo);
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), file + " has " + from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  private Map<String, Boolean> unread() {
    return inputs.recordFiles().stream().collect(Collectors.toMap(Inputs.RecordFile::rel, Inputs.RecordFile::unread));
  }

  private static Map<String, DisclosureRecord> byIndex(Site s) {
    return s.records().stream().collect(Collectors.toMap(DisclosureRecord::indexNo, r -> r));
  }

  @Test
  void unchangedFilesAreLeftUnreadAndGiveTheSameRecords(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp);
    Site first = build(src, memo);
    assertEquals(Map.of("catalogue/records/a.csv", false, "catalogue/records/b.csv", false), unread());
    assertEquals(2, memo.size());

    Site second = build(src, memo);
    assertEquals(Map.of("catalogue/records/a.csv", true, "catalogue/records/b.csv", true), unread());
    assertSame(byIndex(first).get("A00000001/2024-1"), byIndex(second).get("A00000001/2024-1"));
    assertEquals(List.of(Code.DOCNO_BRACKETS), diags.sorted().stream().map(Diagnostic::code).toList(),
        "a remembered file's warning is reported again");
    assertSameAsWithoutMemo(src, second);

    replace(src.resolve("catalogue/records/a.csv"), "文件一", "文件一（改）");
    Site third = build(src, memo);
    assertEquals(Map.of("catalogue/records/a.csv", false, "catalogue/records/b.csv", true), unread());
    assertEquals("文件一（改）", byIndex(third).get("A00000001/2024-1").title());
    assertSame(byIndex(second).get("A00000001/2024-2"), byIndex(third).get("A00000001/2024-2"));
    assertSameAsWithoutMemo(src, third);
  }

  @Test
  void aFileReadAgainGivesLastBuildsInstancesForItsUnchangedRows(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp);
    Path a = src.resolve("catalogue/records/a.csv");
    Files.writeString(a, Files.readString(a, StandardCharsets.UTF_8)
        + "A00000001/2024-3,文件三,2024-01-02,2024-01-04,主动公开,aqsc-01-01,\n"
        + "A00000001/2024-4,文件四,2024-01-02,2024-01-05,主动公开,aqsc-01-01,\n", StandardCharsets.UTF_8);
    Site first = build(src, memo);

    // One row edited: the file is read again; its other rows give the instances they gave before.
    replace(a, "文件三", "文件三（改）");
    Site second = build(src, memo);
    assertEquals(false, unread().get("catalogue/records/a.csv"));
    assertSame(byIndex(first).get("A00000001/2024-1"), byIndex(second).get("A00000001/2024-1"));
    assertSame(byIndex(first).get("A00000001/2024-4"), byIndex(second).get("A00000001/2024-4"));
    assertNotSame(byIndex(first).get("A00000001/2024-3"), byIndex(second).get("A00000001/2024-3"));
    assertEquals("文件三（改）", byIndex(second).get("A00000001/2024-3").title());
    assertSameAsWithoutMemo(src, second);

    // A row inserted above another moves it down its file: its record is defined elsewhere now, a new instance
    // (equal records only are taken back).
    replace(a, "A00000001/2024-4,", "A00000001/2024-5,文件五,2024-01-02,2024-01-06,主动公开,aqsc-01-01,\n"
        + "A00000001/2024-4,");
    Site third = build(src, memo);
    assertNotSame(byIndex(second).get("A00000001/2024-4"), byIndex(third).get("A00000001/2024-4"));
    assertSame(byIndex(second).get("A00000001/2024-1"), byIndex(third).get("A00000001/2024-1"));
    assertSameAsWithoutMemo(src, third);
  }

  @Test
  void aChangeBesidesTheRecordFilesHasEveryFileReadAgain(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp);
    Site first = build(src, memo);
    Files.writeString(src.resolve("content/documents/b.md"), "改过的正文。\n", StandardCharsets.UTF_8);
    Site second = build(src, memo);
    assertEquals(Map.of("catalogue/records/a.csv", false, "catalogue/records/b.csv", false), unread());
    assertEquals("改过的正文。\n", byIndex(second).get("A00000001/2024-2").markdown());
    // Read again, and equal to what it gave: the same instance (see the test above).
    assertSame(byIndex(first).get("A00000001/2024-1"), byIndex(second).get("A00000001/2024-1"));
    assertSameAsWithoutMemo(src, second);

    replace(src.resolve("catalogue/catalogue.csv"), "aqsc-01-01,", "aqsc-01-09,");
    Site third = build(src, memo);
    assertEquals(Map.of("catalogue/records/a.csv", false, "catalogue/records/b.csv", false), unread());
    assertTrue(diags.sorted().stream().anyMatch(d -> d.code() == Code.ITEM_UNKNOWN), diags.sorted().toString());
    assertSameAsWithoutMemo(src, third);
  }

  @Test
  void aFileThatCannotBeReadIsForgottenAndReportedEachTime(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp);
    build(src, memo);
    Path a = src.resolve("catalogue/records/a.csv");
    Files.writeString(a, Files.readString(a, StandardCharsets.UTF_8) + "A00000001/2024-3,\"未闭合\n",
        StandardCharsets.UTF_8);
    for (int i = 0; i < 2; i++) {
      Site s = build(src, memo);
      assertEquals(false, unread().get("catalogue/records/a.csv"), "read every time");
      assertTrue(diags.sorted().stream().anyMatch(d -> d.code() == Code.CSV_UNCLOSED_QUOTE));
      assertSameAsWithoutMemo(src, s);
    }
    assertEquals(1, memo.size(), "only b.csv is remembered");
  }

  @Test
  void withoutAMemoEveryFileIsReadAndNothingIsStamped(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp);
    build(src, null);
    assertTrue(inputs.recordFiles().stream().noneMatch(f -> f.unread() || f.stamp() != null));
    assertEquals(0, inputs.context().length);
  }

  /** Sorting from the last build's order gives the order a fresh sort gives, over random edits of random records. */
  @Test
  void recordsSortedFromTheLastBuildsOrderAreSortedAsAFreshSortSortsThem() {
    java.util.Random random = new java.util.Random(11);
    java.util.Comparator<DisclosureRecord> byIndexNo = java.util.Comparator.comparing(DisclosureRecord::indexNo);
    List<DisclosureRecord> records = new java.util.ArrayList<>();
    java.util.Set<String> used = new java.util.HashSet<>();
    RowsMemo memo = new RowsMemo();
    for (int build = 0; build < 60; build++) {
      // Some records removed, some replaced by new instances (an edited file), some added; or many added at once.
      int adds = build % 10 == 0 ? 200 : random.nextInt(4);
      for (int i = records.size() - 1; i >= 0; i--) {
        int dice = random.nextInt(40);
        if (dice == 0) records.remove(i);
        else if (dice == 1) records.set(i, record(records.get(i).indexNo()));
      }
      for (int i = 0; i < adds; i++) {
        String no;
        do no = String.format(java.util.Locale.ROOT, "015583216/%d-%05d", 2020 + random.nextInt(6),
            random.nextInt(100_000));
        while (!used.add(no));
        records.add(random.nextInt(records.size() + 1), record(no));
      }
      java.util.Collections.shuffle(records, random); // claimed in file order, not sorted
      List<DisclosureRecord> expected = new java.util.ArrayList<>(records);
      expected.sort(byIndexNo);
      List<DisclosureRecord> got = memo.sorted(new java.util.ArrayList<>(records), byIndexNo);
      assertEquals(expected.size(), got.size());
      for (int i = 0; i < expected.size(); i++) assertSame(expected.get(i), got.get(i), "build " + build + " at " + i);
    }
  }

  /**
   * Records in the same places as last build but a few (an edited file read again, rows swapped), or a different
   * count: each build's order is the order a fresh sort gives, and most are made from the last build's by place.
   */
  @Test
  void recordsInTheirLastPlacesButAFewAreSortedAsAFreshSortSortsThem() {
    java.util.Random random = new java.util.Random(12);
    java.util.Comparator<DisclosureRecord> byIndexNo = java.util.Comparator.comparing(DisclosureRecord::indexNo);
    List<DisclosureRecord> records = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      records.add(record(String.format(java.util.Locale.ROOT, "015583216/2024-%05d", random.nextInt(100_000) * 7)));
    }
    records = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(records)); // claimed: no two equal
    java.util.Collections.shuffle(records, random);
    RowsMemo memo = new RowsMemo();
    int placed = 0;
    for (int build = 0; build < 40; build++) {
      int kind = build % 8;
      if (kind == 1) { // a few records edited in place: new instances, same index numbers
        for (int k = 0; k < 5; k++) {
          int i = random.nextInt(records.size());
          records.set(i, record(records.get(i).indexNo()));
        }
      } else if (kind == 2) { // two rows swapped, one edited
        java.util.Collections.swap(records, random.nextInt(records.size()), random.nextInt(records.size()));
        int i = random.nextInt(records.size());
        records.set(i, record(records.get(i).indexNo()));
      } else if (kind == 3) { // one row's index number changed: it sorts elsewhere
        int i = random.nextInt(records.size());
        records.set(i, record(records.get(i).indexNo() + "-" + build));
      } else if (kind == 4) { // more changed than are placed one by one
        for (int i = 0; i <= RowsMemo.FEW; i++) records.set(i, record(records.get(i).indexNo()));
      } else if (kind == 5) {
        records.remove(random.nextInt(records.size()));
      }
      List<DisclosureRecord> expected = new java.util.ArrayList<>(records);
      expected.sort(byIndexNo);
      int before = memo.sortedFromLast;
      List<DisclosureRecord> got = memo.sorted(new java.util.ArrayList<>(records), byIndexNo);
      placed += memo.sortedFromLast - before;
      assertEquals(expected.size(), got.size(), "build " + build);
      for (int i = 0; i < expected.size(); i++) assertSame(expected.get(i), got.get(i), "build " + build + " at " + i);
    }
    // All but the first build and those with too many changes or another count (kinds 4 and 5).
    assertEquals(40 - 1 - 5 - 5, placed, "builds sorted from the last build's places");
  }

  private static DisclosureRecord record(String indexNo) {
    return new DisclosureRecord(indexNo, DisclosureRecord.slugOf(indexNo), "标题" + indexNo, "示例县应急管理局",
        java.time.LocalDate.of(2024, 1, 2), java.time.LocalDate.of(2024, 1, 3), "", "安全生产监管", null,
        dev.gongkai.model.Disclosure.ACTIVE, "全社会", "aqsc-01-01", "", null, List.of(), "", "",
        dev.gongkai.diag.Location.file("catalogue/records/aqsc/aqsc-01-01.csv"));
  }
}
