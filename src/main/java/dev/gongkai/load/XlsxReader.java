package dev.gongkai.load;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * Reads a table kept as an Excel workbook ({@code .xlsx}, as Excel and WPS save it) into the same {@link Table} a
 * {@link CsvReader} gives for the CSV, so validation is the same; every cell is located as Excel shows it
 * ({@code path!Sheet1!D37}, see {@link Location}). Values are the text Excel shows ({@link XlsxValues}: dates as
 * {@code yyyy-MM-dd}, whole numbers without {@code .0}, formulas by their saved result).
 *
 * <p><b>Which sheet.</b> The table is the first visible sheet not named {@value #NOTES_SHEET} (the notes sheet of
 * the {@code gongkai template} workbooks). Sheets named {@value #NOTES_SHEET} and hidden sheets (often the lists
 * behind drop-downs) are not read. Any other visible sheet holding a non-blank cell gets the warning
 * {@code xlsx-sheet-ignored} at that cell: its data is not published, and the publisher is told so.
 *
 * <p><b>Which row is the header.</b> Entirely blank rows are skipped everywhere. The header row is the first of the
 * first {@value #HEADER_SEARCH_ROWS} non-blank rows that has a cell whose text (without surrounding spaces) is a
 * known column header, as decided by the caller's predicate (the record columns for records, the schema's column
 * names for a dataset); the rows above it — a title such as a merged 标题 cell, 填报单位 and 日期 lines — are
 * skipped. When none of those rows has a known header, the first non-blank row is the header, so that the
 * validator reports its unknown columns. The table's columns run from the header row's first to its last non-blank
 * cell; a non-blank cell in a column without a header (left or right of it, or under a blank header cell) is the
 * error {@code xlsx-cell-outside}, never silently dropped. Trailing blank rows and columns are ignored.
 *
 * <p><b>Broken files.</b> A file that is not an {@code .xlsx} package (an old {@code .xls}, an encrypted workbook,
 * a CSV renamed, a truncated download) or that cannot be parsed is the error {@code xlsx-unreadable} at the file;
 * nothing is thrown. Cell text with characters a text file may not have is reported at the cell, as
 * {@link TextChecks} does for text (at most 10 per file).
 */
public final class XlsxReader {
  /** The notes sheet of the templates: never read. */
  public static final String NOTES_SHEET = "说明";
  /** How many non-blank rows may stand above the header row (title lines). */
  public static final int HEADER_SEARCH_ROWS = 10;
  private static final int MAX_CHAR_REPORTS = 10;
  /** An OLE2 compound file: an Excel 97–2003 workbook, or an encrypted .xlsx. */
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};
  /** A zip local file header, how every .xlsx starts. */
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  /** A non-blank row of the sheet: its Excel row number and its cells' text by 0-based column. */
  private record RawRow(int number, String[] values) {
    String at(int col) {
      return col < values.length && values[col] != null ? values[col] : "";
    }

    boolean blankIn(int from, int to) {
      for (int c = from; c <= to; c++) if (!at(c).isBlank()) return false;
      return true;
    }
  }

  private XlsxReader() {}

  /**
   * @param path the file's path relative to the site source, as diagnostics show it
   * @param bytes the whole file
   * @param knownHeader whether a header cell's text names a column of this kind of table
   * @return the table, or empty after reporting why there is none (unreadable, empty)
   */
  public static Optional<Table> read(String path, byte[] bytes, Predicate<String> knownHeader, Diagnostics diags) {
    if (bytes.length == 0) {
      diags.report(Code.FILE_EMPTY, Location.file(path), "");
      return Optional.empty();
    }
    if (startsWith(bytes, OLE2)) {
      diags.report(Code.XLSX_UNREADABLE, Location.file(path), "", Bi.of(
          "这是旧的 Excel 97–2003（.xls）格式，或者是设置了打开密码的工作簿",
          "it is an old Excel 97–2003 (.xls) workbook, or one protected by a password"));
      return Optional.empty();
    }
    if (!startsWith(bytes, ZIP)) {
      diags.report(Code.XLSX_UNREADABLE, Location.file(path), "", Bi.of(
          "文件不是 .xlsx 工作簿（可能是改了扩展名的 CSV 或其他文件）",
          "the file is not an .xlsx workbook (perhaps a CSV or another file renamed)"));
      return Optional.empty();
    }
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, true))) {
      List<Sheet> sheets = wb.getSheets().toList();
      Sheet data = sheets.stream().filter(XlsxReader::readable).findFirst().orElse(null);
      if (data == null) {
        diags.report(Code.XLSX_UNREADABLE, Location.file(path), "", Bi.of(
            "没有可读取的工作表（只有“说明”或隐藏的工作表）", "it has no sheet to read (only 说明 or hidden sheets)"));
        return Optional.empty();
      }
      Optional<Table> table = table(path, data, wb.isDate1904(), knownHeader, diags);
      for (Sheet other : sheets) {
        if (other != data && readable(other)) warnIfUsed(path, other, data, wb.isDate1904(), diags);
      }
      return table;
    } catch (IOException | RuntimeException e) {
      // A broken zip, a missing part, malformed XML: fastexcel-reader throws IOException or its unchecked
      // ExcelReaderException (wrapping XMLStreamException and the like); any other runtime failure of the parser on
      // a hostile file is the same problem for the publisher.
      diags.report(Code.XLSX_UNREADABLE, Location.file(path), "", Bi.of(
          "文件已损坏或不完整（" + reason(e) + "）", "the file is damaged or incomplete (" + reason(e) + ")"));
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
  }

  private static boolean readable(Sheet s) {
    return s.getVisibility() == SheetVisibility.VISIBLE && !NOTES_SHEET.equals(s.getName().strip());
  }

  private static Optional<Table> table(
      String path, Sheet sheet, boolean date1904, Predicate<String> knownHeader, Diagnostics diags) throws IOException {
    String name = sheet.getName();
    List<RawRow> rows = rows(sheet, date1904, path, diags);
    if (rows == null) return Optional.empty();
    if (rows.isEmpty()) {
      diags.report(Code.FILE_EMPTY, Location.sheet(path, name), "");
      return Optional.empty();
    }
    int h = headerRow(rows, knownHeader);
    RawRow header = rows.get(h);
    int first = 0;
    while (header.at(first).isBlank()) first++;
    int last = header.values().length - 1;
    while (header.at(last).isBlank()) last--;

    List<Cell> headerCells = new ArrayList<>();
    for (int c = first; c <= last; c++) {
      headerCells.add(new Cell(header.at(c), Location.cell(path, name, header.number(), c + 1)));
    }
    List<Row> out = new ArrayList<>();
    int charReports = 0;
    for (int r = h + 1; r < rows.size(); r++) {
      RawRow raw = rows.get(r);
      for (int c = 0; c < raw.values().length; c++) {
        if (!raw.at(c).isBlank() && (c < first || c > last || header.at(c).isBlank())) {
          diags.report(Code.XLSX_CELL_OUTSIDE, Location.cell(path, name, raw.number(), c + 1), raw.at(c),
              header.number());
        }
      }
      if (raw.blankIn(first, last)) continue; // only cells outside the table: reported above
      List<Cell> cells = new ArrayList<>();
      for (int c = first; c <= last; c++) {
        Cell cell = new Cell(raw.at(c), Location.cell(path, name, raw.number(), c + 1));
        if (!cell.value().isEmpty() && charReports < MAX_CHAR_REPORTS && TextChecks.checkCell(cell, diags)) {
          charReports++;
        }
        cells.add(cell);
      }
      out.add(new Row(cells.get(0).location(), cells));
    }
    return Optional.of(new Table(path, headerCells, out));
  }

  /** The index in {@code rows} of the header row (see the class comment). */
  private static int headerRow(List<RawRow> rows, Predicate<String> knownHeader) {
    for (int r = 0; r < Math.min(rows.size(), HEADER_SEARCH_ROWS); r++) {
      for (String v : rows.get(r).values()) {
        if (v != null && !v.isBlank() && knownHeader.test(v.strip())) return r;
      }
    }
    return 0;
  }

  /** The sheet's non-blank rows, or null after reporting that the cell text is too large to hold. */
  private static List<RawRow> rows(Sheet sheet, boolean date1904, String path, Diagnostics diags) throws IOException {
    List<RawRow> rows = new ArrayList<>();
    long chars = 0;
    try (Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream()) {
      for (var it = stream.iterator(); it.hasNext(); ) {
        org.dhatim.fastexcel.reader.Row row = it.next();
        String[] values = new String[row.getCellCount()];
        boolean blank = true;
        for (int c = 0; c < values.length; c++) {
          String v = XlsxValues.text(row.getCell(c), date1904);
          values[c] = v;
          chars += v.length();
          if (!v.isBlank()) blank = false;
        }
        if (chars > TextChecks.MAX_FILE_BYTES) {
          // A hostile file (a zip bomb of cells): refused like a text file over the limit, before memory runs out.
          diags.report(Code.TOO_LARGE, Location.sheet(path, sheet.getName()), "", Bi.of("工作表", "the sheet"),
              TextChecks.chars(chars), TextChecks.chars(TextChecks.MAX_FILE_BYTES));
          return null;
        }
        if (!blank) rows.add(new RawRow(row.getRowNum(), values));
      }
    }
    return rows;
  }

  /** Warns at the first non-blank cell of a sheet that is not read. */
  private static void warnIfUsed(String path, Sheet other, Sheet data, boolean date1904, Diagnostics diags)
      throws IOException {
    try (Stream<org.dhatim.fastexcel.reader.Row> stream = other.openStream()) {
      for (var it = stream.iterator(); it.hasNext(); ) {
        org.dhatim.fastexcel.reader.Row row = it.next();
        for (int c = 0; c < row.getCellCount(); c++) {
          String v = XlsxValues.text(row.getCell(c), date1904);
          if (!v.isBlank()) {
            diags.report(Code.XLSX_SHEET_IGNORED, Location.cell(path, other.getName(), row.getRowNum(), c + 1),
                v, other.getName(), data.getName());
            return;
          }
        }
      }
    }
  }

  /** A short, path-free reason for a parse failure. */
  private static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank()
        || t.getMessage().startsWith(t.getCause().getClass().getName()))) {
      t = t.getCause();
    }
    String m = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    m = m.replaceAll("\\s+", " ").strip();
    return m.length() > 160 ? m.substring(0, 157) + "…" : m;
  }
}
