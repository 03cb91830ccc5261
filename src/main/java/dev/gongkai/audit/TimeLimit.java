package dev.gongkai.audit;

import dev.gongkai.diag.Bi;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A catalogue item's 公开时限 as a number of days the audit can check.
 *
 * <ul>
 *   <li>"…N个工作日内" (e.g. 信息形成或变更之日起20个工作日内, 事故调查报告批复之日起20个工作日内) → N working days;
 *       Arabic, full-width or Chinese numerals (二十个工作日) are read.
 *   <li>"…N日内" / "…N天内" / "…N个自然日内" → N calendar days (政府信息公开条例 uses both: 第二十六条 counts
 *       working days, and some catalogues give plain days). Counted like working days, the start day not included.
 *       "每月10日内" (a day of the month, preceded by 月) is not read as a period.
 *   <li>"即时公开", "及时公开", a blank cell or any other wording ("提前一周发通知邀请", "按进展情况…") → not auditable:
 *       there is no period counted in days, and the reason is kept for the report.
 * </ul>
 *
 * The first period in the text wins, working days before calendar days.
 *
 * @param text the 公开时限 as written in the catalogue
 * @param days the period (0 when not auditable)
 * @param reason why the limit cannot be audited; null when it can
 */
public record TimeLimit(String text, Unit unit, int days, Bi reason) {

  /** How the period is counted. */
  public enum Unit { WORKING_DAYS, CALENDAR_DAYS, NONE }

  private static final String NUM = "([0-9]+|[零〇一二两三四五六七八九十百]+)";
  private static final Pattern WORKING = Pattern.compile(NUM + "\\s*个?\\s*工作日");
  private static final Pattern CALENDAR = Pattern.compile("(?<![月0-9零〇一二两三四五六七八九十百])" + NUM
      + "\\s*个?\\s*(?:自然日|日历日|日|天)\\s*(?:内|以内|之内)");

  public TimeLimit {
    text = text == null ? "" : text;
  }

  /** Whether records of the item can be checked against this limit. */
  public boolean auditable() {
    return unit != Unit.NONE;
  }

  public boolean workingDays() {
    return unit == Unit.WORKING_DAYS;
  }

  /** Reads a 公开时限 cell. */
  public static TimeLimit parse(String text) {
    String t = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    if (t.isEmpty()) return none(text, Bi.of("未填写公开时限", "no time limit given"));
    Matcher m = WORKING.matcher(t);
    if (m.find()) {
      int n = number(m.group(1));
      if (n > 0) return new TimeLimit(text, Unit.WORKING_DAYS, n, null);
    }
    m = CALENDAR.matcher(t);
    if (m.find()) {
      int n = number(m.group(1));
      if (n > 0) return new TimeLimit(text, Unit.CALENDAR_DAYS, n, null);
    }
    if (t.contains("即时")) {
      return none(text, Bi.of("即时公开，没有以日计的期限", "to be disclosed immediately: no period counted in days"));
    }
    if (t.contains("及时")) {
      return none(text, Bi.of("及时公开，没有以日计的期限", "to be disclosed promptly: no period counted in days"));
    }
    return none(text, Bi.of("公开时限中没有以工作日或日计的期限", "the time limit names no period in working or calendar days"));
  }

  private static TimeLimit none(String text, Bi reason) {
    return new TimeLimit(text, Unit.NONE, 0, reason);
  }

  /** An Arabic number, or a Chinese one up to 999 (二十, 十五, 一百二十); 0 when unreadable. */
  static int number(String s) {
    if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return s.length() > 6 ? 0 : Integer.parseInt(s);
    }
    int total = 0;
    int digit = -1;
    for (char c : s.toCharArray()) {
      int d = "零〇一二三四五六七八九".indexOf(c);
      if (d >= 0) {
        digit = d <= 1 ? 0 : d - 1;
      } else if (c == '两') {
        digit = 2;
      } else if (c == '十' || c == '百') {
        int unit = c == '十' ? 10 : 100;
        total += (digit < 0 ? 1 : digit) * unit;
        digit = -1;
      }
    }
    return total + Math.max(0, digit);
  }
}
