package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.SiteConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The sitemap index and sitemaps validate against the sitemaps.org schemas ({@code siteindex.xsd},
 * {@code sitemap.xsd}), vendored in {@code src/test/resources/schemas/sitemap/} (see its README); and robots.txt.
 * The written paths are those of a real build of the bundled example.
 */
class SitemapExportTest {
  static List<String> written;

  @BeforeAll
  static void buildTheExample(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("public");
    BuildResult r = SiteBuild.run(new BuildRequest(DcatFixtures.EXAMPLE, out), Progress.NONE);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    List<String> paths = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      files.filter(Files::isRegularFile).forEach(p -> paths.add(out.relativize(p).toString().replace('\\', '/')));
    }
    written = List.copyOf(paths);
  }

  static Schema schema(String name) throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    URL url = SitemapExportTest.class.getResource("/schemas/sitemap/" + name);
    return f.newSchema(url);
  }

  static void validate(Schema schema, ExportFile f) throws Exception {
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(f.data()), f.path()));
  }

  static Document dom(ExportFile f) throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(f.data()));
  }

  /** loc → lastmod (empty when none), in file order, over all sitemap files. */
  static Map<String, String> urls(List<ExportFile> files) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (ExportFile f : files.subList(1, files.size())) {
      NodeList us = dom(f).getElementsByTagNameNS(SitemapExport.NS, "url");
      for (int i = 0; i < us.getLength(); i++) {
        Element u = (Element) us.item(i);
        String loc = u.getElementsByTagNameNS(SitemapExport.NS, "loc").item(0).getTextContent();
        NodeList lm = u.getElementsByTagNameNS(SitemapExport.NS, "lastmod");
        assertEquals(null, out.put(loc, lm.getLength() == 0 ? "" : lm.item(0).getTextContent()), "duplicate " + loc);
      }
    }
    return out;
  }

  @Test
  void theVendoredSchemasAreTheRecordedCopies() throws Exception {
    Map<String, String> expected = Map.of(
        "sitemap.xsd", "fbec77e84467050d5667394a57cc5cdfe1239d80aca1d61e9e0827173c3d9df9",
        "siteindex.xsd", "221d53c28d58c732e62bef159b112adaef79bc68f9f4a1965ae5be5e5c1edd29");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      try (InputStream in = getClass().getResourceAsStream("/schemas/sitemap/" + e.getKey())) {
        assertEquals(e.getValue(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())), e.getKey());
      }
    }
  }

  @Test
  void theExampleSitemapsAreValid() throws Exception {
    PublishedSite s = DcatFixtures.site();
    List<ExportFile> files = SitemapExport.build(s, written);
    assertEquals(List.of("sitemap.xml", "sitemap-1.xml"), files.stream().map(ExportFile::path).toList());
    validate(schema("siteindex.xsd"), files.get(0));
    validate(schema("sitemap.xsd"), files.get(1));
    Element index = dom(files.get(0)).getDocumentElement();
    assertEquals("sitemapindex", index.getLocalName());
    assertEquals(s.config().baseUrl() + "sitemap-1.xml",
        index.getElementsByTagNameNS(SitemapExport.NS, "loc").item(0).getTextContent());
  }

  @Test
  void everyWrittenPageIsListedOnce() throws Exception {
    PublishedSite s = DcatFixtures.site();
    String base = s.config().baseUrl();
    Map<String, String> urls = urls(SitemapExport.build(s, written));
    List<String> expected = new ArrayList<>();
    for (String p : written) {
      if (p.equals("index.html")) expected.add(base);
      else if (p.endsWith("/index.html") && (!p.startsWith("search/") || p.equals("search/index.html"))) {
        expected.add(base + p.substring(0, p.length() - "index.html".length()));
      }
    }
    expected.sort(null);
    assertEquals(expected, new ArrayList<>(urls.keySet()), "every page, sorted");
    assertTrue(urls.containsKey(base), "the home page");
    assertTrue(urls.containsKey(base + "search/"), "the search page");
    assertTrue(written.contains("404.html"));
    for (String loc : urls.keySet()) {
      assertTrue(loc.endsWith("/"), loc);
      assertFalse(loc.contains("404"), loc);
      assertFalse(loc.startsWith(base + "search/") && !loc.equals(base + "search/"), loc);
    }
    assertTrue(written.stream().anyMatch(p -> p.startsWith("search/") && !p.equals("search/index.html")),
        "the build wrote search data, which is left out");
    assertTrue(urls.size() > s.records().size() + s.catalogue().items().size());
  }

  @Test
  void recordPagesCarryTheirPublicationDate() throws Exception {
    PublishedSite s = DcatFixtures.site();
    String base = s.config().baseUrl();
    Map<String, String> urls = urls(SitemapExport.build(s, written));
    for (DisclosureRecord r : s.records()) assertEquals(r.published().toString(), urls.get(base + r.url()), r.url());
    long dated = urls.values().stream().filter(v -> !v.isEmpty()).count();
    assertEquals(s.records().size(), dated, "only record pages have a lastmod");
  }

  @Test
  void withheldRecordsHaveNoUrl() throws Exception {
    List<ExportFile> files = SitemapExport.build(DcatFixtures.site(), written);
    String all = String.join("\n", files.stream().map(DcatFixtures::text).toList());
    for (DisclosureRecord r : DcatFixtures.validated().records()) {
      if (r.disclosure() != Disclosure.ACTIVE) assertFalse(all.contains(r.slug()), r.slug());
    }
    for (ExportFile f : files) DcatFixtures.assertNothingWithheld(f.path(), DcatFixtures.text(f));
  }

  @Test
  void aSmallLimitSplitsTheUrlsOverSeveralSitemaps() throws Exception {
    PublishedSite s = DcatFixtures.site();
    List<String> paths = List.of("index.html", "404.html", "about/index.html", "records/a/index.html",
        "records/b/index.html", "search/index.html", "search/t/0.dat", "search/x/index.html",
        "catalogue/aqsc/index.html", "assets/site.css", "data/x/x.csv", "guide/apply/index.html");
    List<ExportFile> files = SitemapExport.build(s, paths, 3);
    assertEquals(List.of("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"),
        files.stream().map(ExportFile::path).toList());
    validate(schema("siteindex.xsd"), files.get(0));
    Schema sitemap = schema("sitemap.xsd");
    String base = s.config().baseUrl();
    List<String> all = new ArrayList<>();
    for (ExportFile f : files.subList(1, files.size())) {
      validate(sitemap, f);
      NodeList locs = dom(f).getElementsByTagNameNS(SitemapExport.NS, "loc");
      assertTrue(locs.getLength() >= 1 && locs.getLength() <= 3, f.path());
      for (int i = 0; i < locs.getLength(); i++) all.add(locs.item(i).getTextContent());
    }
    assertEquals(List.of(base, base + "about/", base + "catalogue/aqsc/", base + "guide/apply/", base + "records/a/",
        base + "records/b/", base + "search/"), all);
    NodeList index = dom(files.get(0)).getElementsByTagNameNS(SitemapExport.NS, "loc");
    assertEquals(3, index.getLength());
    for (int i = 0; i < 3; i++) assertEquals(base + "sitemap-" + (i + 1) + ".xml", index.item(i).getTextContent());
    assertThrows(IllegalArgumentException.class, () -> SitemapExport.build(s, paths, 0));
    assertEquals(50_000, SitemapExport.MAX_URLS);
  }

  @Test
  void urlsAreEscapedAndEncoded() throws Exception {
    PublishedSite s = DcatFixtures.site();
    List<ExportFile> files = SitemapExport.build(s, List.of("index.html", "指南 & 说明/index.html"), 10);
    validate(schema("sitemap.xsd"), files.get(1));
    Map<String, String> urls = urls(files);
    assertTrue(urls.containsKey(s.config().baseUrl() + "%E6%8C%87%E5%8D%97%20&%20%E8%AF%B4%E6%98%8E/"),
        urls.toString());
  }

  @Test
  void aPlainPageIsJoinedToTheBaseAsTheLongWayWouldWriteIt() {
    // Pages of plain characters are appended after the base URL encoded and escaped once; the result must be what
    // encoding and escaping each whole URL gives, for bases that need both, and for pages that need either.
    PublishedSite example = DcatFixtures.site();
    List<String> pages = List.of("index.html", "a/index.html", "records/x-1/index.html", "指南/index.html",
        "a%20b/index.html", "a&b/index.html", "a'b/index.html", "~x/_y.z/index.html", "ab/index.html");
    for (String base : List.of("https://x.example/", "https://例子.example/a&b/", "https://x.example/a%2Fb/",
        "https://x.example/'q'/", "https://x.example/a%")) {
      SiteConfig c = example.config();
      PublishedSite s = new PublishedSite(new SiteConfig(c.title(), c.agency(), base, c.regionCode(), c.languages(),
          c.contact(), c.options()), example.catalogue(), example.records(), example.onRequest(), example.datasets(),
          example.pages(), example.incidents(), example.byItem(), example.lastUpdated());
      String xml = new String(SitemapExport.build(s, pages).get(1).data(), java.nio.charset.StandardCharsets.UTF_8);
      for (String page : pages) {
        String p = SitemapExport.pagePath(page);
        assertTrue(xml.contains("<loc>" + XmlSupport.escape(XmlSupport.absolute(base, p)) + "</loc>"), base + " " + p);
      }
    }
  }

  @Test
  void twoBuildsGiveIdenticalBytes() {
    PublishedSite s = DcatFixtures.site();
    List<String> reversed = new ArrayList<>(written);
    java.util.Collections.reverse(reversed);
    List<ExportFile> a = SitemapExport.build(s, written);
    List<ExportFile> b = SitemapExport.build(s, reversed);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i).data(), b.get(i).data(), "independent of order");
  }

  @Test
  void robotsTxtAllowsAllAndNamesTheSitemap() {
    PublishedSite s = DcatFixtures.site();
    List<ExportFile> files = RobotsExport.build(s);
    assertEquals(1, files.size());
    assertEquals("robots.txt", files.get(0).path());
    assertEquals("text/plain", files.get(0).mediaType());
    assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://yjj.example.gov.cn/sitemap.xml\n",
        DcatFixtures.text(files.get(0)));
  }
}
