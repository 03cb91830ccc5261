package dev.gongkai.render;

import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Small immutable values handed to templates besides the model records themselves. */
public final class Views {
  private Views() {}

  /** What every template gets as {@code content} (JBake's name): the current page's title, kind and URI. */
  public record Content(String type, String title, String uri, String rootpath) {}

  /** One breadcrumb; {@code href} is null for the current page. */
  public record Crumb(String label, String href) {}

  /**
   * One entry of a browse list on the search page (a year or a publishing agency) with its published-record count.
   *
   * @param url site-relative URL of its browse page ({@code browse/year/2025/}); templates prefix {@code rootpath}
   */
  public record BrowseLink(String label, String url, int count) {}

  /** A numbered link of a pager. */
  public record PageLink(int number, String href, boolean current) {}

  /**
   * Pagination of a list.
   *
   * @param prev href of the previous page or null
   * @param next href of the next page or null
   */
  public record Pager(int page, int pages, int total, String prev, String next, List<PageLink> links) {
    public boolean multiple() {
      return pages > 1;
    }
  }

  /**
   * Record counts of the catalogue tree, for the home and domain pages ({@code stats} in templates).
   *
   * @param byIndex the records that some record names as its 解读 or 原文, by index number
   */
  public record Stats(PublishedSite site, java.util.Map<String, DisclosureRecord> byIndex) {
    public Stats(PublishedSite site) {
      this(site, byIndex(site.records()));
    }

    // Only the records some record links to as its 解读 or 原文, the lookups pages make: a map of every record cost a
    // hundred thousand insertions on every build.
    private static java.util.Map<String, DisclosureRecord> byIndex(List<DisclosureRecord> records) {
      java.util.Set<String> targets = new java.util.HashSet<>();
      for (DisclosureRecord r : records) {
        if (!r.interpretation().isEmpty()) targets.add(r.interpretation());
        if (!r.original().isEmpty()) targets.add(r.original());
      }
      java.util.Map<String, DisclosureRecord> m = new java.util.HashMap<>();
      if (!targets.isEmpty()) {
        for (DisclosureRecord r : records) if (targets.contains(r.indexNo())) m.put(r.indexNo(), r);
      }
      return java.util.Collections.unmodifiableMap(m);
    }

    public int item(CatalogueItem item) {
      return site.count(item);
    }

    public int level1(Catalogue.Level1 l1) {
      return l1.items().stream().mapToInt(site::count).sum();
    }

    public int domain(Catalogue.Domain d) {
      return d.items().stream().mapToInt(site::count).sum();
    }

    /**
     * The published record with this index number, or null. Looked up for a record that another links to; any other
     * is searched for through every record.
     */
    public DisclosureRecord record(String indexNo) {
      DisclosureRecord r = byIndex.get(indexNo);
      if (r != null || indexNo == null) return r;
      for (DisclosureRecord x : site.records()) if (x.indexNo().equals(indexNo)) return x;
      return null;
    }
  }

  /**
   * Pager for page {@code page} (1-based) of {@code pages}, where page 1 lives at {@code base} and page n at
   * {@code base + "page/" + n + "/"}, with hrefs relative to the current page.
   */
  static Pager pager(int page, int pages, int total, String rootpath, String base) {
    // Up to 9 pages, every one; beyond, the first, the last and two either side of this one. Only those are visited:
    // a list of 100,000 records has thousands of pages, each with its pager.
    List<PageLink> links = new ArrayList<>();
    boolean all = pages <= 9;
    int from = all ? 1 : Math.max(2, page - 2);
    int to = all ? pages : Math.min(pages - 1, page + 2);
    if (!all) links.add(new PageLink(1, rootpath + pageUrl(base, 1), page == 1));
    for (int i = from; i <= to; i++) links.add(new PageLink(i, rootpath + pageUrl(base, i), i == page));
    if (!all) links.add(new PageLink(pages, rootpath + pageUrl(base, pages), page == pages));
    return new Pager(page, pages, total,
        page > 1 ? rootpath + pageUrl(base, page - 1) : null,
        page < pages ? rootpath + pageUrl(base, page + 1) : null,
        List.copyOf(links));
  }

  static String pageUrl(String base, int page) {
    return page == 1 ? base : base + "page/" + page + "/";
  }

  /**
   * URL slug of a publishing agency (发布机构): the first 10 hex digits of the SHA-256 of its UTF-8 name, so the URL
   * {@code browse/agency/<slug>/} is ASCII and stays the same across builds as long as the name does.
   */
  public static String agencySlug(String agency) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(agency.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * A download of a dataset, listed on its page.
   *
   * @param format label such as {@code CSV}, {@code CSV（Excel）}, {@code XLSX}, {@code JSON}
   * @param path site-relative path of the file
   * @param size bytes
   */
  public record Download(String format, String path, long size, String mediaType, String sha256) {
    // Each accessor notes its field for the page being rendered (see DownloadReads): a page depends only on what it
    // shows of a download.

    @Override
    public String format() {
      DownloadReads.note("format");
      return format;
    }

    @Override
    public String path() {
      DownloadReads.note("path");
      return path;
    }

    @Override
    public long size() {
      DownloadReads.note("size");
      return size;
    }

    @Override
    public String mediaType() {
      DownloadReads.note("mediaType");
      return mediaType;
    }

    @Override
    public String sha256() {
      DownloadReads.note("sha256");
      return sha256;
    }

    public String displaySize() {
      DownloadReads.note("displaySize");
      return dev.gongkai.model.Attachment.displaySize(size);
    }

    @Override
    public boolean equals(Object o) {
      DownloadReads.note(DownloadReads.ALL);
      return o instanceof Download d && d.format.equals(format) && d.path.equals(path) && d.size == size
          && d.mediaType.equals(mediaType) && d.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
      DownloadReads.note(DownloadReads.ALL);
      return java.util.Objects.hash(format, path, size, mediaType, sha256);
    }

    @Override
    public String toString() {
      DownloadReads.note(DownloadReads.ALL);
      return "Download[format=" + format + ", path=" + path + ", size=" + size + ", mediaType=" + mediaType
          + ", sha256=" + sha256 + "]";
    }

    /**
     * The values of {@code fields} (names of accessors, or {@link DownloadReads#ALL}), in that order: what a page that
     * read those fields shows of this download. Notes nothing.
     */
    List<Object> fields(java.util.Collection<String> fields) {
      if (fields.contains(DownloadReads.ALL)) return List.of(format, path, size, mediaType, sha256);
      List<Object> out = new ArrayList<>(fields.size());
      for (String f : fields) {
        out.add(switch (f) {
          case "format" -> format;
          case "path" -> path;
          case "size" -> size;
          case "mediaType" -> mediaType;
          case "sha256" -> sha256;
          case "displaySize" -> dev.gongkai.model.Attachment.displaySize(size);
          default -> throw new IllegalArgumentException("no such download field: " + f);
        });
      }
      return out;
    }
  }

  /**
   * One entry of a record's change history (newest first on the page).
   *
   * @param release the release it appeared in (its date, ISO)
   * @param change {@code added}, {@code changed} or {@code removed}
   * @param fields the metadata fields that changed (for {@code changed}), in column order
   */
  public record Change(String release, String change, List<String> fields) {
    public Change {
      fields = List.copyOf(fields);
    }
  }

  /**
   * What the open-data stages hand to the page renderer.
   *
   * @param downloads dataset id → its downloads in display order
   * @param history index number → change history, newest first
   * @param itemFeeds whether each catalogue item has a {@code feed.xml} next to its page
   */
  public record OpenData(Map<String, List<Download>> downloads, Map<String, List<Change>> history, boolean itemFeeds,
      List<DataSet> datasets) {
    public static final OpenData NONE = new OpenData(Map.of(), Map.of(), false, List.of());

    public OpenData {
      // A RecordingMap (unmodifiable) is kept as it is: it notes which lists a page reads.
      downloads = downloads instanceof RecordingMap<?, ?> ? downloads : Map.copyOf(downloads);
      history = Map.copyOf(history);
      datasets = List.copyOf(datasets);
    }

    public OpenData(Map<String, List<Download>> downloads, Map<String, List<Change>> history, boolean itemFeeds) {
      this(downloads, history, itemFeeds, List.of());
    }

    /** The downloads of a dataset (empty when it has none). */
    public List<Download> of(String datasetId) {
      return downloads.getOrDefault(datasetId, List.of());
    }
  }

  /**
   * A dataset as the open-data page lists it.
   *
   * @param pageUrl site-relative URL of its portal page, or blank
   */
  public record DataSet(String id, String title, String description, String pageUrl) {}
}
