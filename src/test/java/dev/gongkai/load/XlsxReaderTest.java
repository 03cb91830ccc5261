package dev.gongkai.load;

import static dev.gongkai.testing.Workbooks.fmt;
import static dev.gongkai.testing.Workbooks.formula;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.testing.Workbooks;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class XlsxReaderTest {
  private static final String PATH = "catalogue/records/救灾资金.xlsx";
  private static final Predicate<String> KNOWN = Set.of("索引号", "标题", "成文日期", "金额", "序号")::contains;

  private Diagnostics diags = new Diagnostics();

  private Optional<Table> read(byte[] bytes) {
    diags = new Diagnostics();
    return XlsxReader.read(PATH, bytes, KNOWN, diags);
  }

  private Table table(Workbooks.Book book) {
    Table t = read(book.bytes()).orElseThrow(() -> new AssertionError(diags.sorted().toString()));
    return t;
  }

  private static List<String> header(Table t) {
    return t.header().stream().map(Cell::value).toList();
  }

  private static List<List<String>> values(Table t) {
    return t.rows().stream().map(r -> r.cells().stream().map(Cell::value).toList()).toList();
  }

  private List<String> found() {
    return diags.sorted().stream().map(d -> d.code().id() + " " + d.location()).toList();
  }

  @Test
  void datesTypedAsExcelDatesOrAsTextBothBecomeIsoText() {
    Table t = table(Workbooks.book().sheet("Sheet1")
        .row(1, "标题", "成文日期", "b", "c", "d", "e")
        .row(2, "typed", LocalDate.of(2024, 3, 5), fmt(LocalDate.of(2024, 3, 5), "yyyy\"年\"m\"月\"d\"日\""),
            fmt(LocalDate.of(2024, 12, 31), "m/d/yy"), fmt(45356.0, "[$-804]yyyy/mm/dd;@"), fmt(45356.0, "General"))
        .row(3, "text", "2024-03-05", "2024/3/5", "2024年3月5日", "2024-02-30", "x")
        .done());
    assertEquals(List.of(
        List.of("typed", "2024-03-05", "2024-03-05", "2024-12-31", "2024-03-05", "45356"),
        List.of("text", "2024-03-05", "2024/3/5", "2024年3月5日", "2024-02-30", "x")), values(t));
    assertEquals(0, diags.total(), found()::toString);
  }

  @Test
  void timesAreKeptOnlyWhenTheFormatShowsOneAndItIsNotMidnight() {
    Table t = table(Workbooks.book().sheet("Sheet1")
        .row(1, "标题", "a", "b", "c", "d")
        .row(2, "x", LocalDateTime.of(2024, 3, 5, 14, 30), LocalDateTime.of(2024, 3, 5, 0, 0),
            fmt(LocalDateTime.of(2024, 3, 5, 14, 30, 15), "yyyy-mm-dd hh:mm:ss"),
            fmt(LocalDateTime.of(2024, 3, 5, 14, 30), "yyyy-mm-dd"))
        .row(3, "y", fmt(0.5, "h:mm"), fmt(1.5, "[h]:mm"), fmt(60.0, "yyyy-mm-dd"), fmt(1.0, "yyyy-mm-dd"))
        .done());
    assertEquals(List.of(
        List.of("x", "2024-03-05 14:30", "2024-03-05", "2024-03-05 14:30:15", "2024-03-05"),
        // Excel's phantom 1900-02-29 stays visible so that date validation rejects it.
        List.of("y", "12:00", "36:00", "1900-02-29", "1900-01-01")), values(t));
  }

  @Test
  void numbersKeepTheirDigitsWithoutDecimalPointsOrExponents() {
    Table t = table(Workbooks.book().sheet("Sheet1")
        .row(1, "序号", "金额", "索引号", "d", "e", "f", "g")
        .row(2, 12, 12.5, fmt(15583216, "000000000"), 0.1 + 0.2, 123456789012345.0, 1.5e-7, -3)
        .row(3, 530199, fmt(1234.5, "#,##0.00"), fmt(0.05, "0%"), 100000000000.0, 0, 7.0, fmt(12, "@"))
        .done());
    assertEquals(List.of(
        List.of("12", "12.5", "015583216", "0.3", "123456789012345", "0.00000015", "-3"),
        List.of("530199", "1234.5", "0.05", "100000000000", "0", "7", "12")), values(t));
  }

  @Test
  void booleansAndFormulasGiveTheirCachedValues() {
    Table t = table(Workbooks.book().sheet("Sheet1")
        .row(1, "序号", "金额", "a", "b", "c", "d", "e")
        .row(2, 1, 2.5, formula("B2*4"), formula("\"示应急发〔\"&2024&\"〕1号\""), true, formula("B2>1"),
            fmt(formula("DATE(2024,3,5)"), "yyyy-mm-dd"))
        .row(3, 2, 3, formula("1/0"), "", false, formula("A3=1"), formula("TEXT(45356,\"yyyy-mm-dd\")"))
        .done());
    assertEquals(List.of(
        List.of("1", "2.5", "10", "示应急发〔2024〕1号", "TRUE", "TRUE", "2024-03-05"),
        List.of("2", "3", "#DIV/0!", "", "FALSE", "FALSE", "2024-03-05")), values(t));
  }

  @Test
  void titleRowsAboveTheHeaderAreSkippedAndCellsAreLocatedAsExcelShowsThem() {
    Table t = table(Workbooks.book().sheet("Sheet1")
        .row(1, "2024年自然灾害救灾资金下拨情况").merge("A1:D1")
        .row(2, "填报单位：示例县应急管理局", null, null, "单位：万元")
        .row(4, "序号", "乡镇", "金额", "下拨日期")
        .row(5, 1, "城关镇", 12.5, LocalDate.of(2024, 8, 1))
        .done());
    assertEquals(List.of("序号", "乡镇", "金额", "下拨日期"), header(t));
    assertEquals(List.of(List.of("1", "城关镇", "12.5", "2024-08-01")), values(t));
    assertEquals(PATH + "!Sheet1!A4", t.header().get(0).location().toString());
    assertEquals(PATH + "!Sheet1!D5", t.rows().get(0).cells().get(3).location().toString());
    assertEquals(PATH + "!Sheet1!A5", t.rows().get(0).location().toString());
    assertEquals(PATH, t.path());
  }

  @Test
  void withoutAKnownHeaderTheFirstNonBlankRowIsTheHeader() {
    Table t = table(Workbooks.book().sheet("Sheet1")
        .row(2, "编号", "名称")
        .row(3, "1", "一")
        .done());
    assertEquals(List.of("编号", "名称"), header(t)); // the validator reports them as unknown columns
    assertEquals(1, t.rows().size());
  }

  @Test
  void blankRowsTrailingColumnsAndTrailingRowsAreIgnored() {
    Table t = table(Workbooks.book().sheet("Sheet1")
        .row(1, "序号", "金额", "", " ")
        .row(2, 1, 2)
        .row(3, "", " ", "")
        .row(5, 2, 3, "", "")
        .row(9, "  ", "")
        .done());
    assertEquals(List.of("序号", "金额"), header(t));
    assertEquals(List.of(List.of("1", "2"), List.of("2", "3")), values(t));
    assertEquals(PATH + "!Sheet1!B5", t.rows().get(1).cells().get(1).location().toString());
    assertEquals(0, diags.total());
  }

  @Test
  void missingCellsAreBlankCellsAtTheirOwnAddress() {
    Table t = table(Workbooks.book().sheet("Sheet1")
        .row(1, "序号", "金额", "下拨日期")
        .row(2, 1)
        .done());
    assertEquals(List.of(List.of("1", "", "")), values(t));
    assertEquals(PATH + "!Sheet1!C2", t.rows().get(0).cells().get(2).location().toString());
  }

  @Test
  void aValueInAColumnWithoutHeaderIsAnError() {
    Table t = table(Workbooks.book().sheet("Sheet1")
        .row(1, null, "序号", "", "金额")
        .row(2, "备注", 1, "x", 2, "多余")
        .row(3, null, null, null, null, "只有这里")
        .done());
    assertEquals(List.of("序号", "", "金额"), header(t));
    assertEquals(List.of(List.of("1", "x", "2")), values(t));
    assertEquals(List.of("xlsx-cell-outside " + PATH + "!Sheet1!A2", "xlsx-cell-outside " + PATH + "!Sheet1!C2",
        "xlsx-cell-outside " + PATH + "!Sheet1!E2", "xlsx-cell-outside " + PATH + "!Sheet1!E3"), found());
    assertTrue(diags.sorted().get(0).messageZh().contains("第 1 行"), diags.sorted().get(0).messageZh());
  }

  @Test
  void theFirstSheetIsReadAnotherWithDataIsWarnedAboutNotesAndHiddenSheetsAreNot() {
    Table t = table(Workbooks.book()
        .sheet("说明").row(1, "填写说明").done()
        .sheet("Sheet1").row(1, "序号", "金额").row(2, 1, 2).done()
        .sheet("Sheet2").row(3, null, null, "2024年补充").done()
        .sheet("Sheet3").done()
        .sheet("lists").row(1, "主动公开").hidden().done());
    assertEquals(List.of(List.of("1", "2")), values(t));
    assertEquals(List.of("xlsx-sheet-ignored " + PATH + "!Sheet2!C3"), found());
    Diagnostic d = diags.sorted().get(0);
    assertEquals(false, d.isError());
    assertEquals("工作表“Sheet2”中有内容，但只读取第一个工作表“Sheet1”：这些内容不会发布", d.messageZh());
    assertEquals("2024年补充", d.text());
  }

  @Test
  void anEmptySheetIsAnEmptyFile() {
    assertTrue(read(Workbooks.book().sheet("Sheet1").row(3, "", " ").done().bytes()).isEmpty());
    assertEquals(List.of("file-empty " + PATH + "!Sheet1"), found());
  }

  @Test
  void brokenFilesAreLocatedErrorsNeverExceptions() {
    byte[] good = Workbooks.book().sheet("Sheet1").row(1, "序号").row(2, 1).done().bytes();
    byte[] ole2 = new byte[512];
    byte[] ole2Magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    System.arraycopy(ole2Magic, 0, ole2, 0, ole2Magic.length);
    List<byte[]> broken = List.of(
        Arrays.copyOf(good, good.length / 2), // a truncated download
        "序号,金额\n1,2\n".getBytes(StandardCharsets.UTF_8), // a CSV renamed .xlsx
        ole2, // an .xls, or an encrypted workbook
        zip("hello.txt", "not a workbook"), // a zip without a workbook
        zip("[Content_Types].xml", "<Types"), // a damaged part
        new byte[] {'P', 'K', 3, 4, 0, 0});
    for (byte[] b : broken) {
      assertTrue(read(b).isEmpty());
      assertEquals(List.of("xlsx-unreadable " + PATH), found());
      assertTrue(diags.sorted().get(0).messageZh().startsWith("无法读取 Excel 工作簿："), diags.sorted().get(0).messageZh());
    }
    read(ole2);
    assertTrue(diags.sorted().get(0).messageZh().contains(".xls"), diags.sorted().get(0).messageZh());
    assertTrue(read(new byte[0]).isEmpty());
    assertEquals(List.of("file-empty " + PATH), found());
  }

  @Test
  void escapedCharactersAreDecodedAndControlCharactersReportedAtTheCell() {
    byte[] b = Workbooks.book().sheet("Sheet1").row(1, "标题", "正文").row(2, "AAA", "BBB").row(3, "CCC").done().bytes();
    // What Excel writes for a vertical tab pasted from Word, a CR, and a literal "_x0041_".
    b = Workbooks.patch(b, "xl/sharedStrings.xml", x -> x.replace("AAA", "第一行_x000B_第二行")
        .replace("BBB", "一_x000D_\n二").replace("CCC", "_x005F_x0041_"));
    Table t = read(b).orElseThrow();
    assertEquals(List.of(List.of("第一行\u000B第二行", "一\r\n二"), List.of("_x0041_", "")), values(t));
    assertEquals(List.of("char-invalid " + PATH + "!Sheet1!A2"), found());
  }

  private static byte[] zip(String name, String content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(content.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
