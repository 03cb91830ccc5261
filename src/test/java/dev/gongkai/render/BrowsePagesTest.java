package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search page ({@code search/}: the DOM contract with search.js, its JSON texts, the lists that browse without
 * JavaScript), the year and agency browse pages, and the search form in every page's header.
 */
class BrowsePagesTest {
  static final String SITE = """
      Seven published records of 2025 (two pages at pageSize 5), two of 2024, one of them by a second agency,
      and records that must never be listed: withheld (2025 and 2024, one by the second agency) and on request (2023).
      -- catalogue/site.json --
      {"title": "小站县应急管理局政府信息公开", "agency": "小站县应急管理局", "baseUrl": "https://small.example/",
       "regionCode": "530100", "options": {"pageSize": 5}}
      -- catalogue/catalogue.csv --
      code,domain,level1,level2,content,basis,time_limit,publisher,channels,audience,mode,level
      aqsc-01-01,安全生产,政策文件,其他政策文件,工作计划等,《条例》,20个工作日内,县应急管理局,政府网站,全社会,主动,县级
      jz-01-01,救灾,政策文件,救灾政策,救灾政策,《条例》,20个工作日内,县应急管理局,政府网站,全社会,主动,县级
      -- catalogue/records/all.csv --
      索引号,标题,发布机构,成文日期,发布日期,公开属性,事项
      530100/2025-00001,二〇二五年第一号通知,,2025-01-02,2025-01-03,主动公开,aqsc-01-01
      530100/2025-00002,二〇二五年第二号通知,,2025-02-02,2025-02-03,主动公开,aqsc-01-01
      530100/2025-00003,二〇二五年第三号通知,,2025-03-02,2025-03-03,主动公开,jz-01-01
      530100/2025-00004,二〇二五年第四号通知,,2025-04-02,2025-04-03,主动公开,aqsc-01-01
      530100/2025-00005,二〇二五年第五号通知,,2025-05-02,2025-05-03,主动公开,aqsc-01-01
      530100/2025-00006,二〇二五年第六号通知,,2025-06-02,2025-06-03,主动公开,jz-01-01
      530100/2025-00007,二〇二五年第七号通知,,2025-07-02,2025-07-03,主动公开,aqsc-01-01
      530100/2025-00008,不予公开的二〇二五年纪要,,2025-08-02,2025-08-03,不予公开,aqsc-01-01
      530100/2024-00001,二〇二四年工作要点,,2024-02-01,2024-02-05,主动公开,aqsc-01-01
      530100/2024-00002,二〇二四年救灾资金安排,小站县财政局,2024-03-01,2024-03-05,主动公开,jz-01-01
      530100/2024-00003,财政局不予公开的内部材料,小站县财政局,2024-04-01,2024-04-05,不予公开,jz-01-01
      530100/2023-00001,依申请公开的二〇二三年卷宗,,2023-03-01,2023-03-05,依申请公开,aqsc-01-01
      """;

  static final String MAIN_AGENCY = "小站县应急管理局";
  static final String OTHER_AGENCY = "小站县财政局";

  @TempDir static Path tmp;
  static Path out;

  @BeforeAll
  static void build() throws IOException {
    out = build(SITE, tmp.resolve("zh"));
  }

  static Path build(String site, Path dir) throws IOException {
    Path src = Txtar.parse(site.stripIndent()).writeTo(dir.resolve("site"));
    Path public_ = dir.resolve("public");
    BuildResult r = SiteBuild.run(new BuildRequest(src, public_), Progress.NONE);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    return public_;
  }

  static Document page(Path root, String path) throws IOException {
    Path f = root.resolve(path);
    assertTrue(Files.isRegularFile(f), path);
    return Jsoup.parse(f.toFile(), "UTF-8");
  }

  static Element one(Document doc, String css) {
    List<Element> found = doc.select(css);
    assertEquals(1, found.size(), css);
    return found.get(0);
  }

  /** The site path a relative href on {@code page} points at, with a folder URL meaning its index.html. */
  static String resolve(String page, String href) {
    String p = URI.create("file:///" + page).resolve(href).getPath().substring(1);
    return p.endsWith("/") || p.isEmpty() ? p + "index.html" : p;
  }

  /** Index numbers (as slugs) of the records listed in a page's record table, in order. */
  static List<String> listed(Document doc) {
    List<String> slugs = new ArrayList<>();
    Pattern p = Pattern.compile("records/([^/]+)/$");
    for (Element a : doc.select("main table.records tbody tr td:first-child a[href]")) {
      Matcher m = p.matcher(a.attr("href"));
      assertTrue(m.find(), a.attr("href"));
      slugs.add(m.group(1));
    }
    return slugs;
  }

  static List<String> crumbs(Document doc) {
    return doc.select("nav.breadcrumbs li").eachText();
  }

  @Test
  void searchPageKeepsTheDomContractOfTheClient() throws IOException {
    Document doc = page(out, "search/index.html");
    assertEquals(List.of("首页", "搜索"), crumbs(doc));

    Element form = one(doc, "main form#search-form");
    assertEquals("search", form.attr("role"));
    assertEquals("get", form.attr("method"));
    assertEquals("./", form.attr("action"));
    assertEquals("搜索关键词", one(doc, "#search-form label[for=q]").text());
    Element q = one(doc, "#search-form input#q");
    assertEquals("q", q.attr("name"));
    assertEquals("search", q.attr("type"));
    assertEquals("off", q.attr("autocomplete"));
    assertEquals("搜索", one(doc, "#search-form button[type=submit]").text());

    Element app = one(doc, "main div#search-app");
    assertTrue(app.hasAttr("hidden"));
    assertEquals("../search/", app.attr("data-index"));
    assertEquals("../", app.attr("data-root"));
    assertEquals(List.of("p#search-status", "div#search-facets", "ol#search-results", "nav#search-pager",
            "div#search-empty"),
        app.children().stream().map(e -> e.tagName() + "#" + e.id()).toList());
    Element status = one(doc, "#search-status");
    assertEquals("status", status.attr("role"));
    assertEquals("polite", status.attr("aria-live"));
    assertTrue(one(doc, "#search-results").hasClass("search-results"));
    assertEquals("搜索结果分页", one(doc, "#search-pager").attr("aria-label"));

    Element script = one(doc, "main script[src]");
    assertEquals("../assets/search.js", script.attr("src"));
    assertTrue(script.hasAttr("defer"));
    assertEquals(script, one(doc, "main").children().last(), "the client is loaded at the end of main");
    assertTrue(doc.select("header form").isEmpty(), "the search page has no second search form in its header");
  }

  @Test
  void searchMessagesAreValidJsonFromTheBundle() throws IOException {
    Document doc = page(out, "search/index.html");
    Element json = one(doc, "script#search-messages");
    assertEquals("application/json", json.attr("type"));
    JsonNode m = new ObjectMapper().readTree(json.data());
    Set<String> keys = new LinkedHashSet<>();
    m.fieldNames().forEachRemaining(keys::add);
    assertEquals(new LinkedHashSet<>(SiteRenderer.SEARCH_MESSAGE_KEYS), keys);
    assertEquals("找到 {n} 条结果", m.get("count").asText());
    assertEquals("没有找到与“{q}”相关的结果。", m.get("none").asText());
    assertEquals("第 {p} / {n} 页", m.get("page").asText());
    assertEquals("发布机构", m.get("facet.agency").asText());
    assertEquals("政府信息", m.get("kind.record").asText());
    for (String k : SiteRenderer.SEARCH_MESSAGE_KEYS) assertFalse(m.get(k).asText().contains("??"), k);
  }

  @Test
  void searchMessagesCannotEndTheirScriptAndFollowTheSiteLanguage() throws IOException {
    String english = SITE.stripIndent()
        .replace("\"regionCode\": \"530100\",", "\"regionCode\": \"530100\", \"languages\": [\"en\", \"zh-CN\"],")
        + "-- site-templates/i18n/messages_en.properties --\n"
        + "search.msg.none=No results for \"{q}\" </script><!-- \\\\\n";
    Path en = build(english, tmp.resolve("en"));
    String html = Files.readString(en.resolve("search/index.html"), StandardCharsets.UTF_8);
    int start = html.indexOf("<script type=\"application/json\" id=\"search-messages\">");
    assertTrue(start >= 0, html);
    int end = html.indexOf("</script>", start);
    String raw = html.substring(html.indexOf('>', start) + 1, end);
    assertFalse(raw.contains("</"), raw);
    assertFalse(raw.contains("<!--"), raw);
    JsonNode m = new ObjectMapper().readTree(raw);
    assertEquals("No results for \"{q}\" </script><!-- \\", m.get("none").asText());
    assertEquals("{n} results", m.get("count").asText());
    assertEquals("Catalogue item", m.get("facet.item").asText());
  }

  @Test
  void searchPageBrowsesEverythingWithoutJavaScript() throws IOException {
    Document doc = page(out, "search/index.html");
    Element browse = one(doc, "main section#search-browse");
    assertEquals("h-browse", browse.attr("aria-labelledby"));
    assertEquals("分类浏览", one(doc, "#h-browse").text());
    assertFalse(one(doc, "main noscript").html().isBlank());

    List<String> items = browse.select("#h-browse-item + ul a[href]").stream()
        .map(a -> resolve("search/index.html", a.attr("href"))).toList();
    assertTrue(items.containsAll(List.of("catalogue/aqsc/aqsc-01-01/index.html", "catalogue/jz/jz-01-01/index.html")),
        items.toString());
    Element item = browse.select("a[href$='catalogue/aqsc/aqsc-01-01/']").first();
    assertNotNull(item);
    assertEquals("其他政策文件 （6条）", item.parent().text());

    List<Element> years = browse.select("#h-browse-year + ul > li");
    assertEquals(List.of("2025年 （7条）", "2024年 （2条）"), years.stream().map(Element::text).toList());
    assertEquals("browse/year/2025/index.html",
        resolve("search/index.html", years.get(0).selectFirst("a").attr("href")));

    List<Element> agencies = browse.select("#h-browse-agency + ul > li");
    assertEquals(List.of(MAIN_AGENCY + " （8条）", OTHER_AGENCY + " （1条）"),
        agencies.stream().map(Element::text).toList());
    assertEquals("browse/agency/" + Views.agencySlug(OTHER_AGENCY) + "/index.html",
        resolve("search/index.html", agencies.get(1).selectFirst("a").attr("href")));
    for (Element a : browse.select("a[href]")) {
      String target = resolve("search/index.html", a.attr("href"));
      assertTrue(Files.isRegularFile(out.resolve(target)), target);
    }
  }

  @Test
  void agencySlugIsAStableHashPrefix() {
    assertEquals("23bf22cd6a", Views.agencySlug(OTHER_AGENCY));
    assertEquals("4438be2f2c", Views.agencySlug(MAIN_AGENCY));
  }

  @Test
  void yearPagesListExactlyThatYearsPublishedRecordsNewestFirstAndPaginate() throws IOException {
    Document first = page(out, "browse/year/2025/index.html");
    assertEquals(List.of("首页", "搜索", "2025年"), crumbs(first));
    assertEquals("../../../search/", first.selectFirst("nav.breadcrumbs a:contains(搜索)").attr("href"));
    assertEquals("2025年发布的政府信息", one(first, "main h1").text());
    assertEquals(List.of("530100-2025-00007", "530100-2025-00006", "530100-2025-00005", "530100-2025-00004",
        "530100-2025-00003"), listed(first));
    Element next = one(first, "nav.pager a[rel=next]");
    assertEquals("browse/year/2025/page/2/index.html", resolve("browse/year/2025/index.html", next.attr("href")));

    Document second = page(out, "browse/year/2025/page/2/index.html");
    assertEquals(List.of("首页", "搜索", "2025年"), crumbs(second));
    assertEquals(List.of("530100-2025-00002", "530100-2025-00001"), listed(second));
    assertEquals("browse/year/2025/index.html",
        resolve("browse/year/2025/page/2/index.html", one(second, "nav.pager a[rel=prev]").attr("href")));
    assertTrue(second.select("nav.pager a[rel=next]").isEmpty());
    assertFalse(Files.exists(out.resolve("browse/year/2025/page/3")));

    Document y2024 = page(out, "browse/year/2024/index.html");
    assertEquals(List.of("530100-2024-00002", "530100-2024-00001"), listed(y2024));
    assertTrue(y2024.select("nav.pager").isEmpty(), "one page needs no pager");
    assertFalse(Files.exists(out.resolve("browse/year/2023")), "2023 has only a record on request");
  }

  @Test
  void agencyPagesListExactlyThatAgencysPublishedRecords() throws IOException {
    String other = "browse/agency/" + Views.agencySlug(OTHER_AGENCY) + "/index.html";
    Document doc = page(out, other);
    assertEquals(List.of("首页", "搜索", OTHER_AGENCY), crumbs(doc));
    assertEquals(OTHER_AGENCY + "发布的政府信息", one(doc, "main h1").text());
    assertEquals(List.of("530100-2024-00002"), listed(doc));

    String main = "browse/agency/" + Views.agencySlug(MAIN_AGENCY) + "/";
    List<String> all = new ArrayList<>(listed(page(out, main + "index.html")));
    all.addAll(listed(page(out, main + "page/2/index.html")));
    assertEquals(List.of("530100-2025-00007", "530100-2025-00006", "530100-2025-00005", "530100-2025-00004",
        "530100-2025-00003", "530100-2025-00002", "530100-2025-00001", "530100-2024-00001"), all);
    try (var dirs = Files.list(out.resolve("browse/agency"))) {
      assertEquals(2, dirs.count(), "one folder per agency with published records");
    }
  }

  @Test
  void nothingWithheldOrOnRequestIsListed() throws IOException {
    List<String> never = List.of("530100-2025-00008", "530100/2025-00008", "不予公开的二〇二五年纪要",
        "530100-2024-00003", "财政局不予公开的内部材料", "530100-2023-00001", "依申请公开的二〇二三年卷宗");
    List<Path> pages;
    try (var s = Files.walk(out)) {
      pages = s.filter(p -> p.toString().endsWith(".html"))
          .filter(p -> out.relativize(p).toString().startsWith("browse") || p.endsWith("search/index.html")).toList();
    }
    assertTrue(pages.size() >= 6, pages.toString());
    for (Path p : pages) {
      String html = Files.readString(p, StandardCharsets.UTF_8);
      for (String n : never) assertFalse(html.contains(n), out.relativize(p) + " lists " + n);
    }
  }

  @Test
  void everyHeaderHasARelativeSearchFormThatWorksWithoutJavaScript() throws IOException {
    String record = "records/530100-2025-00001/index.html";
    Document doc = page(out, record);
    Element form = one(doc, "header form[role=search]");
    assertEquals("get", form.attr("method"));
    assertEquals("../../search/", form.attr("action"));
    assertEquals("search/index.html", resolve(record, form.attr("action")));
    assertFalse(form.attr("aria-label").isBlank());
    Element input = one(doc, "header form input[name=q]");
    assertEquals("search", input.attr("type"));
    Element label = one(doc, "header form label[for=" + input.id() + "]");
    assertFalse(label.text().isBlank());
    assertEquals("搜索", one(doc, "header form button[type=submit]").text());
    Element browse = one(doc, "header form a[href]");
    assertEquals("search/index.html", resolve(record, browse.attr("href").replaceAll("#.*", "")));

    Element home = one(page(out, "index.html"), "header form[role=search]");
    assertEquals("search/", home.attr("action"));
  }
}
