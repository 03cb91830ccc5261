package dev.gongkai.export;

import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Incident;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.SiteConfig;
import dev.gongkai.render.Views;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Atom 1.0 feeds (RFC 4287): {@code feed.xml} for the whole site and {@code catalogue/<domain>/<item>/feed.xml} for
 * each catalogue item.
 *
 * <p>The site feed has the newest {@value #MAX_RECORDS} records and the newest {@value #MAX_UPDATES} updates of
 * emergency incidents; an item feed has that item's newest {@value #MAX_RECORDS} records. "Newest" is by the entry's
 * {@code updated}: a record's 发布日期, or the date of its newest change in the release history when that is later
 * (a corrected record comes back to the top). Entries are ordered by {@code updated}, newest first, then by id.
 *
 * <p>A record entry: id {@code tag:<host>,<发布日期>:<索引号>} (RFC 4151; stable when pages move), title, link to its
 * page, published = 发布日期 and updated as above (midnight Asia/Shanghai, records have dates only), summary
 * (索引号, 文号, 发布机构, 事项), author = 发布机构, category = catalogue item. An incident update: id
 * {@code tag:<host>,<date>:incident/<key>/<time>}, title 事件：标题, link to the incident page, published = updated =
 * its time. The feed's {@code updated} is the newest entry's (never the wall clock; with no entries the site's
 * last-updated date).
 */
public final class FeedExport {
  public static final String SITE_FEED = "feed.xml";
  static final int MAX_RECORDS = 50;
  static final int MAX_UPDATES = 50;
  static final String MEDIA_TYPE = "application/atom+xml";

  private FeedExport() {}

  /** An entry before it is written. {@code updated} sorts; {@code xml} is the {@code <entry>} element. */
  private record Entry(String id, String updated, String xml) {}

  /**
   * The site feed, then one feed per catalogue item in catalogue order.
   *
   * @param history 索引号 → changes newest first ({@link Views.Change#release()} an ISO date); may be empty
   */
  public static List<ExportFile> build(PublishedSite site, Provenance provenance,
      Map<String, List<Views.Change>> history) {
    Map<String, List<Views.Change>> h = history == null ? Map.of() : history;
    List<ExportFile> out = new ArrayList<>();
    SiteConfig config = site.config();

    String host = XmlSupport.host(config.baseUrl());
    List<Entry> entries = new ArrayList<>(recordEntries(site, site.records(), host, h));
    entries.addAll(newest(incidentEntries(site), MAX_UPDATES));
    out.add(feed(site, provenance, SITE_FEED, config.title(), "", subtitle(config), entries));

    for (CatalogueItem item : site.catalogue().items()) {
      List<DisclosureRecord> records = site.byItem().getOrDefault(item.code(), List.of());
      List<Entry> es = recordEntries(site, records, host, h);
      out.add(feed(site, provenance, itemFeedPath(item), item.level2() + " - " + config.title(), item.url(),
          item.domain() + " / " + item.level1() + " / " + item.level2(), es));
    }
    return out;
  }

  /** {@code catalogue/<domainSlug>/<code>/feed.xml}. */
  public static String itemFeedPath(CatalogueItem item) {
    return item.url() + "feed.xml";
  }

  private static String subtitle(SiteConfig config) {
    return config.agency() + "主动公开的政府信息和突发事件动态";
  }

  private static List<Entry> newest(List<Entry> entries, int max) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::updated).reversed().thenComparing(Entry::id));
    return sorted.subList(0, Math.min(max, sorted.size()));
  }

  /** A record's entry before its XML is written: what "newest" sorts by. */
  private record Candidate(String id, String updated, DisclosureRecord record) {}

  /**
   * The entries of the newest {@value #MAX_RECORDS} of {@code records}. Only those are written as XML: a feed of a
   * site with 100,000 records still holds 50. Only the records updated on or after the {@value #MAX_RECORDS}th newest
   * updated time can be among them (at least that many others are newer than any earlier one), so only those are
   * given an id and sorted: sorting every record took tenths of a second of each build at 100,000 records.
   */
  private static List<Entry> recordEntries(PublishedSite site, List<DisclosureRecord> records, String host,
      Map<String, List<Views.Change>> history) {
    // Dates are compared, and only the candidates' times looked up: the times are midnights in one zone, so they
    // order as their dates do (a record's time was looked up in the map of formatted times, for every record, in the
    // site feed and again in its item's).
    LocalDate[] updated = new LocalDate[records.size()];
    java.util.PriorityQueue<LocalDate> newest = new java.util.PriorityQueue<>(MAX_RECORDS + 1); // least on top
    for (int i = 0; i < updated.length; i++) {
      LocalDate u = updated[i] = updated(records.get(i), history);
      if (newest.size() < MAX_RECORDS) {
        newest.add(u);
      } else if (u.isAfter(newest.peek())) {
        newest.poll();
        newest.add(u);
      }
    }
    LocalDate floor = newest.size() < MAX_RECORDS ? LocalDate.MIN : newest.peek();
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < updated.length; i++) {
      DisclosureRecord r = records.get(i);
      if (!updated[i].isBefore(floor)) {
        candidates.add(new Candidate(id(host, r), XmlSupport.startOfDay(updated[i]), r));
      }
    }
    candidates.sort(Comparator.comparing(Candidate::updated).reversed().thenComparing(Candidate::id));
    List<Entry> out = new ArrayList<>();
    for (Candidate c : candidates.subList(0, Math.min(MAX_RECORDS, candidates.size()))) {
      out.add(recordEntry(site, c.record(), c.id(), c.updated()));
    }
    return out;
  }

  /** A record's updated time: its 发布日期, or its newest change in the release history when later. */
  private static LocalDate updated(DisclosureRecord r, Map<String, List<Views.Change>> history) {
    LocalDate updated = r.published();
    if (history.isEmpty()) return updated;
    for (Views.Change c : history.getOrDefault(r.indexNo(), List.of())) {
      LocalDate d = date(c.release());
      if (d != null && d.isAfter(updated)) updated = d;
    }
    return updated;
  }

  /** A record's entry id (a tag URI, RFC 4151), stable across builds. */
  private static String id(String host, DisclosureRecord r) {
    return "tag:" + host + "," + r.published() + ":" + XmlSupport.encodeUri(r.indexNo());
  }

  private static Entry recordEntry(PublishedSite site, DisclosureRecord r, String id, String up) {
    SiteConfig config = site.config();
    String agency = r.agency().isBlank() ? config.agency() : r.agency();
    StringBuilder x = new StringBuilder();
    x.append("  <entry>\n");
    x.append("    <id>").append(XmlSupport.escape(id)).append("</id>\n");
    x.append("    <title type=\"text\">").append(XmlSupport.escape(r.title())).append("</title>\n");
    x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
        .append(XmlSupport.escape(XmlSupport.absolute(config.baseUrl(), r.url()))).append("\"/>\n");
    x.append("    <published>").append(XmlSupport.startOfDay(r.published())).append("</published>\n");
    x.append("    <updated>").append(up).append("</updated>\n");
    x.append("    <author><name>").append(XmlSupport.escape(agency)).append("</name></author>\n");
    site.catalogue().item(r.itemCode()).ifPresent(it -> x.append("    <category term=\"")
        .append(XmlSupport.escape(it.code())).append("\" label=\"").append(XmlSupport.escape(it.path()))
        .append("\"/>\n"));
    x.append("    <summary type=\"text\">").append(XmlSupport.escape(summary(site, r, agency))).append("</summary>\n");
    x.append("  </entry>\n");
    return new Entry(id, up, x.toString());
  }

  private static String summary(PublishedSite site, DisclosureRecord r, String agency) {
    List<String> parts = new ArrayList<>();
    parts.add("索引号：" + r.indexNo());
    if (!r.docNo().isBlank()) parts.add("文号：" + r.docNo());
    parts.add("发布机构：" + agency);
    parts.add("发布日期：" + r.published());
    site.catalogue().item(r.itemCode()).ifPresent(it -> parts.add("事项：" + it.path()));
    return String.join("；", parts);
  }

  private static List<Entry> incidentEntries(PublishedSite site) {
    SiteConfig config = site.config();
    String host = XmlSupport.host(config.baseUrl());
    List<Entry> out = new ArrayList<>();
    for (Incident i : site.incidents()) {
      for (Incident.Update u : i.updates()) {
        LocalDateTime t = u.time();
        String id = "tag:" + host + "," + t.toLocalDate() + ":incident/" + XmlSupport.encodeUri(i.key()) + "/"
            + t.toLocalDate() + "T" + t.toLocalTime();
        String up = XmlSupport.dateTime(t);
        StringBuilder x = new StringBuilder();
        x.append("  <entry>\n");
        x.append("    <id>").append(XmlSupport.escape(id)).append("</id>\n");
        x.append("    <title type=\"text\">").append(XmlSupport.escape(i.title() + "：" + u.title()))
            .append("</title>\n");
        x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"")
            .append(XmlSupport.escape(XmlSupport.absolute(config.baseUrl(), i.urlPath()))).append("\"/>\n");
        x.append("    <published>").append(up).append("</published>\n");
        x.append("    <updated>").append(up).append("</updated>\n");
        x.append("    <author><name>").append(XmlSupport.escape(config.agency())).append("</name></author>\n");
        x.append("    <category term=\"incident\" label=\"突发事件\"/>\n");
        x.append("    <summary type=\"text\">").append(XmlSupport.escape(
            i.title() + "（" + i.level() + "色预警，" + i.state() + "）" + u.category() + "：" + u.title()))
            .append("</summary>\n");
        x.append("  </entry>\n");
        out.add(new Entry(id, up, x.toString()));
      }
    }
    return out;
  }

  private static ExportFile feed(PublishedSite site, Provenance provenance, String path, String title,
      String pagePath, String subtitle, List<Entry> entries) {
    SiteConfig config = site.config();
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::updated).reversed().thenComparing(Entry::id));
    String updated = sorted.isEmpty() ? XmlSupport.startOfDay(site.lastUpdated()) : sorted.get(0).updated();
    String self = XmlSupport.absolute(config.baseUrl(), path);
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
    x.append("  <id>").append(XmlSupport.escape(self)).append("</id>\n");
    x.append("  <title type=\"text\">").append(XmlSupport.escape(title)).append("</title>\n");
    x.append("  <subtitle type=\"text\">").append(XmlSupport.escape(subtitle)).append("</subtitle>\n");
    x.append("  <link rel=\"self\" type=\"").append(MEDIA_TYPE).append("\" href=\"").append(XmlSupport.escape(self))
        .append("\"/>\n");
    x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
        .append(XmlSupport.escape(XmlSupport.absolute(config.baseUrl(), pagePath))).append("\"/>\n");
    x.append("  <updated>").append(updated).append("</updated>\n");
    x.append("  <author><name>").append(XmlSupport.escape(config.agency())).append("</name></author>\n");
    x.append("  <generator>").append(XmlSupport.escape(provenance.generator())).append("</generator>\n");
    for (Entry e : sorted) x.append(e.xml());
    x.append("</feed>\n");
    return new ExportFile(path, x.toString().getBytes(StandardCharsets.UTF_8), MEDIA_TYPE);
  }

  /** The date of an ISO date or date-time string, or null. */
  private static LocalDate date(String iso) {
    if (iso == null || iso.length() < 10) return null;
    try {
      return LocalDate.parse(iso.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
