package dev.gongkai.load;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 4180 reader that remembers where every field starts, so diagnostics can point at the cell. Accepts CRLF, LF
 * and lone CR line ends (Excel on macOS), quoted fields spanning lines, and the trailing empty fields and empty rows
 * that spreadsheets leave behind. Malformed quoting is reported, never guessed at silently.
 */
public final class CsvReader {
  private CsvReader() {}

  public static Optional<Table> read(SourceText src, Diagnostics diags) {
    List<List<Cell>> records = tokenize(src, diags);
    if (records == null) return Optional.empty();
    if (records.stream().allMatch(r -> r.stream().allMatch(Cell::isBlank))) {
      diags.report(Code.FILE_EMPTY, src.locate(0), "");
      return Optional.empty();
    }
    while (records.get(0).stream().allMatch(Cell::isBlank)) records.remove(0); // blank lines above the header
    List<Cell> header = trimTrailingEmpty(records.get(0));
    if (header.size() == 1 && wrongDelimiter(header.get(0), diags)) return Optional.empty();
    List<Row> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<Cell> rec = records.get(r);
      if (rec.stream().allMatch(Cell::isBlank)) continue; // blank rows spreadsheets leave behind
      if (rec.size() > header.size()) {
        boolean extraBlank = rec.subList(header.size(), rec.size()).stream().allMatch(Cell::isBlank);
        if (!extraBlank) {
          Cell first = rec.get(header.size());
          diags.report(Code.CSV_FIELD_COUNT, first.location(), first.value(), rec.size(), header.size());
          continue;
        }
        rec = rec.subList(0, header.size());
      } else if (rec.size() < header.size()) {
        Cell last = rec.get(rec.size() - 1);
        diags.report(Code.CSV_FIELD_COUNT, rec.get(0).location(), last.value(), rec.size(), header.size());
        continue;
      }
      rows.add(new Row(rec.get(0).location(), rec));
    }
    return Optional.of(new Table(src.path(), header, rows));
  }

  /**
   * A header read as a single column that holds tabs, semicolons or full-width commas: the file was saved with
   * another delimiter (WPS "text", European Excel, or typed by hand with a Chinese input method).
   */
  private static boolean wrongDelimiter(Cell only, Diagnostics diags) {
    String v = only.value();
    Bi which = null;
    if (v.indexOf('\t') >= 0) which = Bi.of("制表符", "tabs");
    else if (v.indexOf(';') >= 0) which = Bi.of("分号", "semicolons");
    else if (v.indexOf('，') >= 0) which = Bi.of("中文逗号“，”", "full-width commas (，)");
    if (which == null) return false;
    diags.report(Code.CSV_DELIMITER, only.location(), v.length() > 80 ? v.substring(0, 80) : v, which);
    return true;
  }

  private static List<Cell> trimTrailingEmpty(List<Cell> header) {
    int n = header.size();
    while (n > 1 && header.get(n - 1).isBlank()) n--;
    return header.subList(0, n);
  }

  /** Splits the text into records of located fields; null after an unrecoverable error (unclosed quote). */
  static List<List<Cell>> tokenize(SourceText src, Diagnostics diags) {
    String s = src.text();
    int n = s.length();
    List<List<Cell>> records = new ArrayList<>();
    List<Cell> current = new ArrayList<>();
    SourceText.Locator at = src.locator();
    boolean tooLarge = false;
    int i = 0;
    if (n == 0) return records;
    while (true) {
      int fieldStart = i;
      // The value is cut out of the text in one piece; only doubled quotes or text after a closing quote make it
      // be assembled from several (the fields of a 262 MB catalogue used to be copied character by character).
      String value;
      if (i < n && s.charAt(i) == '"') {
        i++;
        int piece = i;
        StringBuilder unescaped = null;
        String closedValue = null;
        while (true) {
          int q = s.indexOf('"', i);
          if (q < 0) break;
          if (q + 1 < n && s.charAt(q + 1) == '"') {
            if (unescaped == null) unescaped = new StringBuilder(q - piece + 64);
            unescaped.append(s, piece, q + 1); // up to and with one quote of the pair
            i = piece = q + 2;
            continue;
          }
          closedValue = unescaped == null ? s.substring(piece, q) : unescaped.append(s, piece, q).toString();
          i = q + 1;
          break;
        }
        if (closedValue == null) {
          diags.report(Code.CSV_UNCLOSED_QUOTE, src.locate(fieldStart), excerpt(s, fieldStart));
          return null;
        }
        value = closedValue;
        if (i < n && !isEnd(s.charAt(i))) {
          int junk = i;
          while (i < n && !isEnd(s.charAt(i))) i++;
          value = value + s.substring(junk, i);
          diags.report(
              Code.CSV_BAD_QUOTE,
              src.locate(junk),
              excerpt(s, fieldStart),
              Bi.of("结束引号后面还有文字", "text after the closing quote"));
        }
      } else {
        boolean reported = false;
        while (i < n && !isEnd(s.charAt(i))) {
          if (s.charAt(i) == '"' && !reported) {
            reported = true;
            diags.report(
                Code.CSV_BAD_QUOTE,
                src.locate(i),
                excerpt(s, fieldStart),
                Bi.of("没有引号括起的字段中出现了引号", "a quote inside a field that is not quoted"));
          }
          i++;
        }
        value = s.substring(fieldStart, i);
      }
      if (value.length() > TextChecks.MAX_FIELD_CHARS) {
        // Too large to publish or to show in a message: reported, and the whole record is left out.
        diags.report(Code.TOO_LARGE, src.locate(fieldStart), excerpt(s, fieldStart), Bi.of("字段", "the field"),
            TextChecks.chars(value.length()), TextChecks.chars(TextChecks.MAX_FIELD_CHARS));
        if (records.isEmpty()) return null; // the header: nothing else can be read
        tooLarge = true;
        value = "";
      }
      current.add(new Cell(value, at.at(fieldStart)));
      if (i >= n) {
        if (!tooLarge) records.add(current);
        return dropTrailingEmptyRecord(records);
      }
      char c = s.charAt(i);
      if (c == ',') {
        i++;
        continue;
      }
      // line end: CRLF, LF or CR
      i += (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') ? 2 : 1;
      if (!tooLarge) records.add(current);
      tooLarge = false;
      current = new ArrayList<>();
      if (i >= n) return records;
    }
  }

  private static List<List<Cell>> dropTrailingEmptyRecord(List<List<Cell>> records) {
    if (records.isEmpty()) return records;
    List<Cell> last = records.get(records.size() - 1);
    if (last.size() == 1 && last.get(0).value().isEmpty()) records.remove(records.size() - 1);
    return records;
  }

  private static boolean isEnd(char c) {
    return c == ',' || c == '\n' || c == '\r';
  }

  private static String excerpt(String s, int from) {
    int end = from;
    while (end < s.length() && end - from < 40 && s.charAt(end) != '\n' && s.charAt(end) != '\r') end++;
    return s.substring(from, end);
  }
}
