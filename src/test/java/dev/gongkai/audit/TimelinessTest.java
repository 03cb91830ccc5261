package dev.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.audit.TimelinessReport.Entry;
import dev.gongkai.audit.TimelinessReport.ItemSummary;
import dev.gongkai.audit.TimelinessReport.Status;
import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.Site;
import dev.gongkai.testing.Txtar;
import dev.gongkai.validate.SiteValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit on the bundled example (counted by hand) and on small sites with edge cases. */
class TimelinessTest {

  /** Loads, validates and gates a site the way {@code gongkai validate} does. */
  static PublishedSite load(Path source) throws IOException {
    Diagnostics diags = new Diagnostics();
    Optional<Site> site = SiteValidator.validate(InputLoader.load(new SourceTree(source), diags), diags);
    assertFalse(site.isEmpty() || diags.hasErrors(), () -> diags.sorted().toString());
    return DisclosureGate.apply(site.get());
  }

  private static Map<String, Entry> byIndex(TimelinessReport r, PublishedSite site, WorkCalendar cal) {
    Map<String, Entry> m = new HashMap<>();
    for (ItemSummary s : r.items()) {
      for (var rec : site.byItem().get(s.item().code())) {
        m.put(rec.indexNo(), Timeliness.check(rec, s.item(), s.limit(), cal, new HashMap<>()));
      }
    }
    return m;
  }

  /**
   * The bundled example has exactly three late records. Counted by hand on the calendar of the 2024–2026 notices,
   * counting the working days after 成文日期 up to and including 发布日期; every item's limit is 20 working days.
   *
   * <pre>
   * 015583216/2024-00083  成文 2024-08-12 (Mon)  发布 2024-09-26 (Thu)
   *   08-13..16  4    (Tue–Fri)                          →  4
   *   08-19..23  5                                        →  9
   *   08-26..30  5                                        → 14
   *   09-02..06  5                                        → 19
   *   09-09..13  5   (09-09 is the 20th: the deadline)    → 24
   *   09-14 Sat  1   adjusted working day (中秋 调休)      → 25
   *   09-15..17  0   中秋节 (Sun–Tue)
   *   09-18..20  3   (Wed–Fri)                            → 28
   *   09-23..26  4   (Mon–Thu)                            → 32   → 32 > 20, late by 12
   *
   * 015583216/2025-00111  成文 2025-07-14 (Mon)  发布 2025-08-28 (Thu); no holiday or adjusted day in between
   *   07-15..18 4 → 4;  07-21..25 5 → 9;  07-28..08-01 5 → 14;  08-04..08 5 → 19;
   *   08-11..15 5 → 24 (08-11 is the 20th);  08-18..22 5 → 29;  08-25..28 4 → 33   → 33 > 20, late by 13
   *
   * 015583216/2026-00039  成文 2026-06-15 (Mon)  发布 2026-07-30 (Thu)
   *   06-16..18 3 → 3;  06-19..21 端午节 (Fri–Sun) 0;  06-22..26 5 → 8;  06-29..07-03 5 → 13;
   *   07-06..10 5 → 18;  07-13..17 5 → 23 (07-14 is the 20th);  07-20..24 5 → 28;  07-27..30 4 → 32
   *                                                                                  → 32 > 20, late by 12
   * </pre>
   *
   * Of the 185 published records, 17 belong to items whose 公开时限 names no period in days (及时公开 ×7, 即时公开 ×6,
   * 提前一周发通知邀请 ×4 — see the item table below), so 168 are audited.
   */
  @Test
  void exampleSiteHasExactlyTheThreeDeliberatelyLateRecords() throws IOException {
    PublishedSite site = load(Path.of("").toAbsolutePath());
    WorkCalendar cal = WorkCalendar.bundled();
    TimelinessReport r = Timeliness.audit(site, cal);

    assertEquals(List.of("015583216/2025-00111", "015583216/2024-00083", "015583216/2026-00039"),
        r.late().stream().map(e -> e.record().indexNo()).toList(), "catalogue order: aqsc-02-04, aqsc-03-02, jz-03-01");
    Map<String, Entry> late = new HashMap<>();
    r.late().forEach(e -> late.put(e.record().indexNo(), e));

    Entry a = late.get("015583216/2024-00083");
    assertEquals(LocalDate.parse("2024-08-12"), a.record().written());
    assertEquals(LocalDate.parse("2024-09-26"), a.record().published());
    assertEquals(32, a.elapsed());
    assertEquals(20, a.limit().days());
    assertEquals(12, a.overdue());
    assertEquals(LocalDate.parse("2024-09-09"), a.deadline());
    assertEquals("aqsc-03-02", a.item().code());

    Entry b = late.get("015583216/2025-00111");
    assertEquals(33, b.elapsed());
    assertEquals(LocalDate.parse("2025-08-11"), b.deadline());

    Entry c = late.get("015583216/2026-00039");
    assertEquals(32, c.elapsed());
    assertEquals(LocalDate.parse("2026-07-14"), c.deadline());

    assertEquals(new TimelinessReport.Totals(185, 168, 3, 17), r.totals());
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());

    Map<String, ItemSummary> items = new HashMap<>();
    r.items().forEach(s -> items.put(s.item().code(), s));
    assertEquals(site.catalogue().items().size(), r.items().size());
    assertEquals(1, items.get("aqsc-03-02").late());
    assertEquals("事故调查报告批复之日起20个工作日内", items.get("aqsc-03-02").limit().text());
    assertEquals(6, items.get("jz-05-02").notAuditable());   // 信息形成后即时公开
    assertEquals(0, items.get("jz-05-02").audited());
    int notAuditable = 0;
    for (ItemSummary s : r.items()) {
      assertEquals(s.records(), s.audited() + s.notAuditable(), s.item().code());
      if (!s.limit().auditable()) notAuditable += s.records();
    }
    assertEquals(17, notAuditable);
  }

  static final String SITE = """
      -- catalogue/site.json --
      {"title": "站", "agency": "局", "baseUrl": "https://x.example/", "regionCode": "530199"}
      -- catalogue/catalogue.csv --
      编码,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
      aqsc-01-01,安全生产,政策文件,文件,文件,条例,信息形成或变更之日起20个工作日内,局,政府网站,全社会,主动,县级
      aqsc-01-02,安全生产,政策文件,预警,预警,条例,信息形成后即时公开,局,政府网站,全社会,主动,县级
      aqsc-01-03,安全生产,政策文件,通告,通告,条例,信息形成之日起15日内,局,政府网站,全社会,主动,县级
      -- catalogue/records/aqsc-01-01.csv --
      索引号,标题,成文日期,发布日期,公开属性
      015583216/2024-00001,当天发布,2024-03-05,2024-03-05,主动公开
      015583216/2024-00002,第20个工作日发布,2024-08-12,2024-09-09,主动公开
      015583216/2024-00003,第21个工作日发布,2024-08-12,2024-09-10,主动公开
      015583216/2023-00001,跨年且2023年不在日历内,2023-12-20,2024-01-05,主动公开
      015583216/2027-00001,2027年不在日历内,2027-01-04,2027-01-06,主动公开
      015583216/2027-00002,2027年另一条,2027-02-01,2027-02-03,主动公开
      015583216/2024-00009,不予公开的不检查,2024-01-02,2024-12-31,不予公开
      -- catalogue/records/aqsc-01-02.csv --
      索引号,标题,成文日期,发布日期,公开属性
      015583216/2024-00004,预警,2024-03-01,2024-06-01,主动公开
      -- catalogue/records/aqsc-01-03.csv --
      索引号,标题,成文日期,发布日期,公开属性
      015583216/2024-00005,第15日发布,2024-03-01,2024-03-16,主动公开
      015583216/2024-00006,第16日发布,2024-03-01,2024-03-17,主动公开
      015583216/2027-00003,日历日时限不需要工作日历,2027-03-01,2027-03-05,主动公开
      """;

  @Test
  void boundariesUncoveredYearsAndOtherLimits(@TempDir Path tmp) throws IOException {
    PublishedSite site = load(Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site")));
    WorkCalendar cal = WorkCalendar.bundled();
    TimelinessReport r = Timeliness.audit(site, cal);
    Map<String, Entry> e = byIndex(r, site, cal);

    assertEquals(Status.ON_TIME, e.get("015583216/2024-00001").status());
    assertEquals(0, e.get("015583216/2024-00001").elapsed());
    // 2024-09-09 is the 20th working day after 2024-08-12: still on time; the next day is late.
    assertEquals(Status.ON_TIME, e.get("015583216/2024-00002").status());
    assertEquals(20, e.get("015583216/2024-00002").elapsed());
    assertEquals(Status.LATE, e.get("015583216/2024-00003").status());
    assertEquals(21, e.get("015583216/2024-00003").elapsed());
    assertEquals(1, e.get("015583216/2024-00003").overdue());

    Entry y2023 = e.get("015583216/2023-00001");
    assertEquals(Status.NOT_AUDITABLE, y2023.status());
    assertEquals(-1, y2023.elapsed());
    assertTrue(y2023.reason().zh().contains("2023"), y2023.reason().zh());
    assertEquals(Status.NOT_AUDITABLE, e.get("015583216/2027-00001").status());

    Entry immediate = e.get("015583216/2024-00004");
    assertEquals(Status.NOT_AUDITABLE, immediate.status());
    assertTrue(immediate.reason().en().contains("immediately"));

    // 15 calendar days: 03-16 is the 15th day after 03-01, 03-17 the 16th. No working-day calendar needed, so 2027
    // is fine.
    assertEquals(Status.ON_TIME, e.get("015583216/2024-00005").status());
    assertEquals(15, e.get("015583216/2024-00005").elapsed());
    assertEquals(Status.LATE, e.get("015583216/2024-00006").status());
    assertEquals(Status.ON_TIME, e.get("015583216/2027-00003").status());
    assertEquals(LocalDate.parse("2027-03-16"), e.get("015583216/2027-00003").deadline());

    // One warning per uncovered year, naming it and counting its records; the withheld record is not counted.
    assertEquals(2, r.warnings().size(), r.warnings().toString());
    Bi w2023 = r.warnings().get(0);
    Bi w2027 = r.warnings().get(1);
    assertTrue(w2023.zh().contains("2023年") && w2023.zh().contains("1条"), w2023.zh());
    assertTrue(w2023.en().contains("does not cover 2023: 1 record not audited"), w2023.en());
    assertTrue(w2027.en().contains("does not cover 2027: 2 records not audited"), w2027.en());

    assertEquals(new TimelinessReport.Totals(10, 6, 2, 4), r.totals());
    assertEquals(List.of("015583216/2024-00003", "015583216/2024-00006"),
        r.late().stream().map(x -> x.record().indexNo()).toList());
    assertNull(r.items().get(0).limit().reason());
  }

  @Test
  void aSiteCalendarForTheMissingYearMakesItAuditable(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
    PublishedSite site = load(src);
    WorkCalendar cal = WorkCalendar.bundled().overriddenBy(assertParses(
        "{\"2027\": {\"holidays\": {\"元旦\": [\"2027-01-01\"]}, \"adjusted_workdays\": []}}"));
    TimelinessReport r = Timeliness.audit(site, cal);
    assertEquals(1, r.warnings().size());
    assertTrue(r.warnings().get(0).en().contains("2023"));
    assertEquals(new TimelinessReport.Totals(10, 8, 2, 2), r.totals());
  }

  private static WorkCalendar assertParses(String json) {
    try {
      return WorkCalendar.parse(json);
    } catch (WorkCalendar.Invalid e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
