package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.model.Dataset;
import dev.gongkai.testing.Txtar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OWASP CSV injection: a cell a spreadsheet would run as a formula is written with a leading {@code '} in the CSV
 * and XLSX downloads; valid numbers in numeric columns are left alone, and pages and JSON show the text as it is.
 */
class FormulaNeutralisationTest {
  private static final String EVIL = "=HYPERLINK(\"http://evil\",\"x\")";

  @Test
  void everyFormulaStartIsPrefixedAndNothingElse() {
    for (String v : List.of(EVIL, "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "=", "-", "-cmd|' /C calc'!A0")) {
      assertEquals("'" + v, CsvWriter.neutralise(v, false), v);
    }
    for (String v : List.of("", "城关镇", "a=b", " =1", "'=1", "015583216/2024-00012", "2024-05-10", "5", "＝1")) {
      assertEquals(v, CsvWriter.neutralise(v, false), v);
    }
    // Numeric columns: numbers are numbers; anything else that starts like a formula is still neutralised.
    for (String v : List.of("-5", "-0.5", "-007", "12.5")) assertEquals(v, CsvWriter.neutralise(v, true), v);
    for (String v : List.of("-5+cmd", "+5", "=1", "-")) assertEquals("'" + v, CsvWriter.neutralise(v, true), v);
  }

  private static DatasetTable table() {
    List<Dataset.Column> cols = List.of(
        new Dataset.Column("乡镇", "", "string", "", "", ""),
        new Dataset.Column("金额", "", "number", "", "", ""),
        new Dataset.Column("备注", "", "string", "", "", ""),
        new Dataset.Column("=列", "", "string", "", "", ""));
    return DatasetTable.of("t", "T", "", "", "", null, null, "", cols, List.of(), List.of(
        List.of(EVIL, "-5", "-5", "x"),
        List.of("@SUM(A1:A9)", "12.5", "+86 871", ""),
        List.of("\t=1+1", "-0.5", "\r=cmd", "城关镇")));
  }

  @Test
  void csvDownloadIsNeutralised() throws IOException {
    byte[] csv = CsvWriter.write(table());
    List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))
        .getRecords();
    assertEquals(List.of("乡镇", "金额", "备注", "'=列"), rows.get(0).toList());
    assertEquals(List.of("'" + EVIL, "-5", "'-5", "x"), rows.get(1).toList());
    assertEquals(List.of("'@SUM(A1:A9)", "12.5", "'+86 871", ""), rows.get(2).toList());
    assertEquals(List.of("'\t=1+1", "-0.5", "'\r=cmd", "城关镇"), rows.get(3).toList());
    // The Excel flavour is the same bytes after a BOM.
    assertTrue(new String(CsvWriter.withBom(csv), StandardCharsets.UTF_8).contains("'=HYPERLINK("));
  }

  @Test
  void xlsxDownloadIsNeutralised() throws IOException {
    byte[] xlsx = XlsxWriter.write(table(), Instant.parse("2024-06-01T00:00:00Z"));
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> rows = wb.getFirstSheet().read();
      assertEquals("'=列", rows.get(0).getCell(3).asString());
      assertEquals(CellType.STRING, rows.get(1).getCell(0).getType());
      assertEquals("'" + EVIL, rows.get(1).getCell(0).asString());
      assertEquals(CellType.NUMBER, rows.get(1).getCell(1).getType(), "-5 in a number column is a number");
      assertEquals(new BigDecimal("-5"), rows.get(1).getCell(1).asNumber());
      assertEquals("'-5", rows.get(1).getCell(2).asString(), "-5 in a text column is text");
      assertEquals("'@SUM(A1:A9)", rows.get(2).getCell(0).asString());
      assertEquals("'\t=1+1", rows.get(3).getCell(0).asString());
      for (Row r : rows) {
        for (int c = 0; c < r.getCellCount(); c++) {
          if (r.getCell(c) != null) assertFalse(r.getCell(c).getType() == CellType.FORMULA, "no formula cells");
        }
      }
    }
  }

  @Test
  void aBuiltSiteNeutralisesDownloadsButShowsTheTextAsWritten(@TempDir Path tmp) throws IOException {
    Txtar base = Txtar.read(Path.of("src/test/resources/invalid/_base.txtar"));
    Txtar site = Txtar.parse("""
        -- catalogue/datasets/funds.csv --
        序号,乡镇,金额,下拨日期
        1,"=HYPERLINK(""http://evil"",""x"")",-5,2024-08-01
        2,@SUM(A1),8,2024-08-01
        -- catalogue/records/jz-01-01.csv --
        索引号,标题,成文日期,发布日期,公开属性,正文
        015583216/2024-00009,=1+2 关于救灾资金的通知,2024-05-06,2024-05-10,主动公开,正文
        """).over(base);
    Path src = site.writeTo(tmp.resolve("site"));
    Path out = tmp.resolve("public");
    BuildResult r = SiteBuild.run(new BuildRequest(src, out), Progress.NONE);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());

    String csv = Files.readString(out.resolve("data/funds/funds.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""), csv);
    assertTrue(csv.contains(",'@SUM(A1),"), csv);
    assertTrue(csv.contains(",-5,"), "a negative amount stays a number: " + csv);
    String excel = Files.readString(out.resolve("data/funds/funds.excel.csv"), StandardCharsets.UTF_8);
    assertTrue(excel.contains("'@SUM(A1)"), excel);
    List<String> xlsxCells = new ArrayList<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(out.resolve("data/funds/funds.xlsx")))) {
      for (Row row : wb.getFirstSheet().read()) xlsxCells.add(row.getCellText(1));
    }
    assertEquals(List.of("乡镇", "'" + EVIL, "'@SUM(A1)"), xlsxCells);

    String records = Files.readString(out.resolve("data/records-jz-01-01/records-jz-01-01.csv"), StandardCharsets.UTF_8);
    assertTrue(records.contains("'=1+2 关于救灾资金的通知"), records);

    // JSON and the portal keep the text exactly (escaped as HTML, not prefixed).
    String json = Files.readString(out.resolve("data/funds/funds.json"), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")\""), json);
    String page = Files.readString(out.resolve("datasets/funds/index.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)"), "dataset page shows the text");
    assertFalse(page.contains("'=HYPERLINK"));
    String record = Files.readString(out.resolve("records/015583216-2024-00009/index.html"), StandardCharsets.UTF_8);
    assertTrue(record.contains("=1+2 关于救灾资金的通知") && !record.contains("'=1+2"), "record page shows the title");
  }
}
