package dev.gongkai.load;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Cell;

/**
 * Turns a workbook cell into the text a publisher sees in Excel, as the validators expect it from a CSV:
 *
 * <ul>
 *   <li>Text cells: the text as typed, with the file format's {@code _xHHHH_} escapes decoded (Excel writes a
 *       carriage return as {@code _x000D_}, a vertical tab from Word as {@code _x000B_}; {@code _x005F_} is a
 *       literal underscore), which fastexcel-reader leaves as they are.
 *   <li>Numbers with a date or time format (a date typed into Excel, e.g. {@code 2024/3/5}): ISO text,
 *       {@code yyyy-MM-dd}. The time is kept ({@code yyyy-MM-dd HH:mm}, {@code :ss} when the format shows seconds)
 *       only when the format shows a time and the time is not midnight, so a date column formatted
 *       {@code yyyy/m/d h:mm} still holds plain dates. Time-only formats give {@code HH:mm}. Both the 1900 date
 *       system (with Excel's phantom 1900-02-29, kept as that text so validation rejects it) and 1904 are read.
 *   <li>Other numbers: the value Excel holds, at most 15 significant digits (what Excel shows), without trailing
 *       zeros or exponent: {@code 12} (not {@code 12.0}), {@code 0.3} (not {@code 0.30000000000000004}),
 *       {@code 123456789012345}. A format of zeros only ({@code 000000000}, how Excel keeps a code's leading zeros
 *       in a number cell) pads the digits to its width: {@code 015583216}. Other formats (percent, thousands
 *       separators, decimals shown) are not applied: the value is the number itself.
 *   <li>Booleans: {@code TRUE} / {@code FALSE}, as Excel shows them. Errors: their text ({@code #N/A}).
 *   <li>Formulas: their cached value (the result Excel or WPS saved), converted as above; empty when the file has
 *       none.
 * </ul>
 */
final class XlsxValues {
  /** What a cell's number format makes of its number. */
  enum Kind { NUMBER, DATE, DATE_TIME, TIME }

  /** Built-in formats without a format string in the file (ECMA-376 18.8.30, with the zh-CN ones 27–36, 50–58). */
  private static final Set<Integer> BUILTIN_DATES =
      Set.of(14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58);
  private static final Set<Integer> BUILTIN_TIMES = Set.of(18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56);
  private static final int BUILTIN_DATE_TIME = 22;
  /** 9999-12-31, the last date Excel has. */
  private static final double MAX_SERIAL = 2958466;
  private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_UP);
  private static final Pattern ZEROS = Pattern.compile("0{2,}");
  private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

  private XlsxValues() {}

  /** The cell's text; empty for an empty cell. */
  static String text(Cell c, boolean date1904) {
    if (c == null) return "";
    Object v = c.getValue();
    return switch (c.getType()) {
      case EMPTY -> "";
      case STRING -> v == null ? "" : unescape(v.toString());
      case BOOLEAN -> bool(v);
      case ERROR -> c.getRawValue() == null ? "" : c.getRawValue();
      case NUMBER -> number(v, c.getRawValue(), c.getDataFormatId(), c.getDataFormatString(), date1904);
      case FORMULA -> {
        if (v instanceof BigDecimal n) yield number(n, null, c.getDataFormatId(), c.getDataFormatString(), date1904);
        if (v instanceof Boolean) yield bool(v);
        yield v == null ? "" : unescape(v.toString());
      }
    };
  }

  /** Decodes the {@code _xHHHH_} escapes of an OOXML string (ECMA-376 ST_Xstring), left to right. */
  static String unescape(String s) {
    if (s.indexOf("_x") < 0) return s;
    return ESCAPE.matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
        String.valueOf((char) Integer.parseInt(m.group(1), 16))));
  }

  private static String bool(Object v) {
    return Boolean.TRUE.equals(v) ? "TRUE" : "FALSE";
  }

  static String number(Object value, String raw, Integer formatId, String format, boolean date1904) {
    BigDecimal n;
    if (value instanceof BigDecimal b) {
      n = b;
    } else {
      try {
        n = new BigDecimal(raw == null ? "" : raw.strip());
      } catch (NumberFormatException e) {
        return raw == null ? "" : raw; // not a number after all: shown as written, validation judges it
      }
    }
    Kind kind = kind(formatId, format);
    if (kind != Kind.NUMBER && n.signum() >= 0 && n.doubleValue() < MAX_SERIAL) {
      return dateText(n.doubleValue(), kind, format, date1904);
    }
    return plain(n, format);
  }

  /** The number as Excel holds it, with a zeros-only format's leading zeros. */
  static String plain(BigDecimal n, String format) {
    BigDecimal r = n.round(EXCEL_DIGITS).stripTrailingZeros();
    if (r.signum() == 0) return "0";
    String s = r.toPlainString();
    if (format != null && ZEROS.matcher(format).matches() && r.signum() > 0 && r.scale() <= 0
        && s.length() < format.length()) {
      s = "0".repeat(format.length() - s.length()) + s;
    }
    return s;
  }

  /** ISO text of an Excel date serial number. */
  static String dateText(double serial, Kind kind, String format, boolean date1904) {
    long days = (long) Math.floor(serial);
    long secs = Math.round((serial - days) * 86400);
    if (secs >= 86400) {
      days++;
      secs -= 86400;
    }
    boolean seconds = format != null && lower(format).contains("s");
    String time = seconds
        ? String.format(Locale.ROOT, "%02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60)
        : String.format(Locale.ROOT, "%02d:%02d", secs / 3600, secs / 60 % 60);
    if (kind == Kind.TIME) {
      if (days == 0) return time;
      long hours = days * 24 + secs / 3600; // an elapsed time such as [h]:mm past one day
      return seconds ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, secs / 60 % 60, secs % 60)
          : String.format(Locale.ROOT, "%d:%02d", hours, secs / 60 % 60);
    }
    String date;
    if (date1904) {
      date = LocalDate.of(1904, 1, 1).plusDays(days).toString();
    } else if (days >= 61) {
      date = LocalDate.of(1899, 12, 30).plusDays(days).toString();
    } else if (days == 60) {
      date = "1900-02-29"; // Excel's leap-year bug: a day that never was (validation says so)
    } else if (days == 0) {
      date = "1900-01-00"; // what Excel shows for 0 in a date format
    } else {
      date = LocalDate.of(1899, 12, 31).plusDays(days).toString();
    }
    return kind == Kind.DATE_TIME && secs != 0 ? date + " " + time : date;
  }

  /**
   * What a number format shows. Built-in ids are looked up; a format string is a date when, outside quoted text,
   * escapes and {@code [...]} (colours, locales, {@code [DBNum1]}), it has year, day or month codes and no digit
   * placeholders ({@code 0 # ?}); a time when it has hours or seconds.
   */
  static Kind kind(Integer id, String format) {
    if (id != null) {
      if (BUILTIN_DATES.contains(id)) return Kind.DATE;
      if (BUILTIN_TIMES.contains(id)) return Kind.TIME;
      if (id == BUILTIN_DATE_TIME) return Kind.DATE_TIME;
    }
    if (format == null || format.isBlank()) return Kind.NUMBER;
    String f = lower(format);
    if (f.contains("general")) return Kind.NUMBER;
    f = f.replaceAll("s\\.0+", "s"); // fractions of a second
    if (f.matches(".*[0#?].*")) return Kind.NUMBER;
    f = f.replace("am/pm", "").replace("a/p", "").replace("上午/下午", "");
    boolean date = f.matches(".*[ydeb].*") || f.contains("aaa");
    boolean time = f.matches(".*[hs].*");
    if (date) return time ? Kind.DATE_TIME : Kind.DATE;
    if (time) return Kind.TIME;
    return f.contains("m") ? Kind.DATE : Kind.NUMBER; // month names alone (mmmm)
  }

  /** The format's first section, lower case, without quoted text, escapes, fills and brackets ([h] kept as h). */
  private static String lower(String format) {
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (quoted) {
        if (c == '"') quoted = false;
      } else if (c == '"') {
        quoted = true;
      } else if (c == '\\' || c == '_' || c == '*') {
        i++; // an escaped literal, a space the width of the next character, a fill character
      } else if (c == ';') {
        break;
      } else if (c == '[') {
        int end = format.indexOf(']', i);
        if (end < 0) break;
        String inside = format.substring(i + 1, end).toLowerCase(Locale.ROOT);
        if (inside.matches("h+|m+|s+")) b.append(inside); // elapsed time
        i = end;
      } else {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }
}
