package dev.gongkai.audit;

import dev.gongkai.audit.TimelinessReport.Entry;
import dev.gongkai.audit.TimelinessReport.ItemSummary;
import dev.gongkai.audit.TimelinessReport.Status;
import dev.gongkai.audit.TimelinessReport.Totals;
import dev.gongkai.diag.Bi;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The timeliness audit (公开时限检查): for each published record, the days from its 成文日期 to its 发布日期 against
 * its catalogue item's 公开时限 (国务院令第711号 and the standard catalogues: mostly "信息形成或变更之日起20个工作日内").
 *
 * <p><b>Counting.</b> Elapsed = the working days {@code d} with 成文日期 &lt; d ≤ 发布日期. The rule reads
 * "之日起…N个工作日内": the period runs from the day the information is formed, and, as for every period in Chinese
 * law (民法典第二百零一条: "开始的当日不计入，自下一日开始计算"), the start day itself is not counted; the Nth working
 * day after it is the last day on which publishing is on time. So a record published on the day it was written has
 * taken 0 working days, one published the next working day 1, and a record is late when elapsed &gt; N. Using
 * 成文日期 as the start is an approximation the data forces: it is the only date of the information's formation a
 * record carries (for "批复之日起" items it is the 批复's date when the 批复 is the record).
 *
 * <p><b>Not auditable.</b> A record is not checked when its item's limit names no period in days ({@link TimeLimit}),
 * or, for working-day limits, when a year from its 成文日期's to its 发布日期's is not in the {@link WorkCalendar}:
 * one warning per missing year says so. Lateness is reported, never an error: the build does not fail on it.
 *
 * <p>Deterministic: the order follows the catalogue and {@link DisclosureRecord#NEWEST_FIRST}.
 */
public final class Timeliness {
  private Timeliness() {}

  public static TimelinessReport audit(PublishedSite site, WorkCalendar calendar) {
    List<ItemSummary> items = new ArrayList<>();
    List<Entry> late = new ArrayList<>();
    Map<Integer, Integer> uncovered = new TreeMap<>();
    int records = 0;
    int audited = 0;
    int lateCount = 0;
    int notAuditable = 0;
    for (CatalogueItem item : site.catalogue().items()) {
      TimeLimit limit = TimeLimit.parse(item.timeLimit());
      List<Entry> itemLate = new ArrayList<>();
      int itemAudited = 0;
      int itemNot = 0;
      List<DisclosureRecord> rs = site.byItem().getOrDefault(item.code(), List.of());
      for (DisclosureRecord r : rs) {
        Entry e = check(r, item, limit, calendar, uncovered);
        if (e.late()) itemLate.add(e);
        if (e.audited()) itemAudited++;
        else itemNot++;
      }
      items.add(new ItemSummary(item, limit, rs.size(), itemAudited, itemLate.size(), itemNot, itemLate));
      late.addAll(itemLate);
      records += rs.size();
      audited += itemAudited;
      lateCount += itemLate.size();
      notAuditable += itemNot;
    }
    List<Bi> warnings = new ArrayList<>();
    uncovered.forEach((year, n) -> warnings.add(uncoveredWarning(year, n)));
    return new TimelinessReport(items, late, new Totals(records, audited, lateCount, notAuditable), warnings);
  }

  /** Checks one record; counts the records each uncovered year stopped in {@code uncovered}. */
  static Entry check(DisclosureRecord r, CatalogueItem item, TimeLimit limit, WorkCalendar calendar,
      Map<Integer, Integer> uncovered) {
    if (!limit.auditable()) return new Entry(r, item, limit, Status.NOT_AUDITABLE, -1, null, limit.reason());
    LocalDate from = r.written();
    LocalDate to = r.published();
    if (limit.workingDays()) {
      for (int y = from.getYear(); y <= Math.max(from.getYear(), to.getYear()); y++) {
        if (!calendar.coversYear(y)) {
          uncovered.merge(y, 1, Integer::sum);
          return new Entry(r, item, limit, Status.NOT_AUDITABLE, -1, null, Bi.of(
              "工作日历未包含" + y + "年的节假日安排", "the working-day calendar does not cover " + y));
        }
      }
      int elapsed = calendar.workingDaysAfter(from, to);
      LocalDate deadline = calendar.plusWorkingDays(from, limit.days()).orElse(null);
      return new Entry(r, item, limit, elapsed > limit.days() ? Status.LATE : Status.ON_TIME, elapsed, deadline, null);
    }
    int elapsed = WorkCalendar.calendarDaysAfter(from, to);
    LocalDate deadline = from.plusDays(limit.days());
    return new Entry(r, item, limit, elapsed > limit.days() ? Status.LATE : Status.ON_TIME, elapsed, deadline, null);
  }

  private static Bi uncoveredWarning(int year, int records) {
    return Bi.of(
        "工作日历未包含" + year + "年的节假日安排，" + records + "条信息未做公开时限检查；请在 " + WorkCalendar.SITE_FILE
            + " 中按国务院办公厅当年的节假日安排通知补充" + year + "年",
        "the working-day calendar does not cover " + year + ": " + records + " record" + (records == 1 ? "" : "s")
            + " not audited; add " + year + " to " + WorkCalendar.SITE_FILE
            + " from the State Council's notice on that year's public holidays");
  }
}
