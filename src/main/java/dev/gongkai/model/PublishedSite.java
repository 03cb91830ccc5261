package dev.gongkai.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What may be published: only 主动公开 records and datasets, plus (when the config allows) the title and index
 * number of 依申请公开 records. Every output stage takes this and nothing else.
 *
 * @param records published records, newest first
 * @param onRequest 依申请公开 listing entries; empty unless {@code options.listOnRequest}
 * @param byItem published records of each item code, newest first (every catalogue item has an entry)
 * @param lastUpdated the newest 发布日期 or page date in the data, the site's "last updated" (never the wall clock)
 */
public record PublishedSite(
    SiteConfig config,
    Catalogue catalogue,
    List<DisclosureRecord> records,
    List<OnRequestEntry> onRequest,
    List<Dataset> datasets,
    List<Page> pages,
    List<Incident> incidents,
    Map<String, List<DisclosureRecord>> byItem,
    LocalDate lastUpdated) {

  /** A 依申请公开 record as it may be listed: title and index number, nothing else. */
  public record OnRequestEntry(String indexNo, String title, String itemCode) {}

  public PublishedSite {
    records = List.copyOf(records);
    onRequest = List.copyOf(onRequest);
    datasets = List.copyOf(datasets);
    pages = List.copyOf(pages);
    incidents = List.copyOf(incidents);
    byItem = Map.copyOf(byItem);
  }

  public int count(CatalogueItem item) {
    return byItem.getOrDefault(item.code(), List.of()).size();
  }
}
