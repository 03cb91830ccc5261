package dev.gongkai.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link DatasetTable} as RFC 4180 CSV: UTF-8, CRLF after every record (the last one too), a header row of
 * the column names, a field quoted (with {@code "} doubled) only when it holds a comma, a quote, CR or LF. Cells are
 * written as the model holds them, so codes such as {@code 015583216} keep their leading zeros, with one exception:
 *
 * <p><b>Formula neutralisation</b> (OWASP "CSV injection"). A spreadsheet program opening the file would run a cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a CR as a formula, e.g. {@code
 * =HYPERLINK("http://evil","x")} typed into a title. Such a cell is written with a single quote {@code '} in front
 * ({@link #neutralise}), which Excel, WPS and LibreOffice show as text. Cells of numeric columns that hold a valid
 * number ({@code -5}, {@code -0.5}) are numbers, not formulas, and stay as they are. Only the CSV and XLSX downloads
 * do this; pages, JSON and NDJSON keep the text exactly.
 */
public final class CsvWriter {
  /** The UTF-8 byte order mark that Excel and WPS need to open UTF-8 CSV as UTF-8 (not GBK). */
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvWriter() {}

  /**
   * {@code v} made safe to open in a spreadsheet: prefixed with {@code '} when it starts with a character that makes
   * a formula ({@code = + - @}, tab, CR), unless {@code numeric} and {@code v} is a plain number.
   */
  public static String neutralise(String v, boolean numeric) {
    if (v.isEmpty()) return v;
    char c = v.charAt(0);
    boolean trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    if (!trigger || (numeric && PLAIN_NUMBER.matcher(v).matches())) return v;
    return "'" + v;
  }

  private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

  /** The CSV without a BOM. */
  public static byte[] write(DatasetTable table) {
    StringBuilder b = new StringBuilder();
    record(b, table.names().stream().map(n -> neutralise(n, false)).toList());
    List<dev.gongkai.model.Dataset.Column> columns = table.columns();
    for (List<String> row : table.rows()) {
      List<String> safe = new java.util.ArrayList<>(row.size());
      for (int c = 0; c < row.size(); c++) safe.add(neutralise(row.get(c), columns.get(c).numeric()));
      record(b, safe);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The same bytes as {@link #write} preceded by a UTF-8 BOM, for spreadsheet programs. */
  public static byte[] withBom(byte[] csv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(csv.length + BOM.length);
    out.writeBytes(BOM);
    out.writeBytes(csv);
    return out.toByteArray();
  }

  private static void record(StringBuilder b, List<String> fields) {
    if (fields.size() == 1 && fields.get(0).isEmpty()) {
      b.append("\"\"\r\n"); // a blank line would read as no record at all
      return;
    }
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) b.append(',');
      field(b, fields.get(i));
    }
    b.append("\r\n");
  }

  private static void field(StringBuilder b, String v) {
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (!quote) {
      b.append(v);
      return;
    }
    b.append('"').append(v.replace("\"", "\"\"")).append('"');
  }
}
