package dev.gongkai.diag;

import java.util.Locale;

/**
 * Where a problem is: a path relative to the site source, with a 1-based line and column (0 when unknown).
 * For spreadsheets saved as CSV the column is the character column of the field's first character, so an editor can
 * jump to it; the message also names the header.
 *
 * <p>In a workbook ({@code .xlsx}) {@code sheet} names the worksheet, {@code line} is the Excel row number and
 * {@code column} the Excel column number (A = 1), and the location prints the way Excel shows a cell:
 * {@code catalogue/records/救灾资金.xlsx!Sheet1!D37} ({@code path!sheet} for a whole sheet). Everywhere else
 * {@code sheet} is empty and the location prints {@code path:line:col} as before, so tools that parse compiler-style
 * lines keep working for text files; a workbook location has no {@code :line:col} to parse.
 *
 * <p>Locations sort by path, then line (row), then column; the sheet only breaks ties.
 *
 * @param sheet the worksheet name, or empty for a text file (never null)
 */
public record Location(String path, int line, int column, String sheet) implements Comparable<Location> {

  public static Location file(String path) {
    return new Location(path, 0, 0);
  }

  /**
   * A cell of a workbook.
   *
   * @param row the Excel row number (1-based)
   * @param column the Excel column number (1-based: A = 1)
   */
  public static Location cell(String path, String sheet, int row, int column) {
    return new Location(path, row, column, sheet);
  }

  /** A whole worksheet (no row or column). */
  public static Location sheet(String path, String sheet) {
    return new Location(path, 0, 0, sheet);
  }

  /** A place in a text file (CSV, JSON, Markdown): {@code path:line:col}. */
  public Location(String path, int line, int column) {
    this(path, line, column, "");
  }

  public Location {
    path = path.replace('\\', '/');
    sheet = sheet == null ? "" : sheet;
  }

  /** Whether this is a place in a workbook (it has a sheet). */
  public boolean inWorkbook() {
    return !sheet.isEmpty();
  }

  /** The Excel cell reference, e.g. {@code D37}; empty when this is not a workbook cell with row and column. */
  public String cellRef() {
    if (!inWorkbook() || line <= 0 || column <= 0) return "";
    return columnLetters(column) + line;
  }

  /** Excel's letters for a 1-based column number: 1 → A, 26 → Z, 27 → AA. */
  public static String columnLetters(int column) {
    if (column < 1) throw new IllegalArgumentException("column " + column);
    StringBuilder b = new StringBuilder();
    for (int n = column; n > 0; n = (n - 1) / 26) b.append((char) ('A' + (n - 1) % 26));
    return b.reverse().toString();
  }

  @Override
  public int compareTo(Location o) {
    int c = path.compareTo(o.path);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    if (c != 0) return c;
    c = Integer.compare(column, o.column);
    return c != 0 ? c : sheet.compareTo(o.sheet);
  }

  /**
   * Where in the workbook, as Excel writes a reference after the file: {@code Sheet1!D37}, a whole row
   * {@code Sheet1!5:5}, a whole sheet {@code Sheet1}; empty when this is not a place in a workbook. For the outputs
   * that name the file apart from the place in it (GitHub annotations).
   */
  public String sheetRef() {
    if (!inWorkbook()) return "";
    if (line <= 0) return sheet;
    // A whole row, as Excel writes it (5:5).
    if (column <= 0) return String.format(Locale.ROOT, "%s!%d:%d", sheet, line, line);
    return sheet + "!" + cellRef();
  }

  @Override
  public String toString() {
    if (inWorkbook()) return path + "!" + sheetRef();
    if (line <= 0) return path;
    return column <= 0 ? path + ":" + line : path + ":" + line + ":" + column;
  }
}
