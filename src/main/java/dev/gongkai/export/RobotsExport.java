package dev.gongkai.export;

import dev.gongkai.model.PublishedSite;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code robots.txt} (RFC 9309): every crawler may fetch everything, and the sitemap index is announced with its
 * absolute URL. A portal deployed below the host root ({@code https://host/portal/}) still gets the file; crawlers only
 * read {@code /robots.txt}, so it matters only when the site is at the root.
 */
public final class RobotsExport {
  public static final String PATH = "robots.txt";

  private RobotsExport() {}

  public static List<ExportFile> build(PublishedSite site) {
    String text = "User-agent: *\nAllow: /\n\nSitemap: "
        + XmlSupport.absolute(site.config().baseUrl(), SitemapExport.INDEX) + "\n";
    return List.of(new ExportFile(PATH, text.getBytes(StandardCharsets.UTF_8), "text/plain"));
  }
}
