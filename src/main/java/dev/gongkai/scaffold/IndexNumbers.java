package dev.gongkai.scaffold;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The next 索引号 ({@code 前段码/年份-流水号}, as {@code validate.Values#validIndexNo} accepts it) of an agency.
 *
 * <p>The serial is counted per 前段码 and year across the whole site: the validator requires every 索引号 to be unique
 * in the site, withheld (不予公开, 依申请公开) records and other catalogue items included, so all of them count;
 * numbers with another 前段码 (another agency's) do not. The next serial is the largest of the year plus one: gaps
 * are never filled (a number once used may be cited somewhere), and the first of a year is 1. Numbers whose period
 * is a year and month ({@code 202406}) count for their year.
 */
public final class IndexNumbers {
  private static final Pattern INDEX_NO = Pattern.compile("([0-9A-Z]{6,18})/(\\d{4}|\\d{6})-(\\d{1,8})");
  /** The serial width when the agency has no numbers yet: {@code 015583216/2024-00012}. */
  static final int DEFAULT_WIDTH = 5;
  private static final int MAX_SERIAL = 99_999_999;

  /** One 索引号 taken apart. */
  public record Parsed(String prefix, String period, long serial, int width) {
    int year() {
      return Integer.parseInt(period.substring(0, 4));
    }
  }

  /**
   * How the agency writes its numbers, from those it has.
   *
   * @param monthly whether the period is {@code YYYYMM} rather than {@code YYYY}
   * @param width the serial's zero-padded width
   */
  public record Style(boolean monthly, int width) {}

  private IndexNumbers() {}

  /** Parses a whole 索引号; empty when it is not one (such values are the validator's to report). */
  public static Optional<Parsed> parse(String s) {
    Matcher m = INDEX_NO.matcher(s.strip());
    if (!m.matches()) return Optional.empty();
    return Optional.of(new Parsed(m.group(1), m.group(2), Long.parseLong(m.group(3)), m.group(3).length()));
  }

  /** Every 索引号 in a text (for files that cannot be read as tables, such as spreadsheets). */
  public static java.util.List<String> findIn(String text) {
    java.util.List<String> out = new java.util.ArrayList<>();
    Matcher m = Pattern.compile("(?<![0-9A-Za-z])" + INDEX_NO.pattern() + "(?![0-9])").matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  /** The 前段码 used most among {@code numbers} (ties: the smallest), or empty when none parses. */
  public static Optional<String> commonestPrefix(Collection<String> numbers) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String n : numbers) parse(n).ifPresent(p -> counts.merge(p.prefix(), 1, Integer::sum));
    return counts.entrySet().stream()
        .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey);
  }

  /**
   * The style of the numbers with {@code prefix}: the period form most of them use (ties: year only) and their
   * commonest serial width (ties: the wider); year only and {@value #DEFAULT_WIDTH} digits when there are none.
   */
  public static Style style(Collection<String> numbers, String prefix) {
    int monthly = 0;
    int yearly = 0;
    Map<Integer, Integer> widths = new TreeMap<>();
    for (String n : numbers) {
      Optional<Parsed> p = parse(n);
      if (p.isEmpty() || !p.get().prefix().equals(prefix)) continue;
      if (p.get().period().length() == 6) monthly++;
      else yearly++;
      widths.merge(p.get().width(), 1, Integer::sum);
    }
    int width = widths.entrySet().stream()
        .max(Comparator.<Map.Entry<Integer, Integer>>comparingInt(Map.Entry::getValue)
            .thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey).orElse(DEFAULT_WIDTH);
    return new Style(monthly > yearly, width);
  }

  /**
   * The next 索引号 for a record dated {@code date}.
   *
   * @param numbers every 索引号 of the site (any order; values that are not 索引号 are ignored)
   * @throws IllegalStateException when the year's serials are used up (99,999,999)
   */
  public static String next(Collection<String> numbers, String prefix, Style style, LocalDate date) {
    long max = 0;
    for (String n : numbers) {
      Optional<Parsed> p = parse(n);
      if (p.isPresent() && p.get().prefix().equals(prefix) && p.get().year() == date.getYear()) {
        max = Math.max(max, p.get().serial());
      }
    }
    if (max >= MAX_SERIAL) throw new IllegalStateException("no serial left in " + date.getYear() + " for " + prefix);
    String period = style.monthly()
        ? String.format(Locale.ROOT, "%04d%02d", date.getYear(), date.getMonthValue())
        : String.format(Locale.ROOT, "%04d", date.getYear());
    String serial = String.format(Locale.ROOT, "%0" + style.width() + "d", max + 1);
    return prefix + "/" + period + "-" + serial;
  }
}
