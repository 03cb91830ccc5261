package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.ChartSpec;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.testing.Axe;
import dev.gongkai.testing.Browser;
import dev.gongkai.testing.StaticServer;
import dev.gongkai.testing.Txtar;
import dev.gongkai.validate.SiteValidator;
import dev.gongkai.write.StagedOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.w3c.dom.NodeList;

/**
 * Charts declared in dataset schemas: the aggregation ({@link Charts}), the SVG ({@link SvgChart}) and the pages
 * that show them with their table alternative.
 */
class ChartsTest {
  private static final List<Dataset.Column> COLUMNS = List.of(
      new Dataset.Column("序号", "", "integer", "", "", ""),
      new Dataset.Column("乡镇", "", "string", "", "", ""),
      new Dataset.Column("金额", "", "number", "万元", "", ""),
      new Dataset.Column("下拨日期", "", "date", "", "", ""));

  private static Dataset dataset(String id, List<Dataset.Column> columns, List<List<String>> rows, ChartSpec... charts) {
    return new Dataset(id, id, "jz-01-01", "", "", LocalDate.of(2025, 1, 1), Disclosure.ACTIVE, columns,
        List.of("序号"), rows, "catalogue/datasets/" + id + ".csv", List.of(charts));
  }

  private static ChartSpec sum(String category, ChartSpec.By by, ChartSpec.Type type) {
    return new ChartSpec("资金", type, category, by, "金额", ChartSpec.Aggregate.SUM, false);
  }

  private static ChartSpec count(String category, ChartSpec.By by, ChartSpec.Type type) {
    return new ChartSpec("次数", type, category, by, "", ChartSpec.Aggregate.COUNT, false);
  }

  private static List<String> row(String... cells) {
    return List.of(cells);
  }

  private static final List<List<String>> ROWS = List.of(
      row("1", "城关镇", "12.5", "2024-12-31"),
      row("2", "河口镇", "8", "2025-01-14"),
      row("3", "城关镇", "0.1", "2025-03-02"),
      row("4", "青山乡", "20.6", "2025-03-30"),
      row("5", "河口镇", "0.2", "2025-03-30"),
      row("6", "龙潭镇", "12.6", "2025-03-31"),
      row("7", "白沙乡", "", "2025-04-01"),
      row("8", "", "5", "2025-04-02"));

  private static List<String> labels(Charts.Chart c) {
    return c.points().stream().map(Charts.Point::label).toList();
  }

  private static List<String> texts(Charts.Chart c) {
    return c.points().stream().map(Charts.Point::text).toList();
  }

  @Test
  void categoriesAreSummedExactlyLargestFirstTiesInOrderOfAppearance() {
    Charts.Chart c = Charts.of(sum("乡镇", ChartSpec.By.NONE, ChartSpec.Type.BAR), List.of(dataset("f", COLUMNS, ROWS)));
    // 城关镇 12.5 + 0.1 = 12.6 ties 龙潭镇 12.6 and comes first (it appears first); 白沙乡 has no amount, row 8 no township.
    assertEquals(List.of("青山乡", "城关镇", "龙潭镇", "河口镇"), labels(c));
    assertEquals(List.of("20.6", "12.6", "12.6", "8.2"), texts(c));
    assertEquals("54.0", c.totalText());
    assertEquals(2, c.skipped());
    assertEquals(1, c.scale());
    assertEquals("青山乡", c.max().label());
    assertFalse(c.chronological());
  }

  @Test
  void datesGroupByMonthOrYearInTimeOrderWithEveryMonthBetween() {
    Dataset ds = dataset("f", COLUMNS, ROWS);
    Charts.Chart months = Charts.of(sum("下拨日期", ChartSpec.By.MONTH, ChartSpec.Type.COLUMN), List.of(ds));
    assertTrue(months.chronological());
    assertEquals(List.of("2024-12", "2025-01", "2025-02", "2025-03", "2025-04"), labels(months));
    // 2025-02 has no rows: a real zero; 2025-04 only row 8 (row 7 has no amount).
    assertEquals(List.of("12.5", "8.0", "0.0", "33.5", "5.0"), texts(months));
    assertEquals("59.0", months.totalText());
    assertEquals(1, months.skipped());

    Charts.Chart counts = Charts.of(count("下拨日期", ChartSpec.By.MONTH, ChartSpec.Type.LINE), List.of(ds));
    assertEquals(List.of("1", "1", "0", "4", "2"), texts(counts));
    assertEquals("8", counts.totalText());
    assertEquals(0, counts.skipped());

    Charts.Chart years = Charts.of(count("下拨日期", ChartSpec.By.YEAR, ChartSpec.Type.COLUMN), List.of(ds));
    assertEquals(List.of("2024", "2025"), labels(years));
    assertEquals(List.of("1", "7"), texts(years));

    Charts.Chart days = Charts.of(count("下拨日期", ChartSpec.By.NONE, ChartSpec.Type.COLUMN), List.of(ds));
    assertEquals(List.of("2024-12-31", "2025-01-14", "2025-03-02", "2025-03-30", "2025-03-31", "2025-04-01",
        "2025-04-02"), labels(days), "single dates: in time order, no days filled in");
  }

  @Test
  void decimalsCarryNoFloatingNoise() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) rows.add(row(String.valueOf(i), "城关镇", "0.1", "2025-01-01"));
    rows.add(row("10", "河口镇", "0.2", "2025-01-01"));
    rows.add(row("11", "河口镇", "0.1", "2025-01-01"));
    Charts.Chart c = Charts.of(sum("乡镇", ChartSpec.By.NONE, ChartSpec.Type.BAR), List.of(dataset("f", COLUMNS, rows)));
    assertEquals(List.of("1.0", "0.3"), texts(c)); // in doubles: 0.9999999999999999 and 0.30000000000000004
    assertEquals("1.3", c.totalText());

    assertEquals(List.of("0", "0.1", "0.2", "0.3"), plain(SvgChart.ticks(BigDecimal.ZERO, new BigDecimal("0.3"))));
    assertEquals(List.of("0", "20000", "40000", "60000", "80000"),
        plain(SvgChart.ticks(BigDecimal.ZERO, new BigDecimal("65000"))));
    assertEquals(List.of("-10", "-5", "0", "5", "10", "15"),
        plain(SvgChart.ticks(new BigDecimal("-7"), new BigDecimal("12"))));
    assertEquals("12.3", SvgChart.num(12.300000001));
    assertEquals("0", SvgChart.num(-0.01));
    assertEquals("100000", SvgChart.num(1e5));
  }

  private static List<String> plain(List<BigDecimal> ticks) {
    return ticks.stream().map(t -> t.stripTrailingZeros().toPlainString()).toList();
  }

  @Test
  void svgIsWellFormedNamedDescribedAndWithoutStyles() throws Exception {
    Dataset ds = dataset("f", COLUMNS, ROWS);
    for (ChartSpec spec : List.of(sum("乡镇", ChartSpec.By.NONE, ChartSpec.Type.BAR),
        sum("乡镇", ChartSpec.By.NONE, ChartSpec.Type.COLUMN),
        sum("下拨日期", ChartSpec.By.MONTH, ChartSpec.Type.COLUMN),
        count("下拨日期", ChartSpec.By.MONTH, ChartSpec.Type.LINE),
        count("下拨日期", ChartSpec.By.YEAR, ChartSpec.Type.COLUMN))) {
      Charts.Chart chart = Charts.of(spec, List.of(ds));
      String svg = SvgChart.render(chart, "chart-7", "标题<&>", "最大 " + chart.max().text() + "，合计 " + chart.totalText());
      org.w3c.dom.Document x = xml(svg);
      org.w3c.dom.Element root = x.getDocumentElement();
      String what = spec.type() + " " + spec.by();
      assertEquals("svg", root.getLocalName(), what);
      assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
      assertEquals("img", root.getAttribute("role"));
      assertEquals("100%", root.getAttribute("width"));
      assertTrue(root.getAttribute("viewBox").matches("0 0 340 \\d+(\\.\\d)?"), root.getAttribute("viewBox"));
      assertEquals("chart-7-title chart-7-desc", root.getAttribute("aria-labelledby"));
      org.w3c.dom.Element title = (org.w3c.dom.Element) root.getFirstChild();
      org.w3c.dom.Element desc = (org.w3c.dom.Element) title.getNextSibling();
      assertEquals("title", title.getLocalName());
      assertEquals("chart-7-title", title.getAttribute("id"));
      assertEquals("标题<&>", title.getTextContent());
      assertEquals("desc", desc.getLocalName());
      assertEquals("chart-7-desc", desc.getAttribute("id"));
      assertTrue(desc.getTextContent().contains(chart.totalText()), desc.getTextContent());

      NodeList all = x.getElementsByTagNameNS("*", "*");
      for (int i = 0; i < all.getLength(); i++) {
        org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
        assertFalse(e.hasAttribute("style"), what + ": style attribute on " + e.getTagName());
        assertFalse(Set.of("style", "script", "foreignObject").contains(e.getLocalName()), what + ": " + e.getLocalName());
        for (int a = 0; a < e.getAttributes().getLength(); a++) {
          assertFalse(e.getAttributes().item(a).getNodeName().startsWith("on"), what + ": event handler");
        }
        // Graphics at least 3:1 against the white page, text at least 4.5:1 (WCAG 1.4.11, 1.4.3).
        String fill = e.getAttribute("fill");
        String stroke = e.getAttribute("stroke");
        boolean text = e.getLocalName().equals("text") || (e.getLocalName().equals("g") && hasText(e));
        if (fill.startsWith("#")) {
          assertTrue(contrast(fill, "#ffffff") >= (text ? 4.5 : 3.0), what + ": " + fill + " on " + e.getAttribute("class"));
        }
        if (stroke.startsWith("#") && !e.getAttribute("class").equals("grid")) {
          assertTrue(contrast(stroke, "#ffffff") >= 3.0, what + ": stroke " + stroke);
        }
      }
      assertEquals(svg, SvgChart.render(chart, "chart-7", "标题<&>", "最大 " + chart.max().text() + "，合计 "
          + chart.totalText()), "the same chart gives the same bytes");
      for (String n : svg.split("[\"\\s,]")) {
        assertFalse(n.matches("-?\\d+\\.\\d{2,}") || n.matches(".*\\dE[+-]?\\d.*"), what + ": unrounded number " + n);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> SvgChart.render(
        Charts.of(sum("乡镇", ChartSpec.By.NONE, ChartSpec.Type.BAR), List.of(dataset("e", COLUMNS, List.of()))),
        "c", "t", "d"));
  }

  private static boolean hasText(org.w3c.dom.Element g) {
    return g.getElementsByTagNameNS("*", "text").getLength() > 0;
  }

  @Test
  void barsShowEveryLabelAndValueAndShortenOnlyLongLabels() throws Exception {
    List<List<String>> rows = List.of(
        row("1", "城关镇", "3", "2025-01-01"),
        row("2", "<b>河口镇&\"社区\"", "2", "2025-01-01"),
        row("3", "示例县某某乡某某村某某组某某社区居委会", "1", "2025-01-01"));
    Charts.Chart c = Charts.of(sum("乡镇", ChartSpec.By.NONE, ChartSpec.Type.BAR), List.of(dataset("f", COLUMNS, rows)));
    org.w3c.dom.Document x = xml(SvgChart.render(c, "c", "t", "d"));
    List<String> labels = textsOf(x, "label");
    assertEquals("城关镇", labels.get(0));
    assertEquals("<b>河口镇&\"社区\"", labels.get(1), "markup in data stays text");
    assertTrue(labels.get(2).endsWith("…") && "示例县某某乡某某村某某组某某社区居委会".startsWith(
        labels.get(2).substring(0, labels.get(2).length() - 1)), labels.get(2));
    assertTrue(SvgChart.width(labels.get(2), SvgChart.FONT) <= SvgChart.MAX_LABEL);
    assertEquals(List.of("3", "2", "1"), textsOf(x, "value"));
    assertEquals(3, x.getElementsByTagNameNS("*", "rect").getLength());
  }

  @Test
  void theSameChartGivesTheSameBytesInAnyDefaultLocale() {
    Charts.Chart c = Charts.of(sum("下拨日期", ChartSpec.By.MONTH, ChartSpec.Type.LINE),
        List.of(dataset("f", COLUMNS, ROWS)));
    String root = SvgChart.render(c, "c", "t", "d");
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY); // decimal comma
      assertEquals(root, SvgChart.render(c, "c", "t", "d"));
      Locale.setDefault(Locale.forLanguageTag("ar-EG")); // Arabic-Indic digits
      assertEquals(root, SvgChart.render(c, "c", "t", "d"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void itemChartsPoolOnlyDatasetsWithTheSameColumnsAndUnit() {
    ChartSpec byYear = new ChartSpec("历年", ChartSpec.Type.COLUMN, "下拨日期", ChartSpec.By.YEAR, "金额",
        ChartSpec.Aggregate.SUM, true);
    Dataset y2024 = dataset("f-2024", COLUMNS, List.of(row("1", "城关镇", "3.5", "2024-06-01")));
    Dataset y2025 = dataset("f-2025", COLUMNS, List.of(row("1", "城关镇", "10", "2025-06-01"),
        row("2", "河口镇", "2.25", "2025-07-01")), byYear, sum("乡镇", ChartSpec.By.NONE, ChartSpec.Type.BAR));
    List<Dataset.Column> yuan = List.of(COLUMNS.get(0), COLUMNS.get(1),
        new Dataset.Column("金额", "", "number", "元", "", ""), COLUMNS.get(3));
    Dataset inYuan = dataset("f-yuan", yuan, List.of(row("1", "城关镇", "90000", "2023-06-01")));
    Dataset noDate = dataset("f-nodate", COLUMNS.subList(0, 3), List.of(row("1", "城关镇", "7")));
    Dataset again = dataset("f-again", COLUMNS, List.of(row("1", "城关镇", "1", "2026-01-01")), byYear);

    List<Charts.Chart> charts = Charts.forItem(List.of(y2024, inYuan, y2025, noDate, again));
    assertEquals(1, charts.size(), "the same declaration in two datasets is one chart");
    Charts.Chart c = charts.get(0);
    assertEquals(List.of(y2024, y2025, again), c.sources());
    assertEquals(List.of("2024", "2025", "2026"), labels(c));
    assertEquals(List.of("3.50", "12.25", "1.00"), texts(c));
    assertEquals("16.75", c.totalText());

    assertEquals(List.of("乡镇"), Charts.forDataset(y2025).stream().map(x -> x.spec().category()).toList(),
        "a dataset page shows its own charts, not the item's");
    assertEquals(List.of(), Charts.forItem(List.of(y2024)));
  }

  // ---- The pages ----

  static final String SITE = """
      -- catalogue/site.json --
      {"title": "小站县", "agency": "小站县应急管理局", "baseUrl": "https://small.example/", "regionCode": "530100"}
      -- catalogue/catalogue.csv --
      code,domain,level1,level2,content,basis,time_limit,publisher,channels,audience,mode,level
      jz-01-01,救灾,款物管理,救灾资金,救灾资金下拨,《条例》,20个工作日内,县应急管理局,政府网站,全社会,主动,县级
      -- catalogue/records/all.csv --
      索引号,标题,成文日期,发布日期,公开属性,事项
      530100/2024-00001,关于下拨救灾资金的通知,2024-06-01,2024-06-05,主动公开,jz-01-01
      -- catalogue/datasets/funds-2024.csv --
      序号,乡镇,金额,下拨日期
      1,城关镇,12.5,2024-06-18
      2,河口镇,8,2024-09-18
      -- catalogue/datasets/funds-2024.schema.json --
      {"title": "2024年救灾资金", "item": "jz-01-01", "primaryKey": ["序号"],
       "columns": [{"name": "序号", "type": "integer"}, {"name": "乡镇", "type": "string"},
                   {"name": "金额", "type": "number", "unit": "万元"}, {"name": "下拨日期", "type": "date"}]}
      -- catalogue/datasets/funds-2025.csv --
      序号,乡镇,金额,下拨日期
      1,城关镇,30,2025-05-07
      2,河口镇,118.25,2025-07-21
      3,城关镇,2.5,2025-07-21
      4,青山乡,,2025-08-01
      -- catalogue/datasets/funds-2025.schema.json --
      {"title": "2025年救灾资金", "item": "jz-01-01", "primaryKey": ["序号"],
       "columns": [{"name": "序号", "type": "integer"}, {"name": "乡镇", "type": "string"},
                   {"name": "金额", "type": "number", "unit": "万元"}, {"name": "下拨日期", "type": "date"}],
       "charts": [{"title": "各乡镇救灾资金", "category": "乡镇", "value": "金额"},
                  {"title": "每月救灾资金", "type": "line", "category": "下拨日期", "by": "month", "value": "金额"},
                  {"title": "历年救灾资金", "category": "下拨日期", "by": "year", "value": "金额", "across": "item"}]}
      -- catalogue/datasets/funds-internal.csv --
      序号,乡镇,金额,下拨日期
      1,城关镇,999,2023-01-01
      -- catalogue/datasets/funds-internal.schema.json --
      {"title": "内部测算", "item": "jz-01-01", "disclosure": "不予公开", "primaryKey": ["序号"],
       "columns": [{"name": "序号", "type": "integer"}, {"name": "乡镇", "type": "string"},
                   {"name": "金额", "type": "number", "unit": "万元"}, {"name": "下拨日期", "type": "date"}],
       "charts": [{"title": "内部历年", "category": "下拨日期", "by": "year", "value": "金额", "across": "item"}]}
      """;

  private static Path renderSite(String txtar, Path tmp) throws IOException {
    Path src = Txtar.parse(txtar).writeTo(tmp.resolve("site"));
    Diagnostics d = new Diagnostics();
    PublishedSite site = DisclosureGate.apply(
        SiteValidator.validate(InputLoader.load(new SourceTree(src), d), d).orElseThrow(() ->
            new AssertionError(d.sorted().toString())));
    assertFalse(d.hasErrors(), () -> d.sorted().toString());
    Path out = tmp.resolve("public");
    try (StagedOutput staged = StagedOutput.open(out)) {
      new SiteRenderer(site, new Templates(Path.of("site-templates")), src.resolve("content"), staged, d).render(n -> {});
      assertFalse(d.hasErrors(), () -> d.sorted().toString());
      staged.commit();
    }
    return out;
  }

  private static Document page(Path out, String uri) throws IOException {
    return Jsoup.parse(Files.readString(out.resolve(uri + "index.html"), StandardCharsets.UTF_8));
  }

  @Test
  void datasetPageShowsItsChartsEachWithATableOfTheSameNumbers(@TempDir Path tmp) throws Exception {
    Path out = renderSite(SITE, tmp);
    Document doc = page(out, "datasets/funds-2025/");
    Element section = doc.selectFirst("section.charts[aria-labelledby=h-charts]");
    assertNotNull(section);
    Elements figures = section.select("figure.chart");
    assertEquals(List.of("各乡镇救灾资金", "每月救灾资金"), figures.select("h3").eachText(),
        "the item-level chart is not on the dataset page");

    Element bar = figures.get(0);
    Element svg = bar.selectFirst("svg");
    assertEquals("img", svg.attr("role"));
    for (String id : svg.attr("aria-labelledby").split(" ")) assertNotNull(svg.selectFirst("#" + id), id);
    assertEquals("各乡镇救灾资金", svg.selectFirst("title").text());
    String desc = svg.selectFirst("desc").text();
    assertEquals("条形图，共 2 项。最大为“河口镇”：118.25万元；合计 150.75万元。", desc);
    Element table = bar.selectFirst("details table.chart-table");
    assertEquals("各乡镇救灾资金（图表数据）", table.selectFirst("caption").text());
    assertEquals(List.of("乡镇", "金额（万元）"), table.select("thead th[scope=col]").eachText());
    assertEquals(svg.select("text.label").eachText(), table.select("tbody th[scope=row]").eachText());
    assertEquals(svg.select("text.value").eachText(), table.select("tbody td.num").eachText());
    assertEquals(List.of("118.25", "32.50"), table.select("tbody td").eachText());
    assertEquals(List.of("合计", "150.75"), table.select("tfoot tr").first().children().eachText());
    assertEquals("另有 1 行因分类或数值为空未计入。", bar.selectFirst(".chart-note").text());

    Element line = figures.get(1);
    Element t2 = line.selectFirst("table");
    assertEquals(List.of("下拨日期（按月）", "金额（万元）"), t2.select("thead th").eachText());
    assertEquals(List.of("2025-05", "2025-06", "2025-07"), t2.select("tbody th").eachText());
    assertEquals(List.of("30.00", "0.00", "120.75"), t2.select("tbody td").eachText());
    assertEquals(3, line.select("svg circle.dot").size());
    assertTrue(line.selectFirst("desc").text().startsWith("折线图，2025-05 至 2025-07，共 3 项"), line.selectFirst("desc").text());

    assertUniqueIds(doc);
    assertTrue(doc.select("[style]").isEmpty() && doc.select("style").isEmpty(), "no inline styles");
    assertNull(page(out, "datasets/funds-2024/").selectFirst("#h-charts"), "no charts declared: no section");
    assertFalse(Files.readString(out.resolve("datasets/funds-2024/index.html")).contains("charts"),
        "and not a trace of it");
  }

  @Test
  void itemPageChartsTheSumByYearOverItsPublishedDatasetsOnly(@TempDir Path tmp) throws Exception {
    Path out = renderSite(SITE, tmp);
    Document doc = page(out, "catalogue/jz/jz-01-01/");
    Elements figures = doc.select("section.charts figure.chart");
    assertEquals(List.of("历年救灾资金"), figures.select("h3").eachText(), "the withheld dataset's chart is not there");
    Element fig = figures.first();
    Element table = fig.selectFirst("table");
    assertEquals(List.of("下拨日期（按年）", "金额（万元）"), table.select("thead th").eachText());
    assertEquals(List.of("2024", "2025"), table.select("tbody th").eachText(), "nothing from the withheld 2023 rows");
    assertEquals(List.of("20.50", "150.75"), table.select("tbody td").eachText());
    assertEquals("171.25", table.selectFirst("tfoot td").text());
    assertEquals(2, fig.select("svg rect.bar").size());
    assertEquals(List.of("2024年救灾资金", "2025年救灾资金"), fig.select(".chart-sources a").eachText());
    assertEquals(List.of("../../../datasets/funds-2024/", "../../../datasets/funds-2025/"),
        fig.select(".chart-sources a").eachAttr("href"));
    String html = Files.readString(out.resolve("catalogue/jz/jz-01-01/index.html"));
    assertFalse(html.contains("999") || html.contains("内部"), "withheld data reaches no chart");
    assertUniqueIds(doc);
  }

  @Test
  void englishSitesGetEnglishChartText(@TempDir Path tmp) throws Exception {
    Path out = renderSite(SITE.replace("\"regionCode\": \"530100\"", "\"regionCode\": \"530100\", \"languages\": [\"en\", \"zh-CN\"]"), tmp);
    Document doc = page(out, "datasets/funds-2025/");
    assertEquals("Charts", doc.selectFirst("#h-charts").text());
    assertEquals("Bar chart of 2 items. Largest: \"河口镇\", 118.25 万元; total 150.75 万元.",
        doc.selectFirst("#chart-1-desc").text());
    assertEquals("Total", doc.selectFirst("tfoot th").text());
  }

  @Test
  void chartPagesPassAxeWithTheTablesOpen(@TempDir Path tmp) throws Exception {
    Browser.assumeAvailable();
    Path out = renderSite(SITE, tmp);
    // SiteBuild publishes the stylesheets; this test renders pages only, so copy them as the build would.
    Files.createDirectories(out.resolve("assets"));
    try (var files = Files.list(Path.of("site-templates/assets"))) {
      for (Path f : files.toList()) Files.copy(f, out.resolve("assets").resolve(f.getFileName().toString()));
    }
    try (StaticServer server = StaticServer.serve(out); Browser b = Browser.open()) {
      WebDriver d = b.driver();
      for (String uri : List.of("datasets/funds-2025/", "catalogue/jz/jz-01-01/")) {
        d.get(server.url(uri));
        for (WebElement s : d.findElements(By.cssSelector("details.chart-data summary"))) s.click();
        assertFalse(d.findElements(By.cssSelector("details.chart-data[open] table")).isEmpty(), uri);
        assertEquals(List.of(), Axe.violations(d), "axe on /" + uri);
      }
    }
  }

  private static void assertUniqueIds(Document doc) {
    Set<String> ids = new HashSet<>();
    for (Element e : doc.select("[id]")) assertTrue(ids.add(e.id()), "duplicate id " + e.id());
    for (Element e : doc.select("[aria-labelledby]")) {
      for (String id : e.attr("aria-labelledby").split(" ")) assertTrue(ids.contains(id), "no #" + id);
    }
  }

  private static List<String> textsOf(org.w3c.dom.Document x, String cls) {
    List<String> out = new ArrayList<>();
    NodeList ts = x.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < ts.getLength(); i++) {
      org.w3c.dom.Element e = (org.w3c.dom.Element) ts.item(i);
      if (e.getAttribute("class").equals(cls)) out.add(e.getTextContent());
    }
    return out;
  }

  private static org.w3c.dom.Document xml(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** WCAG contrast ratio of two {@code #rrggbb} colours. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
