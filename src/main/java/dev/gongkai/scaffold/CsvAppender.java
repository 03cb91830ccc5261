package dev.gongkai.scaffold;

import java.util.List;

/**
 * Adds one row to a CSV record file's text, touching nothing else: the new row goes after the last non-blank line
 * (blank lines a spreadsheet left at the end stay after it), with the file's own line end, and the file keeps ending
 * with a line end exactly when it did.
 */
final class CsvAppender {
  /** The new text and the line the row starts on. */
  record Appended(String text, int line) {}

  private CsvAppender() {}

  /** @param fields the row's values in header order */
  static Appended append(String text, String eol, List<String> fields) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
    String row = String.join(",", fields.stream().map(CsvAppender::field).toList());
    String out = text.substring(0, end) + eol + row + text.substring(end);
    return new Appended(out, RecordText.lineAt(out, end + eol.length()));
  }

  /** A field as RFC 4180 writes it: quoted when it holds a comma, quote or line end, or starts or ends with a space. */
  static String field(String v) {
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
        || (!v.isEmpty() && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))));
    return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
