package dev.gongkai.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data file: the sum rules of 表三 and 表四, located errors, rows left out, bad shapes. */
class AnnualReportDataTest {
  static final String PATH = "catalogue/annual-report/2025.json";

  private static AnnualData parse(String text) {
    return AnnualData.parse(text, PATH, 2025);
  }

  private static List<AnnualIssue> errors(AnnualData d) {
    return d.issues().stream().filter(AnnualIssue::error).toList();
  }

  @Test
  void theBundledDataFileKeepsEveryRule() {
    AnnualData d = AnnualData.read(Path.of("").toAbsolutePath(), 2025);
    assertTrue(d.readable());
    assertEquals(List.of(), d.issues());
  }

  /** 一 + 二 = （七）总计 + 四 for each applicant column and 总计; the error names file, key, both sides. */
  @Test
  void receivedMustEqualHandledPlusCarriedOver() {
    AnnualData d = parse("""
        {
          "table3": {
            "一、本年新收政府信息公开申请数量": [5, 2, 0, 0, 0, 0, 7],
            "二、上年结转政府信息公开申请数量": [1, 0, 0, 0, 0, 0, 1],
            "（一）予以公开": [4, 2, 0, 0, 0, 0, 6],
            "（七）总计": [4, 2, 0, 0, 0, 0, 6],
            "四、结转下年度继续办理": [0, 0, 0, 0, 0, 0, 0]
          }
        }
        """);
    List<AnnualIssue> e = errors(d);
    // 自然人: 5 + 1 = 6 ≠ 4 + 0; 总计: 7 + 1 = 8 ≠ 6 + 0. 商业企业 2 + 0 = 2 + 0 holds.
    assertEquals(2, e.size(), e::toString);
    AnnualIssue first = e.get(0);
    assertEquals("report-sum", first.code());
    assertEquals(PATH, first.location().path());
    assertEquals(6, first.location().line()); // the （七）总计 row, where the file gives it
    assertEquals("table3[\"（七）总计\"][0]", first.key());
    assertTrue(first.zh().contains("“自然人”列") && first.zh().contains("5 + 1 = 6") && first.zh().contains("4 + 0 = 4"),
        first.zh());
    assertTrue(first.en().contains("= 6") && first.en().contains("= 4") && first.en().contains("must be equal"));
    assertTrue(e.get(1).zh().contains("“总计”列") && e.get(1).zh().contains("= 8"), e.get(1).zh());
    assertTrue(first.headline().startsWith("catalogue/annual-report/2025.json:6:"), first.headline());
  }

  @Test
  void totalColumnMustBeTheSumOfTheApplicantColumns() {
    AnnualData d = parse("""
        {"table3": {"一、本年新收政府信息公开申请数量": [1, 1, 0, 0, 0, 0, 3], "（一）予以公开": [1, 1, 0, 0, 0, 0]}}
        """);
    List<AnnualIssue> e = errors(d);
    // The row's 总计 is 3 but 1 + 1 = 2; then 总计 column: 3 received ≠ 2 handled.
    assertTrue(e.stream().anyMatch(i -> i.key().equals("table3[\"一、本年新收政府信息公开申请数量\"][6]")
        && i.zh().contains("各类申请人之和 2，实为 3")), e::toString);
    assertEquals(2, e.size(), e::toString);
  }

  @Test
  void subtotalsMustBeTheSumOfTheirReasons() {
    AnnualData d = parse("""
        {"table3": {
          "new": [2, 0, 0, 0, 0, 0],
          "（三）不予公开": [2, 0, 0, 0, 0, 0],
          "（三）4.保护第三方合法权益": [1, 0, 0, 0, 0, 0]
        }}
        """);
    List<AnnualIssue> e = errors(d);
    assertEquals(2, e.size(), e::toString); // 自然人 and 总计 of （三）不予公开: 1 ≠ 2
    assertTrue(e.get(0).zh().contains("（三）不予公开") && e.get(0).zh().contains("其下各项之和 1，实为 2"), e.get(0).zh());
    assertEquals(3, e.get(0).location().line());
  }

  /** Rows left out are zeros; subtotals and （七）总计 left out are computed; ids work as keys. */
  @Test
  void rowsLeftOutAreZerosAndSubtotalsAreComputed() {
    AnnualData d = parse("""
        {"table3": {
          "new": [3, 1, 0, 0, 0, 0],
          "open": [1, 0, 0, 0, 0, 0],
          "（三）5.属于三类内部事务信息": [0, 1, 0, 0, 0, 0],
          "1.本机关不掌握相关政府信息": [1, 0, 0, 0, 0, 0],
          "carry-over": [1, 0, 0, 0, 0, 0]
        }}
        """);
    assertEquals(List.of(), d.issues());
    AnnualData.Table3 t = d.table3();
    assertEquals(List.of(0L, 1L, 0L, 0L, 0L, 0L, 1L), t.row("denied"));
    assertEquals(List.of(1L, 0L, 0L, 0L, 0L, 0L, 1L), t.row("unavailable"));
    assertEquals(List.of(2L, 1L, 0L, 0L, 0L, 0L, 3L), t.row("total"));
    assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L), t.row("carried"));
  }

  @Test
  void table4TotalsAreChecked() {
    AnnualData d = parse("""
        {"table4": {"行政复议": [1, 1, 0, 0, 3], "复议后起诉": [0, 1, 0, 0]}}
        """);
    List<AnnualIssue> e = errors(d);
    assertEquals(1, e.size(), e::toString);
    assertEquals("table4[\"行政复议\"][4]", e.get(0).key());
    assertTrue(e.get(0).zh().contains("之和 2，实为 3"), e.get(0).zh());
    assertEquals(List.of(0L, 1L, 0L, 0L, 1L), d.table4().groups().get(2));
    assertEquals(List.of(0L, 0L, 0L, 0L, 0L), d.table4().groups().get(1));
  }

  @Test
  void badShapesAndUnknownKeysAreLocated() {
    AnnualData d = parse("""
        {
          "year": 2024,
          "tabel3": {},
          "table2": {"行政处罚": {"本年处理决定数量": -1}, "规章": {"现行有效件数": 1.5}, "行政事业性收费": {"本年收费金额（单位：万元）": 1.25}},
          "table3": {"（三）9.不存在": [0, 0, 0, 0, 0, 0], "new": [1, 2]},
          "_note": "ignored"
        }
        """);
    List<AnnualIssue> e = errors(d);
    assertTrue(e.stream().anyMatch(i -> i.code().equals("report-year") && i.location().line() == 2), e::toString);
    assertTrue(e.stream().anyMatch(i -> i.code().equals("report-key") && i.key().equals("tabel3")
        && i.location().line() == 3), e::toString);
    assertTrue(e.stream().anyMatch(i -> i.key().equals("table2[\"行政处罚\"][\"本年处理决定数量\"]")
        && i.zh().contains("实为 -1")), e::toString);
    assertTrue(e.stream().anyMatch(i -> i.key().equals("table2[\"规章\"][\"现行有效件数\"]")), e::toString);
    assertTrue(e.stream().anyMatch(i -> i.key().equals("table3[\"（三）9.不存在\"]")), e::toString);
    assertTrue(e.stream().anyMatch(i -> i.key().equals("table3.new") && i.zh().contains("6 或 7")), e::toString);
    assertEquals(6, e.size(), e::toString);
    // The fee may have decimals.
    assertEquals("1.25", d.table2().get("行政事业性收费").get("本年收费金额（单位：万元）").value().toPlainString());
  }

  @Test
  void syntaxErrorsAreLocatedAndTheFileIsIgnored(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    Path f = tmp.resolve(PATH);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "{\n  \"table4\": {\"行政复议\": [1, 0, 0, 0, 1],}\n}\n");
    AnnualData d = AnnualData.read(tmp, 2025);
    assertFalse(d.readable());
    assertNull(d.table4());
    assertEquals(1, d.issues().size());
    assertEquals("report-json", d.issues().get(0).code());
    assertEquals(2, d.issues().get(0).location().line());
    AnnualData dup = parse("{\"table4\": {}, \"table4\": {}}");
    assertEquals("report-json", dup.issues().get(0).code());
  }
}
