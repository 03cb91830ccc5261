package dev.gongkai.export;

import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sitemaps (sitemaps.org protocol 0.9): {@code sitemap.xml} is a sitemap index pointing to {@code sitemap-1.xml},
 * {@code sitemap-2.xml}, … each with at most {@value #MAX_URLS} URLs (the protocol's limit).
 *
 * <p>The URLs are the pages the build wrote: every {@code …/index.html} as its directory URL (with the trailing
 * slash; the root {@code index.html} as the base URL), sorted, except the search index data under {@code search/}
 * (the search page {@code search/} itself is listed). {@code 404.html} and every non-page file are left out. A
 * record page has {@code <lastmod>} = its 发布日期; other pages have none (no date is known for them).
 */
public final class SitemapExport {
  public static final String INDEX = "sitemap.xml";
  /** URLs per sitemap file: the protocol's maximum. */
  public static final int MAX_URLS = 50_000;
  static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  private SitemapExport() {}

  /** The index and its sitemaps, {@value #MAX_URLS} URLs per file. */
  public static List<ExportFile> build(PublishedSite site, java.util.Collection<String> writtenPaths) {
    return build(site, writtenPaths, MAX_URLS);
  }

  /**
   * The index ({@code sitemap.xml}) first, then {@code sitemap-1.xml} … with at most {@code maxUrls} URLs each.
   *
   * @param writtenPaths site-relative paths of the files the build wrote (any order)
   */
  public static List<ExportFile> build(PublishedSite site, java.util.Collection<String> writtenPaths, int maxUrls) {
    if (maxUrls < 1) throw new IllegalArgumentException("maxUrls must be at least 1");
    String base = site.config().baseUrl();
    // By slug, a string each record holds (its hash is kept with it): keying by URL made 100,000 new strings.
    Map<String, LocalDate> lastmod = new HashMap<>(site.records().size() * 4 / 3 + 1);
    for (DisclosureRecord r : site.records()) lastmod.put(r.slug(), r.published());

    List<String> urls = new ArrayList<>(writtenPaths.size());
    for (String p : writtenPaths) {
      String page = pagePath(p);
      if (page != null) urls.add(page);
    }
    // Sorted once, as a list (a tree set of 100,000 pages took twice as long); written paths are distinct, but two
    // spellings of one page (a leading slash, a backslash) give it once.
    urls.sort(null);
    for (int i = urls.size() - 1; i > 0; i--) if (urls.get(i).equals(urls.get(i - 1))) urls.remove(i);
    if (urls.isEmpty()) urls.add("");

    int files = (urls.size() + maxUrls - 1) / maxUrls;
    // A page path made only of characters that need neither percent-encoding nor escaping is appended as it is, after
    // the base URL encoded and escaped once (both are done character by character); others go the long way. A base
    // with a '%' always does, as an escape could then span the join.
    String baseDone = base.indexOf('%') < 0 ? XmlSupport.escape(XmlSupport.absolute(base, "")) : null;
    List<ExportFile> out = new ArrayList<>();
    StringBuilder index = new StringBuilder();
    index.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    index.append("<sitemapindex xmlns=\"").append(NS).append("\">\n");
    for (int i = 1; i <= files; i++) {
      String name = "sitemap-" + i + ".xml";
      index.append("  <sitemap><loc>").append(XmlSupport.escape(XmlSupport.absolute(base, name)))
          .append("</loc></sitemap>\n");
      List<String> part = urls.subList((i - 1) * maxUrls, Math.min(i * maxUrls, urls.size()));
      // Sized for the whole file: growing it by doubling copied megabytes at 100,000 pages.
      StringBuilder x = new StringBuilder(200 + part.size() * (base.length() + 90));
      x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      x.append("<urlset xmlns=\"").append(NS).append("\">\n");
      for (String page : part) {
        x.append("  <url><loc>");
        if (baseDone != null && plain(page)) x.append(baseDone).append(page);
        else x.append(XmlSupport.escape(XmlSupport.absolute(base, page)));
        x.append("</loc>");
        String slug = recordSlug(page);
        LocalDate d = slug == null ? null : lastmod.get(slug);
        if (d != null) x.append("<lastmod>").append(d).append("</lastmod>");
        x.append("</url>\n");
      }
      x.append("</urlset>\n");
      out.add(new ExportFile(name, x.toString().getBytes(StandardCharsets.UTF_8), "application/xml"));
    }
    index.append("</sitemapindex>\n");
    out.add(0, new ExportFile(INDEX, index.toString().getBytes(StandardCharsets.UTF_8), "application/xml"));
    return out;
  }

  /** The slug of {@code page} when it is where a record's page is ({@code records/<slug>/}), else null. */
  private static String recordSlug(String page) {
    int from = DisclosureRecord.URL_PREFIX.length();
    if (!page.startsWith(DisclosureRecord.URL_PREFIX) || page.length() <= from + 1) return null;
    return page.indexOf('/', from) == page.length() - 1 ? page.substring(from, page.length() - 1) : null;
  }

  /** Whether {@code page} holds only characters a URL keeps as they are and XML needs no escape for. */
  static boolean plain(String page) {
    for (int i = 0; i < page.length(); i++) {
      char c = page.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~' || c == '/')) {
        return false;
      }
    }
    return !page.startsWith("/");
  }

  /**
   * Whether a written file with a canonical path (no leading slash, no backslash) is a listed page, the test
   * {@link #pagePath} applies after making a path canonical.
   */
  static boolean isPage(String written) {
    if (written.equals("index.html")) return true;
    return written.endsWith("/index.html") && (!written.startsWith("search/") || written.equals("search/index.html"));
  }

  /**
   * The page URL path of a written file ({@code a/b/index.html} → {@code a/b/}, {@code index.html} → empty), or null
   * when the file is not a listed page.
   */
  static String pagePath(String written) {
    String p = written.replace('\\', '/');
    while (p.startsWith("/")) p = p.substring(1);
    if (!isPage(p)) return null;
    return p.substring(0, p.length() - "index.html".length());
  }
}
