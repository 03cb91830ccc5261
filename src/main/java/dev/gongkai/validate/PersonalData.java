package dev.gongkai.validate;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.load.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds unmasked personal data in text that is about to be published:
 *
 * <ul>
 *   <li>18-digit resident ID numbers with a valid GB 11643 check digit and a real birth date, also written in groups
 *       ({@code 110105 19491231 002X}, {@code 110105-19491231-002X});
 *   <li>15-digit first-generation ID numbers (before 1999: region code of a real province, then a real 19YYMMDD birth
 *       date, no check digit);
 *   <li>mobile numbers ({@code 1[3-9]} + 9 digits), also {@code +86}/{@code 0086}-prefixed and written
 *       {@code 138 1234 5678} or {@code 138-1234-5678};
 *   <li>Luhn-valid bank card numbers of 16–19 digits, also in groups of four.
 * </ul>
 *
 * Full-width digits count as digits. Masked forms such as {@code 110105********002X}, {@code 138****5678} and
 * {@code 6222********3446} pass, as do digit runs that fail the check digit or Luhn check (most order and serial
 * numbers). Diagnostics show only the masked form, never the number itself.
 */
public final class PersonalData {
  private static final Pattern ID18 =
      Pattern.compile("(?<![0-9A-Za-z])(\\d{6})[ -]?(\\d{8})[ -]?(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
  private static final Pattern ID15 = Pattern.compile("(?<![0-9A-Za-z])(\\d{15})(?![0-9A-Za-z])");
  private static final Pattern MOBILE =
      Pattern.compile("(?<![\\d+])(?:(?:\\+|00)?86[ -]?)?(1[3-9]\\d)[ -]?(\\d{4})[ -]?(\\d{4})(?!\\d)");
  private static final Pattern CARD =
      Pattern.compile("(?<!\\d)(?:\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]\\d{1,3})?)(?!\\d)");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  /** The first two digits of a resident ID: provinces (GB/T 2260), plus Taiwan, Hong Kong and Macao. */
  private static final Set<String> PROVINCES = Set.of(
      "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
      "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

  /** The kinds a dataset column may declare ({@code "personal"} or {@code "mask"}). */
  public static final Set<String> KINDS = Set.of("id", "phone", "name", "bankcard");

  /**
   * One unmasked number in a text.
   *
   * @param start offset of its first character in the text
   * @param masked how it may be published
   */
  public record Hit(Code code, int start, int end, String masked) {}

  private PersonalData() {}

  /** Reports every unmasked number in {@code cell} at the cell's location; {@code column} names it for the message. */
  public static void check(Cell cell, String column, Diagnostics diags) {
    for (Hit h : find(cell.value())) diags.report(h.code(), cell.location(), h.masked(), column, h.masked());
  }

  /**
   * Reports every unmasked number in {@code text} at its own line and column, counting from {@code start} (the
   * location of the text's first character): for Markdown bodies and page header values, which are the file's text
   * as written.
   */
  public static void checkText(String text, Location start, String column, Diagnostics diags) {
    List<Hit> hits = find(text);
    if (hits.isEmpty()) return;
    int line = start.line();
    int col = Math.max(1, start.column());
    int pos = 0;
    for (Hit h : hits) {
      for (; pos < h.start(); pos++) {
        char c = text.charAt(pos);
        if (c == '\n' || (c == '\r' && (pos + 1 >= text.length() || text.charAt(pos + 1) != '\n'))) {
          line++;
          col = 1;
        } else {
          col++;
        }
      }
      diags.report(h.code(), new Location(start.path(), line, col), h.masked(), column, h.masked());
    }
  }

  /** Every unmasked number in {@code text}, in text order. */
  public static List<Hit> find(String text) {
    List<Hit> hits = new ArrayList<>();
    if (text.length() < 11 || !hasDigitRun(text)) return hits;
    String v = asciiDigits(text);
    // Every pattern matches only digits, spaces, '-', '+' and X, and at least 11 digits: each is run only over the
    // stretches of such characters that have 11 digits (lookarounds still see the characters around them), not over
    // the whole text. At 100,000 records this was most of validation.
    List<int[]> regions = regions(v);
    List<int[]> taken = new ArrayList<>();
    Matcher m = ID18.matcher(v);
    for (int[] r : regions) {
      for (within(m, r); m.find(); ) {
        String id = m.group(1) + m.group(2) + m.group(3);
        if (validId(id)) add(hits, taken, new Hit(Code.PERSONAL_ID, m.start(), m.end(), maskId(id)));
      }
    }
    m = ID15.matcher(v);
    for (int[] r : regions) {
      for (within(m, r); m.find(); ) {
        if (validId15(m.group(1))) add(hits, taken, new Hit(Code.PERSONAL_ID, m.start(), m.end(), maskId(m.group(1))));
      }
    }
    m = MOBILE.matcher(v);
    for (int[] r : regions) {
      for (within(m, r); m.find(); ) {
        String masked = m.group(1) + "****" + m.group(3);
        add(hits, taken, new Hit(Code.PERSONAL_PHONE, m.start(), m.end(), masked));
      }
    }
    m = CARD.matcher(v);
    for (int[] r : regions) {
      for (within(m, r); m.find(); ) {
        String n = m.group().replaceAll("[ -]", "");
        if (luhn(n)) add(hits, taken, new Hit(Code.PERSONAL_BANKCARD, m.start(), m.end(), maskCard(n)));
      }
    }
    hits.sort(java.util.Comparator.comparingInt(Hit::start));
    return hits;
  }

  /** Restricts {@code m} to {@code r}, its lookarounds seeing past both ends. */
  private static void within(Matcher m, int[] r) {
    m.region(r[0], r[1]).useTransparentBounds(true).useAnchoringBounds(false);
  }

  /** The maximal stretches of digits, spaces, '-', '+', 'X' and 'x' holding at least 11 digits, in text order. */
  static List<int[]> regions(String v) {
    List<int[]> out = new ArrayList<>();
    int start = -1;
    int digits = 0;
    for (int i = 0; i <= v.length(); i++) {
      char c = i < v.length() ? v.charAt(i) : '\n';
      boolean in = (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '+' || c == 'X' || c == 'x';
      if (in) {
        if (start < 0) {
          start = i;
          digits = 0;
        }
        if (c >= '0' && c <= '9') digits++;
      } else if (start >= 0) {
        if (digits >= 11) out.add(new int[] {start, i});
        start = -1;
      }
    }
    return out;
  }

  /** Adds a hit unless an earlier kind already claimed those characters (an ID number is not also a card). */
  private static void add(List<Hit> hits, List<int[]> taken, Hit h) {
    for (int[] t : taken) if (h.start() < t[1] && t[0] < h.end()) return;
    taken.add(new int[] {h.start(), h.end()});
    hits.add(h);
  }

  /** Whether the text has at least 11 digits in a row (ignoring the separators the patterns allow): a cheap filter. */
  private static boolean hasDigitRun(String s) {
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isDigit(c)) {
        if (++run >= 11) return true;
      } else if (c != ' ' && c != '-' && c != '+') {
        run = 0;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
  }

  /** Full-width digits and Ｘ as ASCII, so offsets stay those of the original text. */
  private static String asciiDigits(String s) {
    char[] cs = s.toCharArray();
    for (int i = 0; i < cs.length; i++) {
      char c = cs[i];
      if (c >= '０' && c <= '９') cs[i] = (char) ('0' + (c - '０'));
      else if (c == 'Ｘ' || c == 'ｘ') cs[i] = 'X';
    }
    return new String(cs);
  }

  /** GB 11643-1999: region digits, a real birth date and the ISO 7064 MOD 11-2 check character. */
  public static boolean validId(String id) {
    if (id.length() != 18) return false;
    for (int i = 0; i < 17; i++) if (id.charAt(i) < '0' || id.charAt(i) > '9') return false;
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (id.charAt(i) - '0') * WEIGHTS[i];
    if (Character.toUpperCase(id.charAt(17)) != CHECK[sum % 11]) return false;
    return realDate(id.substring(6, 10), id.substring(10, 12), id.substring(12, 14), 1890, 2100);
  }

  /** A first-generation (15-digit) ID: a province's region code and a real 19YYMMDD birth date. */
  public static boolean validId15(String id) {
    if (id.length() != 15 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) return false;
    if (!PROVINCES.contains(id.substring(0, 2))) return false;
    return realDate("19" + id.substring(6, 8), id.substring(8, 10), id.substring(10, 12), 1890, 1999);
  }

  private static boolean realDate(String y, String m, String d, int minYear, int maxYear) {
    try {
      int year = Integer.parseInt(y);
      java.time.LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d));
      return year >= minYear && year <= maxYear;
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return false;
    }
  }

  public static boolean luhn(String digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /**
   * The masked form shown in diagnostics (never the full number): first 6, then stars for the birth date and
   * sequence, then the last 4 (18 digits, {@code 110105********002X}) or last 3 (15 digits,
   * {@code 110105******123}).
   */
  static String maskId(String id) {
    if (id.length() == 15) return id.substring(0, 6) + "******" + id.substring(12);
    return id.substring(0, 6) + "********" + id.substring(14);
  }

  static String maskCard(String n) {
    return n.substring(0, 4) + "*".repeat(n.length() - 8) + n.substring(n.length() - 4);
  }

  /** Whether a value is already masked (holds {@code *} or {@code ＊}). */
  public static boolean isMasked(String v) {
    return v.indexOf('*') >= 0 || v.indexOf('＊') >= 0;
  }

  /**
   * {@code value} masked as a dataset column declared {@code "mask": kind} publishes it: ID numbers as
   * {@code 110105********002X}, mobiles as {@code 138****5678}, names as the first character and a star for every
   * other ({@code 张*}, {@code 欧***}), bank cards as the first and last four digits. A value of another shape keeps
   * only its outer quarter on each side. Blank and already masked values are returned as they are.
   */
  public static String mask(String value, String kind) {
    String v = value.strip();
    if (v.isEmpty() || isMasked(v)) return value;
    String compact = asciiDigits(v).replaceAll("[\\s-]", "");
    switch (kind) {
      case "id" -> {
        if (compact.matches("\\d{17}[0-9Xx]|\\d{15}")) return maskId(compact.toUpperCase(java.util.Locale.ROOT));
      }
      case "phone" -> {
        Matcher m = MOBILE.matcher(compact);
        if (m.matches()) return m.group(1) + "****" + m.group(3);
      }
      case "bankcard" -> {
        if (compact.matches("\\d{12,19}")) return maskCard(compact);
      }
      case "name" -> {
        StringBuilder b = new StringBuilder();
        int[] cps = v.codePoints().toArray();
        if (cps.length == 1) return "*";
        b.appendCodePoint(cps[0]);
        for (int i = 1; i < cps.length; i++) {
          if (Character.isWhitespace(cps[i]) || cps[i] == '·' || cps[i] == '•') b.appendCodePoint(cps[i]);
          else b.append('*');
        }
        return b.toString();
      }
      default -> {}
    }
    int[] cps = v.codePoints().toArray();
    int keep = Math.min(4, cps.length / 4);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cps.length; i++) {
      if (i < keep || i >= cps.length - keep) b.appendCodePoint(cps[i]);
      else b.append('*');
    }
    return b.toString();
  }
}
