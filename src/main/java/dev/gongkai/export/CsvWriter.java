package dev.gongkai.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link DatasetTable} as RFC 4180 CSV: UTF-8, CRLF after every record (the last one too), a header row of
 * the column names, a field quoted (with {@code "} doubled) only when it holds a comma, a quote, CR or LF. Cells are
 * written exactly as the model holds them, so codes such as {@code 015583216} keep their leading zeros.
 */
public final class CsvWriter {
  /** The UTF-8 byte order mark that Excel and WPS need to open UTF-8 CSV as UTF-8 (not GBK). */
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvWriter() {}

  /** The CSV without a BOM. */
  public static byte[] write(DatasetTable table) {
    StringBuilder b = new StringBuilder();
    record(b, table.names());
    for (List<String> row : table.rows()) record(b, row);
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
