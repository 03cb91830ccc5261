package dev.gongkai.export;

import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The sitemaps of the last build, for {@code gongkai serve}: a build whose sitemaps are the last committed build's
 * keeps those files instead of making them again. At 100,000 records making them means sorting 110,000 page paths
 * and writing, encoding and hashing 15 MB, a tenth of a one-record edit, which seldom changes a page's URL or a
 * record's 发布日期.
 *
 * <p>The sitemaps are a function of the base URL, the set of page paths written and each record's slug and
 * 发布日期 ({@link SitemapExport}). They are taken as they are when:
 *
 * <ul>
 *   <li>the last build's sitemap files are in the last committed output with the same bytes (so the output's page
 *       set is the one the memo's files list, even if a build made since failed);
 *   <li>this build wrote no path that output lacks, and as many page paths as that build: the same page set;
 *   <li>the records are the same, or have the same slugs and dates, in the same order.
 * </ul>
 *
 * Otherwise they are made anew, exactly as {@link SitemapExport#build(PublishedSite, Collection, int)} makes them.
 * Thread-safe; one memo per output folder.
 */
public final class SitemapMemo {
  /**
   * A build's sitemaps: {@code sha256} gives each file's path and SHA-256 (hex). When {@code kept}, the files are
   * the last build's, in the output as they are, and {@code files} is empty; else {@code files} are to be written.
   */
  public record Result(List<ExportFile> files, Map<String, String> sha256, boolean kept) {}

  private record Last(String base, int maxUrls, int pageFiles, List<DisclosureRecord> records,
      Map<String, String> sha256) {}

  private Last last;
  private int taken;

  /** A memo holding this one's last sitemaps, which the builds given it replace without changing this one. */
  public synchronized SitemapMemo copy() {
    SitemapMemo c = new SitemapMemo();
    c.last = last;
    return c;
  }

  /**
   * This build's sitemaps.
   *
   * @param written the paths the build wrote so far, in any order
   * @param previous the last committed output's files (path → SHA-256) when every path in {@code written} is among
   *     them, else null (then the sitemaps are made anew)
   */
  public synchronized Result build(PublishedSite site, Collection<String> written, Map<String, byte[]> previous,
      int maxUrls) {
    int pages = 0;
    boolean canonical = true; // then distinct page paths are distinct URLs, so counting them compares the sets
    for (String p : written) {
      if (p.startsWith("/") || p.indexOf('\\') >= 0) canonical = false;
      else if (SitemapExport.isPage(p)) pages++;
    }
    Last l = last;
    if (canonical && l != null && previous != null && l.pageFiles() == pages && l.maxUrls() == maxUrls
        && l.base().equals(site.config().baseUrl()) && inOutput(l.sha256(), previous)
        && sameDates(l.records(), site.records())) {
      taken++;
      last = new Last(l.base(), maxUrls, pages, site.records(), l.sha256());
      return new Result(List.of(), l.sha256(), true);
    }
    List<ExportFile> files = SitemapExport.build(site, written, maxUrls);
    Map<String, String> sums = new java.util.TreeMap<>();
    for (ExportFile f : files) sums.put(f.path(), Checksums.sha256(f.data()));
    Map<String, String> made = java.util.Collections.unmodifiableMap(sums);
    last = canonical ? new Last(site.config().baseUrl(), maxUrls, pages, site.records(), made) : null;
    return new Result(files, made, false);
  }

  /** How many builds took the last build's sitemaps (for tests). */
  public synchronized int taken() {
    return taken;
  }

  private static boolean inOutput(Map<String, String> sha256, Map<String, byte[]> previous) {
    for (Map.Entry<String, String> e : sha256.entrySet()) {
      byte[] had = previous.get(e.getKey());
      if (had == null || !java.util.Arrays.equals(had, HexFormat.of().parseHex(e.getValue()))) return false;
    }
    return true;
  }

  /** Whether both lists give every record's page the same {@code <lastmod>}: same slugs and dates, in order. */
  private static boolean sameDates(List<DisclosureRecord> was, List<DisclosureRecord> now) {
    if (was.size() != now.size()) return false;
    for (int i = 0; i < was.size(); i++) {
      DisclosureRecord a = was.get(i);
      DisclosureRecord b = now.get(i);
      if (a != b && !(a.slug().equals(b.slug()) && a.published().equals(b.published()))) return false;
    }
    return true;
  }
}
