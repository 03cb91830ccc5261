package dev.gongkai.validate;

import dev.gongkai.diag.Bi;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a date was not understood, with the date it probably is where that can be worked out: dates in Chinese
 * numerals (二〇二四年五月十日), full-width digits, {@code 20240510}, Excel date serial numbers (a date column exported
 * as numbers), day-first dates, and a month with no day.
 */
final class DateHints {
  private static final Pattern DATE =
      Pattern.compile("(\\d{4})\\s*(?:-|/|\\.|年)\\s*(\\d{1,2})\\s*(?:-|/|\\.|月)\\s*(\\d{1,2})\\s*日?");
  private static final Pattern CHINESE = Pattern.compile(
      "([〇零○Ｏ一二三四五六七八九]{4})\\s*年"
          + "\\s*(?:([一二三四五六七八九十]{1,3})\\s*月\\s*(?:([一二三四五六七八九十]{1,3})\\s*[日号]?)?)?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.\\d+)?");
  private static final Pattern DAY_FIRST = Pattern.compile("\\d{1,2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{4}");
  private static final Pattern MONTH_ONLY = Pattern.compile("\\d{4}\\s*(?:-|/|\\.|年)\\s*\\d{1,2}\\s*月?");
  /** Day 0 of Excel's (1900) date system, as Excel counts it (it believes 1900 was a leap year). */
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  private DateHints() {}

  /** Why {@code v}, which does not match the accepted forms, is not a date. */
  static Bi why(String v) {
    String nfkc = Normalizer.normalize(v, Normalizer.Form.NFKC).replace('－', '-').replace('—', '-').strip();
    if (!nfkc.equals(v)) {
      LocalDate d = date(DATE.matcher(nfkc));
      if (d != null) {
        return Bi.of("用了全角数字或符号，应写成 " + d, "it uses full-width digits or punctuation; write " + d);
      }
    }
    Matcher m = CHINESE.matcher(v);
    if (m.matches()) {
      int year = Integer.parseInt(chineseDigits(m.group(1)));
      if (m.group(3) != null) {
        try {
          LocalDate d = LocalDate.of(year, chineseNumber(m.group(2)), chineseNumber(m.group(3)));
          return Bi.of("日期用了汉字数字，应写成 " + d, "the date is in Chinese numerals; write " + d);
        } catch (DateTimeException e) {
          return Bi.of("日期用了汉字数字，且日历上没有这一天", "the date is in Chinese numerals, and there is no such day");
        }
      }
      return Bi.of("日期用了汉字数字且不完整：用阿拉伯数字写出年、月、日，例如 " + year + "-01-01",
          "the date is in Chinese numerals and incomplete: write year, month and day in digits, e.g. " + year
              + "-01-01");
    }
    LocalDate compact = date(COMPACT.matcher(nfkc));
    if (compact != null) return Bi.of("应写成 " + compact, "write " + compact);
    if (SERIAL.matcher(nfkc).matches()) {
      LocalDate d = EXCEL_EPOCH.plusDays((long) Double.parseDouble(nfkc));
      if (d.getYear() >= Values.MIN_YEAR && d.getYear() <= Values.MAX_YEAR) {
        return Bi.of("看起来是 Excel 的日期序列号（" + d + "）：把该列设为日期或文本格式后重新导出",
            "this looks like an Excel date serial number (" + d + "): format the column as dates or text and export"
                + " again");
      }
    }
    if (DAY_FIRST.matcher(nfkc).matches()) {
      return Bi.of("年份要写在前面：YYYY-MM-DD", "write the year first: YYYY-MM-DD");
    }
    if (MONTH_ONLY.matcher(nfkc).matches()) return Bi.of("缺少日", "the day is missing");
    return Bi.of("无法识别的日期写法", "not a recognised date format");
  }

  /** Why a date of the accepted form is not a real day. */
  static Bi impossible(String month, String day) {
    int mo = Integer.parseInt(month);
    if (mo < 1 || mo > 12) return Bi.of("没有 " + mo + " 月", "there is no month " + mo);
    return Bi.of("日历上没有这一天", "no such day in the calendar");
  }

  private static LocalDate date(Matcher m) {
    if (!m.matches()) return null;
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)));
      return d.getYear() >= Values.MIN_YEAR && d.getYear() <= Values.MAX_YEAR ? d : null;
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** 二〇二四 → 2024 (a year is written digit by digit). */
  private static String chineseDigits(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) b.append(digit(c));
    return b.toString();
  }

  /** 五 → 5, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31. */
  private static int chineseNumber(String s) {
    int ten = s.indexOf('十');
    if (ten < 0) {
      int v = 0;
      for (char c : s.toCharArray()) v = v * 10 + digit(c);
      return v;
    }
    int tens = ten == 0 ? 1 : digit(s.charAt(0));
    int ones = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
    return tens * 10 + ones;
  }

  private static int digit(char c) {
    return switch (c) {
      case '一' -> 1;
      case '二' -> 2;
      case '三' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> 0;
    };
  }
}
