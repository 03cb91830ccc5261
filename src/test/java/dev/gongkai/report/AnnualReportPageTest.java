package dev.gongkai.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal pages {@code reports/annual-<year>/}: accessible tables, all six sections, problems on the page. */
class AnnualReportPageTest {
  static final String SITE = """
      -- catalogue/site.json --
      {"title": "小站县应急管理局政府信息公开", "agency": "小站县应急管理局", "baseUrl": "https://x.example/",
       "regionCode": "530199"}
      -- catalogue/catalogue.csv --
      编码,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
      aqsc-01-01,安全生产,政策文件,其他政策文件,文件,条例,20个工作日内,局,政府网站,全社会,主动,县级
      -- catalogue/records/aqsc-01-01.csv --
      索引号,标题,成文日期,发布日期,公开属性,有效性
      015583216/2024-00001,关于印发要点的通知,2024-03-01,2024-03-05,主动公开,失效
      015583216/2024-00002,关于印发办法的通知,2024-05-01,2024-05-05,主动公开,有效
      015583216/2025-00001,关于印发细则的通知,2025-02-01,2025-02-03,主动公开,有效
      -- catalogue/annual-report/2025.json --
      {
        "table3": {
          "一、本年新收政府信息公开申请数量": [2, 0, 0, 0, 0, 0, 2],
          "（一）予以公开": [1, 0, 0, 0, 0, 0, 1]
        },
        "table4": {"行政复议": [0, 1, 0, 0, 1]},
        "text": {"五": "问题和改进。"}
      }
      """;

  @Test
  void pagesForEachYearWithAccessibleTables(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
    Path out = tmp.resolve("public");
    BuildResult r = SiteBuild.run(new BuildRequest(src, out), Progress.NONE);
    // The broken sum rule of 2025 is shown on the page; the build itself neither fails nor warns.
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    assertEquals(0, r.diagnostics().total(), () -> r.diagnostics().sorted().toString());

    Document y2025 = Jsoup.parse(out.resolve("reports/annual-2025/index.html").toFile(), "UTF-8");
    assertEquals("小站县应急管理局2025年政府信息公开工作年度报告", y2025.selectFirst("h1").text());
    assertEquals(List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"),
        y2025.select("main section > h2").eachText().stream().filter(t -> !t.equals("数据检查")).toList());
    // 表二: four captioned tables, column and row headers scoped.
    List<Element> t2 = y2025.select("table.report-table:not(.report-t3):not(.report-t4)");
    assertEquals(4, t2.size());
    assertEquals("第二十条第（一）项", t2.get(0).selectFirst("caption").text());
    assertEquals(4, t2.get(0).select("thead th[scope=col]").size());
    assertEquals(List.of("规章", "行政规范性文件"), t2.get(0).select("tbody th[scope=row]").eachText());
    // 行政规范性文件 2025: 1 made, 0 repealed (the 失效 one ended in 2024, its 发布日期's year), 2 in force.
    assertEquals(List.of("1", "0", "2"), t2.get(0).select("tbody tr").get(1).select("td").eachText());
    // No fee in the data file: said plainly.
    assertEquals("—无数据", t2.get(3).selectFirst("td").text());
    // 表三/表四: every headers="…" id exists; every data cell has headers.
    for (String cls : List.of("report-t3", "report-t4")) {
      Element table = y2025.selectFirst("table." + cls);
      Set<String> ids = new HashSet<>(table.select("th[id]").eachAttr("id"));
      for (Element td : table.select("td")) {
        assertFalse(td.attr("headers").isBlank(), cls);
        for (String id : td.attr("headers").split(" ")) assertTrue(ids.contains(id), cls + ": " + id);
      }
      assertFalse(table.selectFirst("caption").text().isBlank());
    }
    assertEquals(30, y2025.select("table.report-t3 tbody th[scope=row]").size());
    assertEquals(15, y2025.select("table.report-t4 td").size());
    // 2 received, 1 handled: the sum rule's error is a line on the page, with the file and line.
    String issues = y2025.selectFirst(".report-issues").text();
    assertTrue(issues.contains("catalogue/annual-report/2025.json:3:") && issues.contains("本年新收 + 上年结转"), issues);
    // Sections without data say so.
    assertTrue(y2025.select("section").get(1).text().contains("数据文件未提供本节内容"));
    assertTrue(y2025.text().contains("问题和改进。"));

    Document y2024 = Jsoup.parse(out.resolve("reports/annual-2024/index.html").toFile(), "UTF-8");
    assertTrue(y2024.text().contains("本年度没有数据文件（catalogue/annual-report/2024.json）"), y2024.text());
    assertTrue(y2024.text().contains("本年度的数据文件没有表三"));
    assertTrue(y2024.text().contains("本年度的数据文件没有表四"));
    assertEquals(List.of("2", "1", "1"), y2024.select("table.report-table").get(0).select("tbody tr").get(1)
        .select("td").eachText());
    // The years link to each other; the item the row was counted from is linked.
    assertEquals("../../reports/annual-2025/", y2024.selectFirst(".report-years a").attr("href"));
    assertTrue(y2024.select(".report-basis a[href='../../catalogue/aqsc/aqsc-01-01/']").size() == 1);
    assertFalse(Files.exists(out.resolve("reports/annual-2023")));
  }
}
