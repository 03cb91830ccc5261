package dev.gongkai.audit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.diag.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Chinese working-day calendar (工作日): Monday to Friday, except the public holidays (法定节假日及调休放假日) the
 * State Council announces each year, plus the adjusted working days (调休上班日) that fall on a Saturday or Sunday.
 *
 * <p>The bundled calendar ({@value #RESOURCE}) covers the years in the State Council's annual notices (国务院办公厅关于
 * 部分节假日安排的通知) named in the file. A site may add years or correct a year in {@value #SITE_FILE}, in the same
 * format: a year given there replaces the bundled year whole (so a site can extend the calendar to a year the
 * generator does not ship yet, or fix one), the other bundled years stay.
 *
 * <pre>
 * { "2025": { "source": "国办发明电〔2024〕12号",
 *             "holidays": { "元旦": ["2025-01-01"], "春节": ["2025-01-28", …] },
 *             "adjusted_workdays": ["2025-01-26", "2025-02-08", …] } }
 * </pre>
 *
 * Other keys ({@code source}, {@code holidays_flat}) are informational and ignored. Immutable and thread-safe.
 */
public final class WorkCalendar {
  /** The bundled calendar on the class path. */
  public static final String RESOURCE = "gongkai/calendar/cn-holidays.json";
  /** A site's own calendar, relative to the source root; optional. */
  public static final String SITE_FILE = "catalogue/calendar.json";

  /** One year of the calendar: holiday name by date, and the adjusted working days. */
  public record Year(int year, String source, Map<LocalDate, String> holidays, Set<LocalDate> adjustedWorkdays) {
    public Year {
      holidays = Collections.unmodifiableMap(new TreeMap<>(holidays));
      adjustedWorkdays = Collections.unmodifiableSet(new TreeSet<>(adjustedWorkdays));
    }
  }

  /** The calendar file is not valid JSON or not in the calendar format; {@code line} is 0 when unknown. */
  public static final class Invalid extends Exception {
    private final String zh;
    private final String en;
    private final String text;
    private final int line;
    private final int column;
    private final boolean syntax;

    Invalid(boolean syntax, String zh, String en, String text, int line, int column) {
      super(en);
      this.syntax = syntax;
      this.zh = zh;
      this.en = en;
      this.text = text;
      this.line = line;
      this.column = column;
    }

    /** As a located error diagnostic for {@code path} (the file's source-relative path). */
    public Diagnostic diagnostic(String path) {
      Location where = line > 0 ? new Location(path, line, Math.max(0, column)) : Location.file(path);
      return new Diagnostic(where, Severity.ERROR, syntax ? Code.JSON_SYNTAX : Code.JSON_SHAPE,
          "工作日历格式错误：" + zh, "invalid working-day calendar: " + en, text,
          "格式：{\"2025\": {\"holidays\": {\"春节\": [\"2025-01-28\", …]}, \"adjusted_workdays\": [\"2025-01-26\"]}}，"
              + "日期写成 YYYY-MM-DD，节假日和调休上班日以国务院办公厅当年的节假日安排通知为准",
          "format: {\"2025\": {\"holidays\": {\"春节\": [\"2025-01-28\", …]}, \"adjusted_workdays\": [\"2025-01-26\"]}}"
              + " with YYYY-MM-DD dates, as announced in the State Council's notice on that year's public holidays");
    }
  }

  private final Map<Integer, Year> years;

  private WorkCalendar(Map<Integer, Year> years) {
    this.years = Collections.unmodifiableMap(new TreeMap<>(years));
  }

  private static volatile WorkCalendar bundled;

  /** The calendar bundled with gongkai ({@value #RESOURCE}). */
  public static WorkCalendar bundled() {
    WorkCalendar c = bundled;
    if (c != null) return c;
    try (InputStream in = WorkCalendar.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      c = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Invalid e) {
      throw new IllegalStateException("bundled calendar " + RESOURCE + ": " + e.getMessage(), e);
    }
    bundled = c;
    return c;
  }

  /**
   * The calendar for a site: the bundled one, with the years of {@code <root>/}{@value #SITE_FILE} replacing or
   * adding to it when that file exists. A broken site file is reported to {@code diags} as an error and the bundled
   * calendar is returned.
   */
  public static WorkCalendar forSite(Path sourceRoot, Diagnostics diags) throws IOException {
    Path file = sourceRoot.resolve(SITE_FILE);
    if (!Files.isRegularFile(file)) return bundled();
    try {
      String json;
      try {
        json = Files.readString(file, StandardCharsets.UTF_8);
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new Invalid(true, "文件不是 UTF-8 编码，请另存为 UTF-8", "the file is not UTF-8: save it as UTF-8", "", 0, 0);
      }
      if (json.startsWith("\uFEFF")) json = json.substring(1);
      return bundled().overriddenBy(parse(json));
    } catch (Invalid e) {
      diags.add(e.diagnostic(SITE_FILE));
      return bundled();
    }
  }

  /** Parses a calendar in the format described above. */
  public static WorkCalendar parse(String json) throws Invalid {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonParseException e) {
      JsonLocation l = e.getLocation();
      throw new Invalid(true, e.getOriginalMessage(), e.getOriginalMessage(), "",
          l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr());
    } catch (IOException e) {
      throw new Invalid(true, e.getMessage(), e.getMessage(), "", 0, 0);
    }
    if (root == null || !root.isObject()) throw shape("最外层应为以年份为键的对象", "the top level must be an object keyed by year", "");
    Map<Integer, Year> years = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().matches("[0-9]{4}")) {
        throw shape("年份“" + e.getKey() + "”应为四位数字", "year \"" + e.getKey() + "\" must be four digits", e.getKey());
      }
      int year = Integer.parseInt(e.getKey());
      years.put(year, year(year, e.getValue()));
    }
    return new WorkCalendar(years);
  }

  private static Year year(int year, JsonNode node) throws Invalid {
    if (!node.isObject()) throw shape(year + "年应为对象", "year " + year + " must be an object", String.valueOf(year));
    JsonNode hs = node.path("holidays");
    if (!hs.isObject()) {
      throw shape(year + "年缺少 holidays（节日名称 → 日期列表）", "year " + year + " needs \"holidays\" (name → dates)",
          String.valueOf(year));
    }
    Map<LocalDate, String> holidays = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = hs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> h = it.next();
      for (LocalDate d : dates(year, h.getValue(), "holidays." + h.getKey())) holidays.put(d, h.getKey());
    }
    JsonNode aw = node.path("adjusted_workdays");
    Set<LocalDate> adjusted = new TreeSet<>();
    if (!aw.isMissingNode()) {
      for (LocalDate d : dates(year, aw, "adjusted_workdays")) {
        if (holidays.containsKey(d)) {
          throw shape(d + " 既是节假日又是调休上班日", d + " is both a holiday and an adjusted working day", d.toString());
        }
        if (!isWeekend(d)) {
          throw shape("调休上班日 " + d + " 不是周六或周日", "adjusted working day " + d + " is not a Saturday or Sunday",
              d.toString());
        }
        adjusted.add(d);
      }
    }
    String source = node.path("source").isTextual() ? node.path("source").asText() : "";
    return new Year(year, source, holidays, adjusted);
  }

  private static Set<LocalDate> dates(int year, JsonNode list, String key) throws Invalid {
    if (!list.isArray()) {
      throw shape(year + "年的 " + key + " 应为日期数组", year + ": \"" + key + "\" must be an array of dates", key);
    }
    Set<LocalDate> out = new TreeSet<>();
    for (JsonNode n : list) {
      String s = n.asText();
      LocalDate d;
      try {
        d = LocalDate.parse(s);
      } catch (DateTimeParseException ex) {
        throw shape("“" + s + "”不是 YYYY-MM-DD 格式的有效日期", "\"" + s + "\" is not a valid YYYY-MM-DD date", s);
      }
      if (d.getYear() != year) {
        throw shape(s + " 不在" + year + "年内", s + " is not in " + year, s);
      }
      out.add(d);
    }
    return out;
  }

  private static Invalid shape(String zh, String en, String text) {
    return new Invalid(false, zh, en, text, 0, 0);
  }

  /** This calendar with each year of {@code site} replacing (or adding) that year. */
  public WorkCalendar overriddenBy(WorkCalendar site) {
    Map<Integer, Year> merged = new TreeMap<>(years);
    merged.putAll(site.years);
    return new WorkCalendar(merged);
  }

  /** The years the calendar covers, ascending. */
  public Set<Integer> years() {
    return years.keySet();
  }

  /** One covered year, with its source notice. */
  public Optional<Year> year(int year) {
    return Optional.ofNullable(years.get(year));
  }

  /** Whether the calendar knows the holidays of {@code year} (without boxing it: asked once per record and year). */
  public boolean coversYear(int year) {
    Table t = table();
    if (t == null) return false;
    int k = year - t.firstYear;
    return k >= 0 && k < t.coveredYears.length && t.coveredYears[k];
  }

  /** Whether the calendar knows the holidays of {@code date}'s year. */
  public boolean covers(LocalDate date) {
    return years.containsKey(date.getYear());
  }

  /** Whether every year from {@code from}'s to {@code to}'s is covered. */
  public boolean covers(LocalDate from, LocalDate to) {
    for (int y = from.getYear(); y <= to.getYear(); y++) if (!years.containsKey(y)) return false;
    return true;
  }

  /**
   * Whether {@code date} is a working day: (Monday–Friday and not a holiday) or an adjusted working day.
   *
   * @throws IllegalArgumentException when the calendar does not cover the date's year (check {@link #covers} first)
   */
  public boolean isWorkingDay(LocalDate date) {
    Year y = years.get(date.getYear());
    if (y == null) throw new IllegalArgumentException("the calendar does not cover " + date.getYear());
    if (y.adjustedWorkdays().contains(date)) return true;
    return !isWeekend(date) && !y.holidays().containsKey(date);
  }

  /** The holiday's name (e.g. 春节) when {@code date} is a public holiday in a covered year. */
  public Optional<String> holiday(LocalDate date) {
    Year y = years.get(date.getYear());
    return y == null ? Optional.empty() : Optional.ofNullable(y.holidays().get(date));
  }

  /**
   * The working days {@code d} with {@code from < d <= to}: the day {@code from} itself is not counted, so a
   * document published the working day after it was written has taken 1 working day. 0 when {@code to <= from}.
   *
   * @throws IllegalArgumentException when a counted day's year is not covered
   */
  public int workingDaysAfter(LocalDate from, LocalDate to) {
    Table t = table();
    if (t != null) {
      long a = from.toEpochDay() + 1 - t.first;
      long b = to.toEpochDay() - t.first;
      if (b < a) return 0;
      if (a >= 0 && b < t.days() && t.uncovered[(int) b + 1] == t.uncovered[(int) a]) {
        return t.working[(int) b + 1] - t.working[(int) a];
      }
    }
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) if (isWorkingDay(d)) n++;
    return n;
  }

  /**
   * The {@code n}th working day after {@code from} (the last day of a "之日起n个工作日内" period), or empty when that
   * day would fall in a year the calendar does not cover. {@code from} itself when {@code n <= 0}.
   */
  public Optional<LocalDate> plusWorkingDays(LocalDate from, int n) {
    Table t = table();
    long a = from.toEpochDay() + 1 - (t == null ? 0 : t.first);
    if (n > 0 && t != null && a >= 0 && a < t.days()) {
      // The first day p >= a with n working days in [a, p]; empty when a day in between, or p, is not covered.
      int want = t.working[(int) a] + n;
      int lo = (int) a;
      int hi = t.days() - 1;
      if (t.working[hi + 1] < want) return Optional.empty(); // runs past the last covered year
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (t.working[mid + 1] >= want) hi = mid;
        else lo = mid + 1;
      }
      if (t.uncovered[lo + 1] != t.uncovered[(int) a]) return Optional.empty();
      return Optional.of(LocalDate.ofEpochDay(t.first + lo));
    }
    LocalDate d = from;
    int left = n;
    while (left > 0) {
      d = d.plusDays(1);
      if (!covers(d)) return Optional.empty();
      if (isWorkingDay(d)) left--;
    }
    return Optional.of(d);
  }

  /** Calendar days from {@code from} to {@code to}, {@code from} not counted (0 on the same day). */
  public static int calendarDaysAfter(LocalDate from, LocalDate to) {
    return (int) Math.max(0, ChronoUnit.DAYS.between(from, to));
  }

  /**
   * Running counts over the days from the first covered year's 1 January to the last one's 31 December: the audit asks
   * for the working days of every record, and walking them day by day looked up two maps per day (tenths of a second
   * at 100,000 records).
   *
   * @param first the epoch day of the first day
   * @param working {@code working[k]}: working days among the first {@code k} days
   * @param uncovered {@code uncovered[k]}: days in a year between the covered ones that is not covered, among the
   *     first {@code k}
   * @param firstYear the first covered year
   * @param coveredYears whether each year from {@code firstYear} on is covered
   */
  private record Table(long first, int[] working, int[] uncovered, int firstYear, boolean[] coveredYears) {
    int days() {
      return working.length - 1;
    }
  }

  private volatile Table table;

  /** The running counts, made on first use; null when no year is covered. */
  private Table table() {
    Table t = table;
    if (t != null || years.isEmpty()) return t;
    int firstYear = Collections.min(years.keySet());
    int lastYear = Collections.max(years.keySet());
    LocalDate start = LocalDate.of(firstYear, 1, 1);
    int days = (int) (LocalDate.of(lastYear, 12, 31).toEpochDay() - start.toEpochDay() + 1);
    int[] working = new int[days + 1];
    int[] uncovered = new int[days + 1];
    LocalDate d = start;
    for (int k = 0; k < days; k++, d = d.plusDays(1)) {
      boolean covered = years.containsKey(d.getYear());
      working[k + 1] = working[k] + (covered && isWorkingDay(d) ? 1 : 0);
      uncovered[k + 1] = uncovered[k] + (covered ? 0 : 1);
    }
    boolean[] coveredYears = new boolean[lastYear - firstYear + 1];
    for (int y : years.keySet()) coveredYears[y - firstYear] = true;
    table = t = new Table(start.toEpochDay(), working, uncovered, firstYear, coveredYears);
    return t;
  }

  private static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
