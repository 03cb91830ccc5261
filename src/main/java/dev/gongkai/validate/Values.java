package dev.gongkai.validate;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.Cell;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and checking of single values: dates, index numbers, document numbers, multi-valued cells. */
public final class Values {
  private static final Pattern DATE =
      Pattern.compile("(\\d{4})\\s*(?:-|/|\\.|年)\\s*(\\d{1,2})\\s*(?:-|/|\\.|月)\\s*(\\d{1,2})\\s*日?");
  private static final Pattern DATE_TIME = Pattern.compile("(.+?)[ T](\\d{1,2}):(\\d{2})");
  /** 前段码 (org code 9, credit code 18, region code 6 chars) / year or year+month - serial. */
  private static final Pattern INDEX_NO = Pattern.compile("[0-9A-Z]{6,18}/(\\d{4}|\\d{6})-\\d{1,8}");
  /** A year in the wrong kind of brackets: [2024] (2024) （2024） 【2024】 〔2024) … */
  private static final Pattern DOCNO_YEAR = Pattern.compile("[\\[(（【［〔]\\s*(\\d{4})\\s*[\\])）】］〕]");

  /** The years a disclosure date may have: a typo such as 0024 or 20204 is an error, not a date. */
  static final int MIN_YEAR = 1900;
  static final int MAX_YEAR = 2099;

  private Values() {}

  /** Parses a required date, reporting an empty or invalid value with the column's name. */
  public static Optional<LocalDate> date(Cell c, Bi field, Diagnostics diags) {
    if (c.isBlank()) {
      diags.report(Code.FIELD_REQUIRED, c.location(), "", field);
      return Optional.empty();
    }
    return optionalDate(c, diags);
  }

  /** Parses a date that may be blank. */
  public static Optional<LocalDate> optionalDate(Cell c, Diagnostics diags) {
    if (c.isBlank()) return Optional.empty();
    String v = c.trimmed();
    Matcher m = DATE.matcher(v);
    if (!m.matches()) {
      diags.report(Code.DATE_INVALID, c.location(), c.value(), shown(v), DateHints.why(v));
      return Optional.empty();
    }
    try {
      LocalDate d = LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
        diags.report(Code.DATE_INVALID, c.location(), c.value(), shown(v),
            Bi.of("年份应在 " + MIN_YEAR + "–" + MAX_YEAR + " 之间", "the year must be " + MIN_YEAR + "–" + MAX_YEAR));
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (DateTimeException e) {
      diags.report(Code.DATE_INVALID, c.location(), c.value(), shown(v), DateHints.impossible(m.group(2), m.group(3)));
      return Optional.empty();
    }
  }

  /** A value as a message shows it: at most 60 characters (a huge cell must not flood the terminal). */
  public static String shown(String v) {
    return v.length() <= 60 ? v : v.substring(0, 57) + "…";
  }

  /** Parses {@code YYYY-MM-DD HH:MM}. */
  public static Optional<LocalDateTime> dateTime(Cell c, Diagnostics diags) {
    String v = c.trimmed();
    Matcher m = DATE_TIME.matcher(v);
    if (!m.matches()) {
      diags.report(Code.DATE_INVALID, c.location(), c.value(), shown(v),
          Bi.of("应为“YYYY-MM-DD HH:MM”", "expected YYYY-MM-DD HH:MM"));
      return Optional.empty();
    }
    Optional<LocalDate> d = optionalDate(new Cell(m.group(1), c.location()), diags);
    if (d.isEmpty()) return Optional.empty();
    try {
      return Optional.of(LocalDateTime.of(d.get(),
          LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))));
    } catch (DateTimeException e) {
      diags.report(Code.DATE_INVALID, c.location(), c.value(), shown(v), Bi.of("时间无效", "invalid time"));
      return Optional.empty();
    }
  }

  public static boolean validIndexNo(String s) {
    return INDEX_NO.matcher(s).matches();
  }

  /** The 文号 with its year in 〔〕, or empty when it already is (or has no bracketed year). */
  public static Optional<String> docNoFix(String docNo) {
    Matcher m = DOCNO_YEAR.matcher(docNo);
    if (!m.find()) return Optional.empty();
    String fixed = docNo.substring(0, m.start()) + "〔" + m.group(1) + "〕" + docNo.substring(m.end());
    return fixed.equals(docNo) ? Optional.empty() : Optional.of(fixed);
  }

  /** Splits a multi-valued cell on {@code ;}, {@code ；} or {@code 、}, dropping blanks. */
  public static List<String> list(String s) {
    List<String> out = new ArrayList<>();
    for (String part : s.split("[;；、]")) if (!part.isBlank()) out.add(part.strip());
    return out;
  }
}
