package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.render.SiteRenderer;
import dev.gongkai.render.Templates;
import dev.gongkai.render.Views;
import dev.gongkai.testing.Axe;
import dev.gongkai.testing.Browser;
import dev.gongkai.testing.StaticServer;
import dev.gongkai.testing.Txtar;
import dev.gongkai.validate.SiteValidator;
import dev.gongkai.write.StagedOutput;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/**
 * The pages that show the dataset exports, rendered by {@link SiteRenderer} with the downloads of
 * {@link DatasetExports} (as SiteBuild will hand them over): the dataset page's download list and JSON-LD, the item
 * page's record-list downloads and feed link, the home page's open-data section; and nothing of it without them.
 */
class DatasetPagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Renders {@code site} with {@code openData} into {@code dir}, returning the output folder. */
  static Path render(PublishedSite site, Path source, Views.OpenData openData, Path dir) throws IOException {
    Path out = dir.resolve("public");
    Diagnostics diags = new Diagnostics();
    try (StagedOutput staged = StagedOutput.open(out)) {
      SiteRenderer r = new SiteRenderer(site, new Templates(source.resolve("site-templates")), source.resolve("content"),
          staged, diags, openData);
      r.render(n -> {});
      assertFalse(diags.hasErrors(), () -> diags.sorted().toString());
      staged.commit();
    }
    return out;
  }

  private static Document page(Path out, String uri) throws IOException {
    Path f = out.resolve(uri.endsWith(".html") ? uri : uri + "index.html");
    return Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8), "https://site.invalid/" + uri);
  }

  /** The site-relative path a link on {@code uri} points at. */
  private static String target(String uri, String href) {
    return URI.create("https://site.invalid/" + uri).resolve(href).getPath().substring(1);
  }

  @Test
  void examplePagesListEveryDownloadWithSizeAndJsonLd(@TempDir Path tmp) throws IOException {
    PublishedSite site = DatasetExportsTest.examplePublished();
    DatasetExports.Result result = DatasetExportsTest.exampleResult();
    Set<String> written = DatasetExportsTest.exampleFiles().keySet();
    Path out = render(site, DatasetExportsTest.EXAMPLE, new Views.OpenData(result.downloads(), Map.of(), true), tmp);
    String base = site.config().baseUrl();

    for (Dataset ds : site.datasets()) {
      String uri = ds.url();
      Document doc = page(out, uri);
      Element section = doc.selectFirst("section[aria-labelledby=h-downloads]");
      assertNotNull(section, uri);
      assertEquals("下载", section.selectFirst("h2#h-downloads").text());
      List<Views.Download> downloads = result.downloads().get(ds.id());
      Elements items = section.select("li");
      assertEquals(downloads.size(), items.size(), uri);
      for (int i = 0; i < downloads.size(); i++) {
        Views.Download d = downloads.get(i);
        Element a = items.get(i).selectFirst("a");
        assertEquals(d.format(), a.text());
        assertEquals(d.path(), target(uri, a.attr("href")), uri);
        assertTrue(written.contains(target(uri, a.attr("href"))), a.attr("href"));
        assertEquals(d.mediaType(), a.attr("type"));
        assertTrue(items.get(i).text().contains(d.displaySize()), items.get(i).text());
      }
      assertNotNull(doc.selectFirst("#h-dict"), "the data dictionary stays");

      Elements ld = doc.select("script[type=application/ld+json]");
      assertEquals(1, ld.size(), uri);
      String raw = ld.first().data();
      assertFalse(raw.contains("</"), raw);
      JsonNode j = JSON.readTree(raw);
      assertEquals("https://schema.org", j.get("@context").asText());
      assertEquals("Dataset", j.get("@type").asText());
      assertEquals(ds.title(), j.get("name").asText());
      assertEquals(ds.description(), j.get("description").asText());
      assertEquals(base + ds.url(), j.get("url").asText());
      assertEquals(site.config().agency(), j.get("publisher").get("name").asText());
      assertEquals(ds.agency(), j.get("creator").get("name").asText());
      assertEquals(ds.published().toString(), j.get("datePublished").asText());
      JsonNode dist = j.get("distribution");
      assertEquals(downloads.size(), dist.size());
      for (int i = 0; i < downloads.size(); i++) {
        assertEquals("DataDownload", dist.get(i).get("@type").asText());
        assertEquals(downloads.get(i).mediaType(), dist.get(i).get("encodingFormat").asText());
        assertEquals(base + downloads.get(i).path(), dist.get(i).get("contentUrl").asText());
      }
      assertUniqueIds(doc, uri);
      // Later pages of a long table list the downloads too, but describe the dataset once (on page 1).
      if (Files.exists(out.resolve(uri + "page/2/index.html"))) {
        Document p2 = page(out, uri + "page/2/");
        assertNotNull(p2.selectFirst("section[aria-labelledby=h-downloads]"));
        assertTrue(p2.select("script[type=application/ld+json]").isEmpty());
      }
    }

    int itemsWithDownloads = 0;
    for (CatalogueItem item : site.catalogue().items()) {
      String uri = item.url();
      Document doc = page(out, uri);
      Element section = doc.selectFirst("section[aria-labelledby=h-item-open]");
      assertNotNull(section, uri);
      Element feed = section.selectFirst("a[type=application/atom+xml]");
      assertEquals("订阅（Atom）", feed.text());
      assertEquals(uri + "feed.xml", target(uri, feed.attr("href")), "feed.xml next to the item page");
      List<Views.Download> downloads = result.downloads().get("records-" + item.code());
      if (downloads == null) {
        assertNull(section.selectFirst("#h-item-downloads"), uri);
        continue;
      }
      itemsWithDownloads++;
      assertEquals("下载本事项信息目录", section.selectFirst("h3#h-item-downloads").text());
      Elements links = section.select("ul li a");
      assertEquals(downloads.size(), links.size());
      for (int i = 0; i < downloads.size(); i++) {
        assertEquals(downloads.get(i).path(), target(uri, links.get(i).attr("href")));
        assertTrue(links.get(i).parent().text().contains(downloads.get(i).displaySize()));
      }
      assertUniqueIds(doc, uri);
      if (Files.exists(out.resolve(uri + "page/2/index.html"))) {
        Document p2 = page(out, uri + "page/2/");
        Element f2 = p2.selectFirst("a[type=application/atom+xml]");
        assertEquals(uri + "feed.xml", target(uri + "page/2/", f2.attr("href")));
      }
    }
    assertTrue(itemsWithDownloads >= 20, "items with published records: " + itemsWithDownloads);

    Document home = page(out, "");
    assertNull(home.selectFirst("#h-datasets"), "the open-data section replaces the plain dataset list");
    Element open = home.selectFirst("section[aria-labelledby=h-open-data]");
    assertNotNull(open);
    assertEquals("开放数据", open.selectFirst("h2").text());
    Elements dsLinks = open.select("ul[aria-labelledby=h-open-datasets] a");
    assertEquals(site.datasets().stream().map(Dataset::url).toList(),
        dsLinks.stream().map(a -> target("", a.attr("href"))).toList());
    Elements catLinks = open.select("ul[aria-labelledby=h-open-catalogue] a");
    assertEquals(result.downloads().get("catalogue").stream().map(Views.Download::path).toList(),
        catLinks.stream().map(a -> target("", a.attr("href"))).toList());
    assertUniqueIds(home, "home");
  }

  @Test
  void withoutOpenDataThePagesShowNoneOfIt(@TempDir Path tmp) throws IOException {
    PublishedSite site = DatasetExportsTest.examplePublished();
    Path out = render(site, DatasetExportsTest.EXAMPLE, Views.OpenData.NONE, tmp);
    Dataset ds = site.datasets().get(0);
    Document doc = page(out, ds.url());
    assertNull(doc.selectFirst("#h-downloads"));
    assertTrue(doc.select("script[type=application/ld+json]").isEmpty());
    Document item = page(out, site.catalogue().items().get(0).url());
    assertNull(item.selectFirst("#h-item-open"));
    Document home = page(out, "");
    assertNotNull(home.selectFirst("#h-datasets"));
    assertNull(home.selectFirst("#h-open-data"));
  }

  @Test
  void jsonLdCannotBreakOutOfItsScriptElement(@TempDir Path tmp) throws IOException {
    String title = "救灾资金</script><script>alert(1)</script><!-- 表";
    Path src = Txtar.parse("""
        -- catalogue/site.json --
        {"title": "小站县", "agency": "小站县应急管理局", "baseUrl": "https://small.example/portal/",
         "regionCode": "530100"}
        -- catalogue/catalogue.csv --
        code,domain,level1,level2,content,basis,time_limit,publisher,channels,audience,mode,level
        aqsc-01-01,安全生产,政策文件,其他政策文件,工作计划等,《条例》,20个工作日内,县应急管理局,政府网站,全社会,主动,县级
        -- catalogue/records/all.csv --
        索引号,标题,成文日期,发布日期,公开属性,事项
        530100/2024-00001,通知</script>,2024-02-01,2024-02-05,主动公开,aqsc-01-01
        -- catalogue/datasets/funds.csv --
        序号,乡镇,金额
        1,城关镇,12.5
        -- catalogue/datasets/funds.schema.json --
        {"title": "TITLE", "item": "aqsc-01-01", "published": "2024-08-02", "description": "说明</SCRIPT >",
         "columns": [{"name": "序号", "type": "integer"}, {"name": "乡镇", "type": "string"},
                     {"name": "金额", "type": "number", "unit": "万元"}]}
        """.replace("TITLE", title.replace("\"", "\\\""))).writeTo(tmp.resolve("site"));
    Diagnostics d = new Diagnostics();
    PublishedSite site = DisclosureGate.apply(
        SiteValidator.validate(InputLoader.load(new SourceTree(src), d), d).orElseThrow());
    DatasetExports.Result result = DatasetExports.build(site, DatasetExportsTest.PROVENANCE);
    Path out = render(site, DatasetExportsTest.EXAMPLE, new Views.OpenData(result.downloads(), Map.of(), false),
        tmp.resolve("render"));
    Document doc = page(out, "datasets/funds/");
    Elements scripts = doc.select("script:not([src])");
    assertEquals(1, scripts.size(), "the JSON-LD block is the page's only inline script: " + scripts);
    JsonNode j = JSON.readTree(scripts.first().data());
    assertEquals(title, j.get("name").asText());
    assertEquals("说明</SCRIPT >", j.get("description").asText());
    assertEquals("https://small.example/portal/datasets/funds/", j.get("url").asText());
    assertEquals("https://small.example/portal/data/funds/funds.csv", j.get("distribution").get(0).get("contentUrl").asText());
    assertEquals(title, doc.selectFirst("h1").text());
    Document item = page(out, "catalogue/aqsc/aqsc-01-01/");
    assertNull(item.selectFirst("main a[type=application/atom+xml]"), "no item feed link when the build writes none");
    assertNotNull(item.selectFirst("#h-item-downloads"));

    String json = DatasetJsonLd.of(new Dataset("x", "a</b<!--c", "i", "", "", LocalDate.of(2024, 1, 1), null,
        List.of(), List.of(), List.of(), ""), site.config(), Views.OpenData.NONE);
    assertFalse(json.contains("</"), json);
    assertFalse(json.contains("<!--"), json);
    assertEquals("a</b<!--c", JSON.readTree(json).get("name").asText());
    assertFalse(JSON.readTree(json).has("distribution"));
    assertEquals("", DatasetJsonLd.of(null, site.config(), Views.OpenData.NONE));
  }

  @Test
  void theNewSectionsPassAxe(@TempDir Path tmp) throws Exception {
    Browser.assumeAvailable();
    PublishedSite site = DatasetExportsTest.examplePublished();
    DatasetExports.Result result = DatasetExportsTest.exampleResult();
    Path out = render(site, DatasetExportsTest.EXAMPLE, new Views.OpenData(result.downloads(), Map.of(), true), tmp);
    // SiteBuild publishes the stylesheets; this test renders pages only, so copy them as the build would.
    Path assets = DatasetExportsTest.EXAMPLE.resolve("site-templates/assets");
    try (var files = Files.list(assets)) {
      for (Path f : files.toList()) {
        Files.createDirectories(out.resolve("assets"));
        Files.copy(f, out.resolve("assets").resolve(f.getFileName().toString()));
      }
    }
    CatalogueItem item = site.catalogue().items().stream()
        .filter(i -> result.downloads().containsKey("records-" + i.code())).findFirst().orElseThrow();
    try (StaticServer server = StaticServer.serve(out); Browser b = Browser.open()) {
      WebDriver d = b.driver();
      for (String uri : List.of("", site.datasets().get(0).url(), item.url())) {
        d.get(server.url(uri));
        assertEquals(List.of(), Axe.violations(d), "axe on /" + uri);
      }
    }
  }

  private static void assertUniqueIds(Document doc, String uri) {
    Set<String> ids = new HashSet<>();
    for (Element e : doc.select("[id]")) assertTrue(ids.add(e.id()), uri + ": duplicate id " + e.id());
    for (Element e : doc.select("[aria-labelledby]")) {
      for (String id : e.attr("aria-labelledby").split(" ")) assertTrue(ids.contains(id), uri + ": no #" + id);
    }
  }
}
