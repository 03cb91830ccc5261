package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.testing.Cli;
import dev.gongkai.testing.TreeDigest;
import dev.gongkai.testing.Txtar;
import dev.gongkai.testing.Workbooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sites whose records and datasets are kept as .xlsx, built through the command line. */
class XlsxBuildTest {
  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");
  private static final Pattern DIAG_LINE = Pattern.compile("(?m)^(\\S.*?): (error|warning)\\[([a-z-]+)\\]$");

  private static Path site(Path tmp) throws IOException {
    return Txtar.read(Path.of("src/test/resources/invalid/_base.txtar")).writeTo(tmp.resolve("site"));
  }

  /** The interpretation records of aqsc-01-02 as an office would keep them: a title row, then the table. */
  private static Workbooks.Book interpretations(Object badWritten) {
    return Workbooks.book().sheet("Sheet1")
        .row(1, "2024年政策解读信息").merge("A1:F1")
        .row(2, "索引号", "标题", "发布机构", "成文日期", "发布日期", "公开属性")
        .row(3, "015583216/2024-00010", "《安全生产条例》解读", "测试县应急管理局", LocalDate.of(2024, 6, 3),
            "2024-06-05", "主动公开")
        .row(5, "015583216/2024-00011", "《防汛预案》解读", null, "2024/6/3", LocalDate.of(2024, 6, 6), "主动公开")
        .row(6, "015583216/2024-00012", "《应急预案》解读", null, badWritten, LocalDate.of(2024, 6, 6), "主动公开")
        .done();
  }

  private static List<String> diagnostics(Cli.Run run) {
    assertFalse(STACK_FRAME.matcher(run.err()).find() || run.err().contains("Caused by:"), run.err());
    List<String> out = new ArrayList<>();
    Matcher m = DIAG_LINE.matcher(run.err());
    while (m.find()) out.add(m.group(3) + " " + m.group(1));
    return out;
  }

  @Test
  void recordsAndDatasetsKeptAsWorkbooksArePublished(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    interpretations(LocalDate.of(2024, 6, 4)).save(src.resolve("catalogue/records/aqsc-01-02.xlsx"));
    Files.delete(src.resolve("catalogue/datasets/funds.csv"));
    Workbooks.book().sheet("Sheet1")
        .row(1, "救灾资金下拨情况（单位：万元）").merge("A1:D1")
        .row(2, "序号", "乡镇", "金额", "下拨日期")
        .row(3, 1, "城关镇", 12.5, LocalDate.of(2024, 8, 1))
        .row(4, 2, "河口镇", 8.0, "2024-08-01")
        .done().save(src.resolve("catalogue/datasets/funds.xlsx"));
    // Excel's lock file of an open workbook: not a workbook at all, and never read.
    Files.write(src.resolve("catalogue/records/~$aqsc-01-02.xlsx"), new byte[] {7, 'u', 's', 'e', 'r'});
    Files.write(src.resolve("catalogue/datasets/~$funds.xlsx"), new byte[] {7, 'u', 's', 'e', 'r'});
    Path out = tmp.resolve("public");

    Cli.Run run = Cli.run("build", "--source", src.toString(), "--out", out.toString());

    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(), diagnostics(run));
    String page = Files.readString(out.resolve("records/015583216-2024-00011/index.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("《防汛预案》解读"), page);
    assertTrue(page.contains("2024-06-03") && page.contains("2024-06-06"), "dates from text and date cells");
    assertTrue(Files.exists(out.resolve("records/015583216-2024-00012/index.html")));
    String csv = Files.readString(out.resolve("data/funds/funds.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.contains("1,城关镇,12.5,2024-08-01") && csv.contains("2,河口镇,8,2024-08-01"), csv);
  }

  @Test
  void aBadCellIsReportedAtItsExcelAddressAndTheBuildFails(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    interpretations("2024-02-30").save(src.resolve("catalogue/records/aqsc-01-02.xlsx"));
    Path out = tmp.resolve("public");
    Files.createDirectories(out);
    Files.writeString(out.resolve(dev.gongkai.write.StagedOutput.MARKER), "previous build\n");
    Files.writeString(out.resolve("index.html"), "<p>previous</p>\n");
    Map<String, String> before = TreeDigest.of(out);

    Cli.Run run = Cli.run("build", "--source", src.toString(), "--out", out.toString());

    assertEquals(1, run.exit(), run.err());
    assertEquals(List.of("date-invalid catalogue/records/aqsc-01-02.xlsx!Sheet1!D6"), diagnostics(run));
    assertTrue(run.err().contains("catalogue/records/aqsc-01-02.xlsx!Sheet1!D6: error[date-invalid]\n"
        + "    “2024-02-30”不是有效日期："), run.err());
    assertTrue(run.err().contains("提示：日期写成 YYYY-MM-DD"), run.err());
    assertEquals(before, TreeDigest.of(out), "the published output is left as it was");
  }

  @Test
  void aRecordKeptInACsvAndAWorkbookOfTheSameNameIsADuplicate(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Workbooks.book().sheet("Sheet1")
        .row(1, "索引号", "标题", "成文日期", "发布日期", "公开属性")
        .row(2, "015583216/2024-00003", "内部工作安排", "2024-05-06", "2024-05-10", "不予公开")
        .done().save(src.resolve("catalogue/records/aqsc-01-01.xlsx"));

    Cli.Run run = Cli.run("validate", "--source", src.toString());

    assertEquals(1, run.exit(), run.err());
    assertEquals(List.of("index-duplicate catalogue/records/aqsc-01-01.xlsx!Sheet1!A2"), diagnostics(run));
    assertTrue(run.err().contains("catalogue/records/aqsc-01-01.csv:3:1"), "names the first one: " + run.err());
  }

  @Test
  void aDatasetWithACsvAndAWorkbookIsAnError(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Workbooks.book().sheet("Sheet1").row(1, "序号", "乡镇", "金额", "下拨日期").row(2, 1, "城关镇", 1, "2024-08-01")
        .done().save(src.resolve("catalogue/datasets/funds.xlsx"));

    Cli.Run run = Cli.run("validate", "--source", src.toString());

    assertEquals(1, run.exit(), run.err());
    assertEquals(List.of("data-file-duplicate catalogue/datasets/funds.xlsx"), diagnostics(run));
  }

  @Test
  void warningsAndBrokenWorkbooksAreLocated(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    interpretations(LocalDate.of(2024, 6, 4)).sheet("Sheet2").row(2, "015583216/2024-00013").done()
        .save(src.resolve("catalogue/records/aqsc-01-02.xlsx"));

    Cli.Run ok = Cli.run("validate", "--source", src.toString());
    assertEquals(0, ok.exit(), ok.err());
    assertEquals(List.of("xlsx-sheet-ignored catalogue/records/aqsc-01-02.xlsx!Sheet2!A2"), diagnostics(ok));
    assertTrue(ok.err().contains("only the first sheet \"Sheet1\" is read"), ok.err());

    Files.writeString(src.resolve("catalogue/records/jz-01-01.xlsx"), "索引号,标题\n", StandardCharsets.UTF_8);
    Cli.Run bad = Cli.run("validate", "--source", src.toString());
    assertEquals(1, bad.exit(), bad.err());
    assertEquals(List.of("xlsx-sheet-ignored catalogue/records/aqsc-01-02.xlsx!Sheet2!A2",
        "xlsx-unreadable catalogue/records/jz-01-01.xlsx"), diagnostics(bad));
    assertTrue(bad.err().contains("另存为 → Excel 工作簿（*.xlsx）"), bad.err());
  }
}
