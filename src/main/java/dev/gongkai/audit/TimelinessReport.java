package dev.gongkai.audit;

import dev.gongkai.diag.Bi;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.DisclosureRecord;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of {@link Timeliness#audit}: every published record checked against its item's 公开时限, summed per
 * catalogue item (in catalogue order) and overall, with warnings for what could not be checked.
 *
 * @param items one summary per catalogue item, in catalogue order (items without records included)
 * @param late every late record, by item in catalogue order, newest first within an item
 * @param warnings bilingual warnings (a year the calendar does not cover); never errors
 */
public record TimelinessReport(List<ItemSummary> items, List<Entry> late, Totals totals, List<Bi> warnings) {

  public TimelinessReport {
    items = List.copyOf(items);
    late = List.copyOf(late);
    warnings = List.copyOf(warnings);
  }

  /** What the check found for one record. */
  public enum Status { ON_TIME, LATE, NOT_AUDITABLE }

  /**
   * One published record's check.
   *
   * @param elapsed days from 成文日期 (not counted) to 发布日期 (counted), in the limit's unit; -1 when not auditable
   * @param deadline the last day the record was due (成文日期 + the limit), when the calendar reaches it; else null
   * @param reason why the record could not be checked; null when it was
   */
  public record Entry(DisclosureRecord record, CatalogueItem item, TimeLimit limit, Status status, int elapsed,
      LocalDate deadline, Bi reason) {

    public boolean late() {
      return status == Status.LATE;
    }

    public boolean audited() {
      return status != Status.NOT_AUDITABLE;
    }

    /** Days past the limit (0 unless late). */
    public int overdue() {
      return late() ? elapsed - limit.days() : 0;
    }
  }

  /** One catalogue item: its parsed limit and counts. */
  public record ItemSummary(CatalogueItem item, TimeLimit limit, int records, int audited, int late,
      int notAuditable, List<Entry> lateEntries) {
    public ItemSummary {
      lateEntries = List.copyOf(lateEntries);
    }
  }

  /** Counts over the whole site: {@code records == audited + notAuditable}, {@code late <= audited}. */
  public record Totals(int records, int audited, int late, int notAuditable) {
    public int onTime() {
      return audited - late;
    }
  }
}
