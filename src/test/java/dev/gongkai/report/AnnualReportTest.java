package dev.gongkai.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.validate.SiteValidator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 表二 of the bundled example counted by hand, and 表三/表四 from its data file.
 *
 * <p>How the expected numbers were counted: every published (公开属性 主动公开) row of the CSV/JSON files under
 * {@code catalogue/records/} was listed with its 事项, 成文日期, 发布日期 and 有效性 by a 40-line Python script that
 * reads the files with the csv/json modules (not with gongkai), and the rows of the items below were then checked by
 * eye against the CSVs. The relevant rows (成文日期 / 有效性):
 *
 * <pre>
 * 部门和地方规章 aqsc-01-02: 2024-01-15, 2024-02-26, 2025-03-17            all 有效
 *                jz-01-02:   2024-04-22, 2024-06-11                        all 有效
 * 其他政策文件   aqsc-01-03: 2024-02-26 失效 (2024-00013), 2024-03-18, 2024-05-20 失效 (2024-00046), 2024-07-08,
 *                            2024-09-23 废止 (2024-00102, published 2024-09-24), 2025-02-24 失效 (2025-00024),
 *                            2025-04-14, 2025-05-26, 2025-11-17, 2025-12-22, 2026-02-27
 *                jz-01-03:   2024-03-11 失效 (2024-00021), 2024-05-13, 2024-05-27 失效 (2024-00052),
 *                            2025-03-10, 2025-08-18, 2025-11-10, 2026-03-09
 * 行政许可       aqsc-02-01: 2024-01-08, 2024-01-22, 2024-08-19, 2025-01-13, 2026-01-26
 * 行政处罚       aqsc-02-02: six in 2024, eight in 2025 (示应急罚〔2025〕1号…8号); a 2024 执法案卷 is 依申请公开
 * 行政强制       aqsc-02-03: 2024-03-11, 2025-06-05, 2026-01-12
 * </pre>
 *
 * No published record of these items is dated before 2024. The 失效 records have no {@code repealed} entry, so
 * they end in the year of their 发布日期 (2024, 2024, 2025, 2024, 2024); the bundled 2025.json lists 2024-00102 as
 * repealed in 2025 (without it, it would end in 2024, its 发布日期's year).
 */
class AnnualReportTest {
  static final Path EXAMPLE = Path.of("").toAbsolutePath();
  static PublishedSite site;

  @BeforeAll
  static void load() throws IOException {
    Diagnostics diags = new Diagnostics();
    site = DisclosureGate.apply(
        SiteValidator.validate(InputLoader.load(new SourceTree(EXAMPLE), diags), diags).orElseThrow());
    assertFalse(diags.hasErrors(), () -> diags.sorted().toString());
  }

  private static long cell(AnnualReport r, String row, String column) {
    return r.cell(row, column).orElseThrow().value().longValueExact();
  }

  private static long counted(AnnualReport r, String row, String column) {
    return r.cell(row, column).orElseThrow().counted();
  }

  /** Without a data file every counted row uses the default items (by 二级事项 name). */
  @Test
  void defaultMappingCountsTheExampleByHand() {
    AnnualSource src = AnnualSource.of(site, Map.of());
    AnnualReport y2025 = src.report(2025);
    // 规章: 5 records, all 有效; one written in 2025 (2025-03-17); 4 in 2024.
    assertEquals(1, cell(y2025, "规章", "本年制发件数"));
    assertEquals(0, cell(y2025, "规章", "本年废止件数"));
    assertEquals(5, cell(y2025, "规章", "现行有效件数"));
    // 行政规范性文件: written in 2025: 5 (aqsc) + 3 (jz) = 8. Ended in 2025: 2025-00024 (失效, published 2025).
    // In force at the end of 2025: written ≤ 2025 (10 + 6 = 16) minus those ended by then (6) = 10.
    assertEquals(8, cell(y2025, "行政规范性文件", "本年制发件数"));
    assertEquals(1, cell(y2025, "行政规范性文件", "本年废止件数"));
    assertEquals(10, cell(y2025, "行政规范性文件", "现行有效件数"));
    // Decisions: records written in 2025.
    assertEquals(1, cell(y2025, "行政许可", "本年处理决定数量"));
    assertEquals(8, cell(y2025, "行政处罚", "本年处理决定数量"));
    assertEquals(1, cell(y2025, "行政强制", "本年处理决定数量"));
    // No data file: no fee figure, no 表三/表四.
    assertFalse(y2025.cell("行政事业性收费", "本年收费金额（单位：万元）").orElseThrow().hasValue());
    assertNull(y2025.table3());
    assertNull(y2025.table4());
    assertNull(y2025.dataFile());

    AnnualReport y2024 = src.report(2024);
    assertEquals(4, cell(y2024, "规章", "本年制发件数"));
    assertEquals(4, cell(y2024, "规章", "现行有效件数"));
    // 行政规范性文件 2024: 5 + 3 written; ended in 2024: 00013, 00046, 00102 (废止, published 2024), 00021, 00052.
    assertEquals(8, cell(y2024, "行政规范性文件", "本年制发件数"));
    assertEquals(5, cell(y2024, "行政规范性文件", "本年废止件数"));
    assertEquals(3, cell(y2024, "行政规范性文件", "现行有效件数"));
    assertEquals(3, cell(y2024, "行政许可", "本年处理决定数量"));
    assertEquals(6, cell(y2024, "行政处罚", "本年处理决定数量"));
    assertEquals(1, cell(y2024, "行政强制", "本年处理决定数量"));

    // Cross-year: 5 = 4 + 1 − 0 and 10 = 3 + 8 − 1, so no warning.
    assertEquals(List.of(), y2025.issues());
    assertEquals(List.of("aqsc-01-02", "jz-01-02"),
        y2025.basis().get(0).items().stream().map(AnnualReport.Link::code).toList());
    assertEquals(List.of("aqsc-01-03", "jz-01-03"),
        y2025.basis().get(1).items().stream().map(AnnualReport.Link::code).toList());
  }

  /** With catalogue/annual-report/2025.json: 规章 chosen as none, 2024-00102 repealed in 2025, given figures. */
  @Test
  void bundledDataFileFor2025() {
    AnnualSource src = AnnualSource.load(site, EXAMPLE);
    AnnualReport r = src.report(2025);
    assertEquals("catalogue/annual-report/2025.json", r.dataFile());
    assertEquals(List.of(), r.issues(), () -> r.issues().toString());

    assertEquals(0, cell(r, "规章", "本年制发件数"));
    assertEquals(0, cell(r, "规章", "本年废止件数"));
    assertEquals(0, cell(r, "规章", "现行有效件数"));
    assertTrue(r.basis().get(0).fromDataFile());
    // 2024-00102 (废止) now ends in 2025 with 2025-00024 (失效): 2 repealed; in force 10 as before.
    assertEquals(8, cell(r, "行政规范性文件", "本年制发件数"));
    assertEquals(2, cell(r, "行政规范性文件", "本年废止件数"));
    assertEquals(10, cell(r, "行政规范性文件", "现行有效件数"));
    // Given by the data file; the records still count 1, 8 and 1.
    assertEquals(52, cell(r, "行政许可", "本年处理决定数量"));
    assertEquals(1, counted(r, "行政许可", "本年处理决定数量"));
    assertEquals(25, cell(r, "行政处罚", "本年处理决定数量"));
    assertEquals(8, counted(r, "行政处罚", "本年处理决定数量"));
    assertEquals(3, cell(r, "行政强制", "本年处理决定数量"));
    assertEquals(1, counted(r, "行政强制", "本年处理决定数量"));
    AnnualReport.Cell fee = r.cell("行政事业性收费", "本年收费金额（单位：万元）").orElseThrow();
    assertEquals(0, fee.value().compareTo(BigDecimal.ZERO));
    assertTrue(fee.given());

    // The assumed end year is named: only 2025-00024 of the 2025 figures rests on it.
    assertTrue(r.notes().stream().anyMatch(n -> n.zh().startsWith("015583216/2025-00024") && n.zh().contains("2025")),
        r.notes().toString());
    assertFalse(r.notes().stream().anyMatch(n -> n.zh().startsWith("015583216/2024-00102")), r.notes().toString());
    assertTrue(r.notes().stream().anyMatch(n -> n.zh().contains("行政处罚") && n.zh().contains("计 8 件")));

    // 表三 and 表四 as in the data file.
    AnnualReport.Table3 t3 = r.table3();
    assertNotNull(t3);
    assertEquals(List.of(5L, 2L, 0L, 0L, 0L, 0L, 7L), t3.row("new").orElseThrow().values());
    assertEquals(List.of(5L, 2L, 0L, 0L, 0L, 0L, 7L), t3.row("total").orElseThrow().values());
    assertEquals(List.of(0L, 1L, 0L, 0L, 0L, 0L, 1L), t3.row("denied-5").orElseThrow().values());
    assertEquals(List.of(1L, 0L, 0L, 0L, 1L), r.table4().groups().get(0).values());
    assertEquals(3, r.sections().stream().filter(s -> !r.text(s).isEmpty()).count());
  }

  /** 2024 with the 2025 file's categories (2024 has no file): the cross-year identity holds for 2025. */
  @Test
  void crossYearIdentityHoldsOnTheExample() {
    AnnualSource src = AnnualSource.load(site, EXAMPLE);
    AnnualReport y2024 = src.report(2024);
    AnnualReport y2025 = src.report(2025);
    // 2024 has no data file, but the repealed list of 2025.json holds for every year: 2024-00102 ended in 2025,
    // so it was in force at the end of 2024 (ended in 2024: 00013, 00046, 00021, 00052; in force: 00024, 00075,
    // 00043 and 00102).
    assertEquals(8, cell(y2024, "行政规范性文件", "本年制发件数"));
    assertEquals(4, cell(y2024, "行政规范性文件", "本年废止件数"));
    assertEquals(4, cell(y2024, "行政规范性文件", "现行有效件数"));
    // 2024 uses the default categories (its own report has no data file): 规章 4 in force.
    assertEquals(4, cell(y2024, "规章", "现行有效件数"));
    // 2025 against 2024 counted with 2025's categories: 规章 0 = 0 + 0 − 0; 行政规范性文件 10 = 4 + 8 − 2.
    assertEquals(cell(y2025, "行政规范性文件", "现行有效件数"), 4 + 8 - 2);
    assertTrue(y2025.warnings().isEmpty(), () -> y2025.warnings().toString());
    assertTrue(y2024.table3() == null && y2024.dataFile() == null);
  }

  /** A figure given in a data file that breaks 现行有效(Y) = 现行有效(Y−1) + 制发 − 废止 is a warning with both numbers. */
  @Test
  void crossYearMismatchIsAWarning() {
    AnnualData d2024 = AnnualData.parse("{\"table2\": {\"行政规范性文件\": {\"现行有效件数\": 12}}}",
        "catalogue/annual-report/2024.json", 2024);
    AnnualData d2025 = AnnualData.parse("{\"repealed\": [\"015583216/2024-00102\"]}",
        "catalogue/annual-report/2025.json", 2025);
    AnnualReport r = AnnualSource.of(site, Map.of(2024, d2024, 2025, d2025)).report(2025);
    assertFalse(r.hasErrors(), () -> r.issues().toString());
    AnnualIssue w = r.warnings().stream().filter(i -> i.code().equals("report-cross-year")).findFirst().orElseThrow();
    // 2025 counts 10 in force; 2024's given 12 + 8 − 2 = 18.
    assertTrue(w.zh().contains("为 10") && w.zh().contains("12") && w.zh().contains("应为 18"), w.zh());
    assertTrue(w.en().contains("is 10") && w.en().contains("gives 18"), w.en());
    assertEquals("catalogue/annual-report/2025.json", w.location().path());
  }

  /** 2026 has no data file: 2025's "规章": [] still holds, so 规章 stays 0 and the cross-year check is quiet. */
  @Test
  void categoriesHoldForLaterYears() {
    AnnualReport y2026 = AnnualSource.load(site, EXAMPLE).report(2026);
    assertEquals(0, cell(y2026, "规章", "现行有效件数"));
    assertEquals(2025, y2026.basis().get(0).dataFileYear());
    assertNull(y2026.basis().get(1).dataFileYear());
    // 行政规范性文件 2026: written in 2026: 2026-00019 and 2026-00023; in force: 10 + 2 − 0.
    assertEquals(2, cell(y2026, "行政规范性文件", "本年制发件数"));
    assertEquals(12, cell(y2026, "行政规范性文件", "现行有效件数"));
    assertEquals(List.of(), y2026.issues());
  }

  @Test
  void yearsAreThoseWithRecordsOrADataFile() {
    assertEquals(List.of(2024, 2025, 2026), List.copyOf(AnnualSource.load(site, EXAMPLE).years()));
  }

  @Test
  void repealedEntriesAreChecked() {
    AnnualData d2023 = AnnualData.parse("{\"repealed\": [\"015583216/2024-00102\"]}",
        "catalogue/annual-report/2023.json", 2023);
    AnnualData d2025 = AnnualData.parse("""
        {"repealed": ["015583216/2024-00075", "015583216/9999-99999", "015583216/2024-00102"]}
        """, "catalogue/annual-report/2025.json", 2025);
    AnnualData d2026 = AnnualData.parse("{\"repealed\": [\"015583216/2024-00102\"]}",
        "catalogue/annual-report/2026.json", 2026);
    AnnualSource src = AnnualSource.of(site, Map.of(2023, d2023, 2025, d2025, 2026, d2026));
    // 2024-00102 was written on 2024-09-23: it cannot have been repealed in 2023.
    List<AnnualIssue> e2023 = src.report(2023).errors();
    assertEquals(1, e2023.size(), e2023::toString);
    assertTrue(e2023.get(0).zh().contains("2024-09-23") && e2023.get(0).code().equals("report-repealed"));
    // 2024-00075 is still 有效; 9999-99999 is no published record; 2024-00102 is fine here.
    List<AnnualIssue> e2025 = src.report(2025).errors();
    assertEquals(2, e2025.size(), e2025::toString);
    assertTrue(e2025.stream().anyMatch(i -> i.code().equals("report-repealed") && i.zh().contains("2024-00075")
        && i.zh().contains("有效")));
    assertTrue(e2025.stream().anyMatch(i -> i.code().equals("report-unknown") && i.zh().contains("9999-99999")));
    assertEquals(1, e2025.get(0).location().line());
    // …and listing it again in 2026 is an error that points at 2025's entry.
    List<AnnualIssue> e2026 = src.report(2026).errors();
    assertEquals(1, e2026.size(), e2026::toString);
    assertTrue(e2026.get(0).zh().contains("catalogue/annual-report/2025.json:1:"), e2026.get(0).zh());
  }

  @Test
  void categoriesMayNameItemsAndRecords() {
    AnnualData d = AnnualData.parse("""
        {"categories": {"行政规范性文件": ["015583216/2025-00184", "jz-01-03"], "行政许可": ["no-such-item"]}}
        """, "catalogue/annual-report/2025.json", 2025);
    AnnualReport r = AnnualSource.of(site, Map.of(2025, d)).report(2025);
    // jz-01-03 written in 2025: 3, plus 2025-00184 = 4.
    assertEquals(4, cell(r, "行政规范性文件", "本年制发件数"));
    assertEquals(1, r.errors().size());
    assertTrue(r.errors().get(0).zh().contains("no-such-item"));
  }
}
