package dev.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled calendar against the State Council's 2024–2026 holiday notices, counting, and site calendars. */
class WorkCalendarTest {
  private static final WorkCalendar CAL = WorkCalendar.bundled();

  private static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @Test
  void coversTheYearsOfTheBundledNotices() {
    assertEquals(Set.of(2024, 2025, 2026), CAL.years());
    assertTrue(CAL.covers(d("2024-01-01")) && CAL.covers(d("2026-12-31")));
    assertFalse(CAL.covers(d("2023-12-31")));
    assertFalse(CAL.covers(d("2027-01-01")));
    assertTrue(CAL.covers(d("2024-05-01"), d("2026-05-01")));
    assertFalse(CAL.covers(d("2023-12-29"), d("2024-01-05")));
    assertThrows(IllegalArgumentException.class, () -> CAL.isWorkingDay(d("2027-01-04")));
    assertTrue(CAL.year(2025).orElseThrow().source().contains("国办发明电〔2024〕12号"));
  }

  @Test
  void facts2024() {
    // 国办发明电〔2023〕7号: 春节 2月10日至17日放假调休，2月4日（星期日）、2月18日（星期日）上班.
    assertEquals(DayOfWeek.SUNDAY, d("2024-02-04").getDayOfWeek());
    assertTrue(CAL.isWorkingDay(d("2024-02-04")));
    assertTrue(CAL.isWorkingDay(d("2024-02-18")));
    for (LocalDate x = d("2024-02-10"); !x.isAfter(d("2024-02-17")); x = x.plusDays(1)) {
      assertFalse(CAL.isWorkingDay(x), x.toString());
      assertEquals(Optional.of("春节"), CAL.holiday(x));
    }
    assertFalse(CAL.isWorkingDay(d("2024-01-01")));
    // 中秋节 9月15日至17日, 9月14日（星期六）上班; 国庆节 10月1日至7日, 9月29日（星期日）、10月12日（星期六）上班.
    assertTrue(CAL.isWorkingDay(d("2024-09-14")));
    assertFalse(CAL.isWorkingDay(d("2024-09-16")));
    assertTrue(CAL.isWorkingDay(d("2024-09-29")));
    assertFalse(CAL.isWorkingDay(d("2024-10-07")));
    assertTrue(CAL.isWorkingDay(d("2024-10-12")));
    // Ordinary days.
    assertTrue(CAL.isWorkingDay(d("2024-03-05")));   // Tuesday
    assertFalse(CAL.isWorkingDay(d("2024-03-09")));  // Saturday
  }

  @Test
  void facts2025() {
    // 国办发明电〔2024〕12号: 国庆节、中秋节 10月1日至8日放假调休，9月28日（星期日）、10月11日（星期六）上班.
    for (LocalDate x = d("2025-10-01"); !x.isAfter(d("2025-10-08")); x = x.plusDays(1)) {
      assertFalse(CAL.isWorkingDay(x), x.toString());
      assertEquals(Optional.of("国庆节、中秋节"), CAL.holiday(x));
    }
    assertTrue(CAL.isWorkingDay(d("2025-10-09")));
    assertEquals(DayOfWeek.SUNDAY, d("2025-09-28").getDayOfWeek());
    assertTrue(CAL.isWorkingDay(d("2025-09-28")));
    assertEquals(DayOfWeek.SATURDAY, d("2025-10-11").getDayOfWeek());
    assertTrue(CAL.isWorkingDay(d("2025-10-11")));
    // 春节 1月28日至2月4日, 1月26日（星期日）、2月8日（星期六）上班.
    assertTrue(CAL.isWorkingDay(d("2025-01-26")));
    assertTrue(CAL.isWorkingDay(d("2025-02-08")));
    assertFalse(CAL.isWorkingDay(d("2025-02-04")));
  }

  @Test
  void facts2026() {
    // The 2026 notice's adjusted working days, each on a weekend, each a working day.
    for (String s : new String[] {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"}) {
      DayOfWeek w = d(s).getDayOfWeek();
      assertTrue(w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY, s);
      assertTrue(CAL.isWorkingDay(d(s)), s);
    }
    assertEquals(Set.of(d("2026-01-04"), d("2026-02-14"), d("2026-02-28"), d("2026-05-09"), d("2026-09-20"),
        d("2026-10-10")), CAL.year(2026).orElseThrow().adjustedWorkdays());
    // 元旦 1月1日至3日 (Thursday–Saturday); 春节 2月15日至23日 (nine days); 端午节 6月19日至21日.
    assertFalse(CAL.isWorkingDay(d("2026-01-02")));
    for (LocalDate x = d("2026-02-15"); !x.isAfter(d("2026-02-23")); x = x.plusDays(1)) {
      assertFalse(CAL.isWorkingDay(x), x.toString());
    }
    assertFalse(CAL.isWorkingDay(d("2026-06-19")));
    assertTrue(CAL.isWorkingDay(d("2026-06-18")));
  }

  @Test
  void holidaysFlatInTheFileAgreesWithTheNamedLists() throws IOException {
    // The file's informational holidays_flat (present for 2025 and 2026) must say the same as the named lists.
    JsonNode root;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(WorkCalendar.RESOURCE)) {
      root = new ObjectMapper().readTree(in);
    }
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> y = it.next();
      if (!y.getValue().has("holidays_flat")) continue;
      Set<LocalDate> flat = new TreeSet<>();
      y.getValue().get("holidays_flat").forEach(n -> flat.add(d(n.asText())));
      assertEquals(flat, CAL.year(Integer.parseInt(y.getKey())).orElseThrow().holidays().keySet(), y.getKey());
      checked++;
    }
    assertEquals(2, checked);
  }

  @Test
  void countsWorkingDaysAfterTheStartDayUpToAndIncludingTheEnd() {
    assertEquals(0, CAL.workingDaysAfter(d("2024-03-05"), d("2024-03-05")));
    assertEquals(1, CAL.workingDaysAfter(d("2024-03-08"), d("2024-03-11")));   // Friday → Monday
    assertEquals(0, CAL.workingDaysAfter(d("2024-03-08"), d("2024-03-10")));   // Friday → Sunday
    // 2025-01-27 (Monday) → 2025-02-05: 1月28日至2月4日 are all holidays, 2月5日 is the first working day.
    assertEquals(1, CAL.workingDaysAfter(d("2025-01-27"), d("2025-02-05")));
    // Across the new year: 2024-12-30 (Mon) → 2025-01-03 (Fri): 12-31, 01-02, 01-03 (01-01 元旦).
    assertEquals(3, CAL.workingDaysAfter(d("2024-12-30"), d("2025-01-03")));
    // The 20th working day after 2024-08-12 (see TimelinessTest's hand count) is 2024-09-09.
    assertEquals(Optional.of(d("2024-09-09")), CAL.plusWorkingDays(d("2024-08-12"), 20));
    assertEquals(20, CAL.workingDaysAfter(d("2024-08-12"), d("2024-09-09")));
    assertEquals(Optional.empty(), CAL.plusWorkingDays(d("2026-12-20"), 20));
    assertEquals(16, WorkCalendar.calendarDaysAfter(d("2024-03-01"), d("2024-03-17")));
  }

  @Test
  void runningCountsAgreeWithWalkingDayByDay(@TempDir Path tmp) throws IOException {
    // 2024-2026 bundled, 2028 from the site, 2027 not covered: dates before, inside, across the gap and after.
    Files.createDirectories(tmp.resolve("catalogue"));
    Files.writeString(tmp.resolve(WorkCalendar.SITE_FILE), """
        {"2028": {"holidays": {"元旦": ["2028-01-01"]}, "adjusted_workdays": ["2028-01-08"]}}
        """);
    WorkCalendar c = WorkCalendar.forSite(tmp, new Diagnostics());
    java.util.Random random = new java.util.Random(7);
    LocalDate start = d("2023-10-01");
    for (int round = 0; round < 20_000; round++) {
      LocalDate from = start.plusDays(random.nextInt(6 * 366));
      LocalDate to = from.plusDays(random.nextInt(70) - 5);
      int n = random.nextInt(45);
      // Walking, as the calendar did before it kept running counts.
      Integer walked = 0;
      for (LocalDate x = from.plusDays(1); !x.isAfter(to); x = x.plusDays(1)) {
        if (!c.covers(x)) {
          walked = null;
          break;
        }
        if (c.isWorkingDay(x)) walked++;
      }
      if (walked == null) {
        LocalDate f = from;
        assertThrows(IllegalArgumentException.class, () -> c.workingDaysAfter(f, to), from + " " + to);
      } else {
        assertEquals(walked, c.workingDaysAfter(from, to), from + " " + to);
      }
      Optional<LocalDate> plus = Optional.of(from);
      int left = n;
      LocalDate x = from;
      while (left > 0) {
        x = x.plusDays(1);
        if (!c.covers(x)) {
          plus = Optional.empty();
          break;
        }
        if (c.isWorkingDay(x)) left--;
        plus = Optional.of(x);
      }
      assertEquals(plus, c.plusWorkingDays(from, n), from + " + " + n);
    }
  }

  @Test
  void aSiteCalendarReplacesOrAddsWholeYears(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("catalogue"));
    Files.writeString(tmp.resolve(WorkCalendar.SITE_FILE), """
        {"2026": {"source": "corrected", "holidays": {"元旦": ["2026-01-01"]}, "adjusted_workdays": []},
         "2027": {"holidays": {"元旦": ["2027-01-01"]}, "adjusted_workdays": ["2027-01-09"]}}
        """);
    Diagnostics diags = new Diagnostics();
    WorkCalendar c = WorkCalendar.forSite(tmp, diags);
    assertEquals(0, diags.total());
    assertEquals(Set.of(2024, 2025, 2026, 2027), c.years());
    assertTrue(c.isWorkingDay(d("2026-01-02")));    // replaced: no longer a holiday
    assertFalse(c.isWorkingDay(d("2026-10-10")));   // replaced: no longer an adjusted working day
    assertTrue(c.isWorkingDay(d("2027-01-09")));
    assertFalse(c.isWorkingDay(d("2027-01-01")));
    assertTrue(c.isWorkingDay(d("2024-02-04")));    // bundled years stay
    assertSame(WorkCalendar.bundled(), WorkCalendar.forSite(tmp.resolve("nowhere"), diags));
  }

  @Test
  void aBrokenSiteCalendarIsALocatedErrorAndTheBundledOneIsUsed(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("catalogue"));
    Files.writeString(tmp.resolve(WorkCalendar.SITE_FILE), "{\"2027\": {\"holidays\": {\n  \"元旦\": [\"2027-01-01\",]}}}");
    Diagnostics diags = new Diagnostics();
    assertSame(WorkCalendar.bundled(), WorkCalendar.forSite(tmp, diags));
    Diagnostic e = diags.sorted().get(0);
    assertEquals(Code.JSON_SYNTAX, e.code());
    assertEquals(WorkCalendar.SITE_FILE, e.location().path());
    assertEquals(2, e.location().line());

    Files.writeString(tmp.resolve(WorkCalendar.SITE_FILE),
        "{\"2027\": {\"holidays\": {}, \"adjusted_workdays\": [\"2027-01-11\"]}}");   // a Monday
    Diagnostics shape = new Diagnostics();
    WorkCalendar.forSite(tmp, shape);
    assertEquals(Code.JSON_SHAPE, shape.sorted().get(0).code());
    assertTrue(shape.sorted().get(0).messageEn().contains("not a Saturday or Sunday"), shape.sorted().toString());

    // Saved as GBK by a Windows editor: an input error, not a crash.
    Files.write(tmp.resolve(WorkCalendar.SITE_FILE),
        "{\"2027\": {\"holidays\": {\"元旦\": [\"2027-01-01\"]}}}".getBytes(java.nio.charset.Charset.forName("GBK")));
    Diagnostics gbk = new Diagnostics();
    assertSame(WorkCalendar.bundled(), WorkCalendar.forSite(tmp, gbk));
    assertTrue(gbk.sorted().get(0).messageEn().contains("not UTF-8"), gbk.sorted().toString());
  }

  @Test
  void rejectsDatesOutsideTheirYearAndBadDates() {
    assertThrows(WorkCalendar.Invalid.class,
        () -> WorkCalendar.parse("{\"2027\": {\"holidays\": {\"元旦\": [\"2026-01-01\"]}}}"));
    assertThrows(WorkCalendar.Invalid.class,
        () -> WorkCalendar.parse("{\"2027\": {\"holidays\": {\"元旦\": [\"2027-02-30\"]}}}"));
    assertThrows(WorkCalendar.Invalid.class, () -> WorkCalendar.parse("{\"27\": {\"holidays\": {}}}"));
    assertThrows(WorkCalendar.Invalid.class, () -> WorkCalendar.parse("[]"));
  }
}
