package dev.gongkai.load;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Character checks on decoded input text, and the size limits of inputs. Text that reaches the portal, the feeds and
 * the XLSX/XML exports must be characters XML 1.0 allows, so these are errors, each at its line and column:
 *
 * <ul>
 *   <li>a byte order mark (U+FEFF) after the start of the file (two files joined, or text pasted from one saved with
 *       a BOM); it is removed from the text so the rest of the file is checked as usual;
 *   <li>control characters other than tab, LF and CR (Word's manual line break U+000B, form feeds from PDFs);
 *   <li>the noncharacters U+FFFE and U+FFFF and unpaired surrogates;
 *   <li>in JSON files, the same characters written as {@code \u005Cu} escapes (e.g. {@code "\u005Cud800"}, a lone
 *       surrogate, which no UTF-8 writer can encode).
 * </ul>
 *
 * A NUL character means the file is not text at all (UTF-16 saved as "Unicode text", or a renamed .xlsx): it is
 * reported as {@code encoding-invalid} and the file is not read.
 */
public final class TextChecks {
  /** Largest text file read (CSV, JSON, Markdown): far beyond any real one (the 100k-record bench has 5 MB files). */
  public static final long MAX_FILE_BYTES = 256L << 20;
  /** Largest single CSV field or JSON value, in UTF-16 chars (a 500-page inline body is about 400,000). */
  public static final int MAX_FIELD_CHARS = 1 << 20;
  /** Character problems reported per file; the rest of the file is still checked but not reported again. */
  private static final int MAX_REPORTS = 10;

  private static final Bi BOM = Bi.of("字节顺序标记 BOM", "byte order mark");
  private static final Bi BOM_HINT = Bi.of(
      "删除它：通常是拼接了两个文件，或粘贴了带 BOM 保存的文字；只有文件最开头可以有一个 BOM",
      "delete it: it usually comes from joining two files or pasting text saved with a BOM; only the very start of a"
          + " file may have one");
  private static final Bi CONTROL = Bi.of("控制字符", "control character");
  private static final Bi CONTROL_HINT = Bi.of(
      "删除它：常见于从 Word（手动换行）或 PDF 复制的文字；文本中只允许制表符和换行",
      "delete it: it often comes from text copied out of Word (manual line break) or a PDF; only tabs and line breaks"
          + " are allowed in text");
  private static final Bi NONCHAR = Bi.of("非字符", "noncharacter");
  private static final Bi SURROGATE =
      Bi.of("不成对的代理项，不是有效的 Unicode 字符", "an unpaired surrogate, not a valid Unicode character");
  private static final Bi UNICODE_HINT = Bi.of(
      "删除它或改为要表达的字符；JSON 中的 \\uD800–\\uDFFF 只能成对出现（例如 \\uD83D\\uDE00）",
      "delete it or write the character you mean; in JSON, \\uD800–\\uDFFF escapes only come in pairs (e.g."
          + " \\uD83D\\uDE00)");

  private TextChecks() {}

  /**
   * Checks decoded text.
   *
   * @param json whether to check {@code \u005Cu} escapes too
   * @return the text (without stray BOMs), or empty when it is not text (a NUL character)
   */
  public static Optional<SourceText> check(String path, String original, boolean json, Diagnostics diags) {
    // Stray BOMs are removed first and every problem is located in the text the loaders then read, so that all
    // diagnostics of a file agree on its lines and columns.
    int nul = original.indexOf('\0');
    if (nul >= 0) {
      diags.report(Code.ENCODING_INVALID, new SourceText(path, original).locate(nul), "", "UTF-8");
      return Optional.empty();
    }
    String text = original;
    List<Integer> boms = new ArrayList<>();
    if (original.indexOf('\uFEFF') >= 0) {
      StringBuilder b = new StringBuilder(original.length());
      for (int i = 0; i < original.length(); i++) {
        char c = original.charAt(i);
        if (c == '\uFEFF') boms.add(b.length());
        else b.append(c);
      }
      text = b.toString();
    }
    SourceText src = new SourceText(path, text);
    int reported = 0;
    for (int at : boms) {
      if (reported++ < MAX_REPORTS) diags.report(Code.CHAR_INVALID, src.locate(at), "", "U+FEFF", BOM, BOM_HINT);
    }
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      Bi what = null;
      Bi hint = UNICODE_HINT;
      int cp = c;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        what = CONTROL;
        hint = CONTROL_HINT;
      } else if (c == '\uFFFE' || c == '\uFFFF') {
        what = NONCHAR;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        what = SURROGATE;
      } else if (json && c == '\\' && i + 1 < n) {
        int esc = i;
        if (text.charAt(i + 1) != 'u') {
          i++; // \" \\ \n …: the escaped character cannot be one of ours
          continue;
        }
        int unit = hex4(text, i + 2);
        if (unit < 0) continue; // malformed escape: the JSON parser reports it
        i += 5;
        if (Character.isHighSurrogate((char) unit)) {
          int low = i + 2 < n && text.charAt(i + 1) == '\\' && text.charAt(i + 2) == 'u' ? hex4(text, i + 3) : -1;
          if (low >= 0 && Character.isLowSurrogate((char) low)) {
            i += 6;
            continue;
          }
          what = SURROGATE;
        } else if (Character.isLowSurrogate((char) unit)) {
          what = SURROGATE;
        } else if (unit < 0x20 && unit != '\t' && unit != '\n' && unit != '\r') {
          what = CONTROL;
          hint = CONTROL_HINT;
        } else if (unit == 0xFEFF) {
          what = BOM;
          hint = BOM_HINT;
        } else if (unit == 0xFFFE || unit == 0xFFFF) {
          what = NONCHAR;
        }
        if (what != null && reported++ < MAX_REPORTS) {
          diags.report(Code.CHAR_INVALID, src.locate(esc), text.substring(esc, i + 1), codePoint(unit), what, hint);
        }
        continue;
      }
      if (what != null && reported++ < MAX_REPORTS) {
        diags.report(Code.CHAR_INVALID, src.locate(i), "", codePoint(cp), what, hint);
      }
    }
    return Optional.of(src);
  }

  /**
   * Checks the text of one workbook cell for the characters {@link #check} rejects in a text file: control characters
   * other than tab and line breaks, the noncharacters U+FFFE and U+FFFF, unpaired surrogates and byte order marks.
   * Reports the first one, at the cell (a cell has no line and column inside it).
   *
   * @return whether something was reported
   */
  public static boolean checkCell(Cell cell, Diagnostics diags) {
    String text = cell.value();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      Bi what = null;
      Bi hint = UNICODE_HINT;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        what = CONTROL;
        hint = CONTROL_HINT;
      } else if (c == '\uFEFF') {
        what = BOM;
        hint = BOM_HINT;
      } else if (c == '\uFFFE' || c == '\uFFFF') {
        what = NONCHAR;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        what = SURROGATE;
      }
      if (what != null) {
        diags.report(Code.CHAR_INVALID, cell.location(), "", codePoint(c), what, hint);
        return true;
      }
    }
    return false;
  }

  /** The value of four hex digits at {@code from}, or -1. */
  private static int hex4(String s, int from) {
    if (from + 4 > s.length()) return -1;
    int v = 0;
    for (int k = from; k < from + 4; k++) {
      int d = Character.digit(s.charAt(k), 16);
      if (d < 0 || s.charAt(k) > 'f') return -1;
      v = v * 16 + d;
    }
    return v;
  }

  static String codePoint(int cp) {
    return String.format(Locale.ROOT, "U+%04X", cp);
  }

  /** A byte count for messages, e.g. {@code 300.0 MiB}. */
  public static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  /** A field length for messages. */
  public static Bi chars(long n) {
    return Bi.of(String.format(Locale.ROOT, "%,d 个字符", n), String.format(Locale.ROOT, "%,d characters", n));
  }
}
