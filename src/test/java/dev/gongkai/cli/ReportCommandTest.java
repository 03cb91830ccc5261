package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.testing.Cli;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gongkai report annual}: output formats, exit codes, and the data file's sum rules. */
class ReportCommandTest {
  static final String EXAMPLE = Path.of("").toAbsolutePath().toString();

  /** One 行政处罚 item with two decisions in 2024 and one in 2025 (a 依申请公开 one does not count). */
  static final String SITE = """
      -- catalogue/site.json --
      {"title": "站", "agency": "小站县应急管理局", "baseUrl": "https://x.example/", "regionCode": "530199"}
      -- catalogue/catalogue.csv --
      编码,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
      aqsc-01-01,安全生产,依法行政,行政处罚,处罚决定,条例,7个工作日内,局,政府网站,全社会,主动,县级
      -- catalogue/records/aqsc-01-01.csv --
      索引号,标题,成文日期,发布日期,公开属性
      015583216/2024-00001,处罚决定一,2024-03-01,2024-03-05,主动公开
      015583216/2024-00002,处罚决定二,2024-12-30,2025-01-03,主动公开
      015583216/2025-00001,处罚决定三,2025-02-01,2025-02-03,主动公开
      015583216/2025-00002,执法案卷,2025-02-01,2025-02-03,依申请公开
      """;

  static final String GOOD = """
      {"table3": {"一、本年新收政府信息公开申请数量": [2, 1, 0, 0, 0, 0, 3],
                  "（一）予以公开": [2, 1, 0, 0, 0, 0, 3]},
       "table4": {"行政复议": [1, 0, 0, 0, 1]}}
      """;

  /** 自然人: 2 received, but 予以公开 1 + 结转 0 = 1. */
  static final String BAD = """
      {
        "table3": {
          "一、本年新收政府信息公开申请数量": [2, 1, 0, 0, 0, 0, 3],
          "（一）予以公开": [1, 1, 0, 0, 0, 0, 2]
        }
      }
      """;

  private static Path site(Path tmp, String data) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
    if (data != null) {
      Path f = src.resolve("catalogue/annual-report/2025.json");
      Files.createDirectories(f.getParent());
      Files.writeString(f, data);
    }
    return src;
  }

  @Test
  void textShowsEveryTableOfTheBundledExample() {
    Cli.Run r = Cli.run("report", "annual", "--year", "2025", "--source", EXAMPLE);
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    String out = r.out();
    assertTrue(out.startsWith("示例县应急管理局2025年政府信息公开工作年度报告\n"), out);
    for (String s : List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
        "第二十条第（一）项", "第二十条第（八）项", "（七）总计", "行政诉讼/复议后起诉")) {
      assertTrue(out.contains(s), s + "\n" + out);
    }
    // 行政规范性文件 of 2025: 8 made, 2 repealed, 10 in force (see AnnualReportTest for the hand count).
    assertTrue(out.lines().anyMatch(l -> l.matches("\\s*行政规范性文件\\s+8\\s+2\\s+10")), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("\\s*行政处罚\\s+25\\*")), out);
    assertTrue(out.contains("本站公开的记录计 8 件"), out);
    assertEquals("", r.err());
  }

  @Test
  void jsonAndCsvCarryTheSameFigures() throws IOException {
    Cli.Run j = Cli.run("report", "annual", "--year", "2025", "--source", EXAMPLE, "--format", "json");
    assertEquals(ExitCodes.OK, j.exit(), j.err());
    JsonNode n = new ObjectMapper().readTree(j.out());
    assertEquals(2025, n.get("year").asInt());
    assertEquals("catalogue/annual-report/2025.json", n.get("dataFile").asText());
    JsonNode regulations = n.get("table2").get(0).get("rows").get(1);
    assertEquals("行政规范性文件", regulations.get("row").asText());
    assertEquals(8, regulations.get("cells").get(0).get("value").asInt());
    assertEquals(10, regulations.get("cells").get(2).get("value").asInt());
    JsonNode penalties = n.get("table2").get(2).get("rows").get(0);
    assertEquals(25, penalties.get("cells").get(0).get("value").asInt());
    assertEquals(8, penalties.get("cells").get(0).get("counted").asInt());
    assertEquals("[5,2,0,0,0,0,7]", n.get("table3").get("rows").get(0).get("values").toString());
    assertEquals(0, n.get("issues").size());

    Cli.Run c = Cli.run("report", "annual", "--year", "2025", "--source", EXAMPLE, "--format", "csv");
    assertEquals(ExitCodes.OK, c.exit(), c.err());
    List<String> lines = c.out().lines().toList();
    assertEquals("table,row,column,value,counted,source", lines.get(0));
    assertTrue(lines.contains("二,行政规范性文件,本年废止件数,2,2,records"), c.out());
    assertTrue(lines.contains("二,行政处罚,本年处理决定数量,25,8,data-file"), c.out());
    assertTrue(lines.contains("二,行政事业性收费,本年收费金额（单位：万元）,0,,data-file"), c.out());
    assertTrue(lines.contains("三,（七）总计,总计,7,,data-file"), c.out());
    assertTrue(lines.contains("四,行政复议,结果维持,1,,data-file"), c.out());
    // 10 cells of 表二, 29 rows × 7 columns of 表三 (the heading row has none), 3 × 5 of 表四, and the header.
    assertEquals(1 + 10 + 29 * 7 + 15, lines.size());
  }

  @Test
  void smallSiteCountsRecordsAndReadsTheDataFile(@TempDir Path tmp) throws IOException {
    Path src = site(tmp, GOOD);
    Cli.Run r = Cli.run("report", "annual", "--year", "2025", "-s", src.toString(), "--format", "csv");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    // 2025-00001 is the one published decision written in 2025; 2024-00002 was written in 2024.
    assertTrue(r.out().contains("二,行政处罚,本年处理决定数量,1,1,records\n"), r.out());
    assertTrue(r.out().contains("二,行政事业性收费,本年收费金额（单位：万元）,,,none\n"), r.out());
    assertTrue(r.out().contains("三,（七）总计,总计,3,,data-file\n"), r.out());
    Cli.Run y2024 = Cli.run("report", "annual", "--year", "2024", "-s", src.toString());
    assertEquals(ExitCodes.OK, y2024.exit(), y2024.err());
    assertTrue(y2024.out().lines().anyMatch(l -> l.matches("\\s*行政处罚\\s+2")), y2024.out());
    assertTrue(y2024.out().contains("数据文件没有表三"), y2024.out());
  }

  @Test
  void sumRuleViolationExitsWith1AndSaysWhere(@TempDir Path tmp) throws IOException {
    Path src = site(tmp, BAD);
    Cli.Run r = Cli.run("report", "annual", "--year", "2025", "-s", src.toString());
    assertEquals(ExitCodes.INPUT, r.exit(), r.err());
    assertEquals("", r.out());
    // The （七）总计 row is left out, so the error points at 一、本年新收 (line 3), column 自然人 (element 0).
    assertTrue(r.err().contains("catalogue/annual-report/2025.json:3:"), r.err());
    assertTrue(r.err().contains("error[report-sum]"), r.err());
    assertTrue(r.err().contains("本年新收 + 上年结转 = 2 + 0 = 2") && r.err().contains("= 1 + 0 = 1"), r.err());
    assertTrue(r.err().contains("| table3[\"一、本年新收政府信息公开申请数量\"][0]"), r.err());
    assertTrue(r.err().contains("2 个错误，0 个警告 / 2 errors, 0 warnings"), r.err()); // 自然人 and 总计
    // Another year's report does not use this file's tables: it is still printed.
    assertEquals(ExitCodes.OK, Cli.run("report", "annual", "--year", "2024", "-s", src.toString()).exit());
  }

  @Test
  void usageErrorsExitWith2(@TempDir Path tmp) throws IOException {
    Path src = site(tmp, null);
    assertEquals(ExitCodes.USAGE, Cli.run("report").exit());
    assertEquals(ExitCodes.USAGE, Cli.run("report", "annual", "-s", src.toString()).exit()); // no --year
    Cli.Run f = Cli.run("report", "annual", "--year", "2025", "-s", src.toString(), "--format", "xml");
    assertEquals(ExitCodes.USAGE, f.exit());
    assertTrue(f.err().contains("unknown format: xml"), f.err());
    assertEquals(ExitCodes.USAGE, Cli.run("report", "annual", "--year", "25", "-s", src.toString()).exit());
    assertEquals(ExitCodes.USAGE,
        Cli.run("report", "annual", "--year", "2025", "-s", tmp.resolve("missing").toString()).exit());
  }

  @Test
  void inputErrorsExitWith1(@TempDir Path tmp) throws IOException {
    Path src = site(tmp, null);
    Files.writeString(src.resolve("catalogue/records/aqsc-01-01.csv"),
        "索引号,标题,成文日期,发布日期,公开属性\n015583216/2024-00001,通知,2024-02-30,2024-03-01,主动公开\n");
    Cli.Run r = Cli.run("report", "annual", "--year", "2024", "-s", src.toString());
    assertEquals(ExitCodes.INPUT, r.exit());
    assertTrue(r.err().contains("error[date-invalid]"), r.err());
    assertFalse(r.out().contains("年度报告"));
  }
}
