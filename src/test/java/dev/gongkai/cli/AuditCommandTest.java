package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.testing.Cli;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gongkai audit}: output formats, exit codes, warnings; and the portal page {@code audit/}. */
class AuditCommandTest {
  private static final String EXAMPLE = Path.of("").toAbsolutePath().toString();

  static final String SITE = """
      -- catalogue/site.json --
      {"title": "站", "agency": "局", "baseUrl": "https://x.example/", "regionCode": "530199"}
      -- catalogue/catalogue.csv --
      编码,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
      aqsc-01-01,安全生产,政策文件,法律法规,法律,条例,信息形成或变更之日起20个工作日内,局,政府网站,全社会,主动,县级
      aqsc-01-02,安全生产,政策文件,预警信息,预警,条例,信息形成后即时公开,局,政府网站,全社会,主动,县级
      -- catalogue/records/aqsc-01-01.csv --
      索引号,标题,成文日期,发布日期,公开属性
      015583216/2024-00001,按时发布的通知,2024-03-01,2024-03-05,主动公开
      015583216/2024-00002,迟了一天的通知,2024-08-12,2024-09-10,主动公开
      015583216/2027-00001,2027年的通知,2027-01-04,2027-01-06,主动公开
      -- catalogue/records/aqsc-01-02.csv --
      索引号,标题,成文日期,发布日期,公开属性
      015583216/2024-00003,暴雨预警,2024-06-01,2024-06-01,主动公开
      """;

  private static Path site(Path tmp) throws IOException {
    return Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
  }

  @Test
  void textListsTheExamplesLateRecordsPerItemAndTheTotals() {
    Cli.Run r = Cli.run("audit", "--source", EXAMPLE);
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    String out = r.out();
    assertTrue(out.contains("超期 / late  aqsc-03-02 安全生产/行政管理/生产安全事故调查处理报告"), out);
    assertTrue(out.contains("  015583216/2024-00083  2024-08-12  2024-09-26  32  20  示例县宏远五金制品有限公司“4·12”机械伤害事故调查报告"), out);
    assertTrue(out.contains("  015583216/2025-00111  2025-07-14  2025-08-28  33  20  "), out);
    assertTrue(out.contains("  015583216/2026-00039  2026-06-15  2026-07-30  32  20  龙潭镇“6·12”暴雨灾害灾情"), out);
    assertTrue(out.contains("jz-05-02 救灾/工作动态/灾害预警信息（6）：信息形成后即时公开"), out);
    assertTrue(out.contains("合计：185 条信息，已检查 168 条，超期 3 条，无法检查 17 条 / total: 185 records, 168 audited, 3 late, 17 not auditable"), out);
    assertFalse(r.err().contains("warning"), r.err());
  }

  @Test
  void csvHasOneRowPerLateRecord() {
    Cli.Run r = Cli.run("audit", "-s", EXAMPLE, "--format", "csv");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(List.of(
        "item,index_no,title,written,published,elapsed,limit,unit,deadline",
        "aqsc-02-04,015583216/2025-00111,2025年第二季度安全生产“双随机、一公开”抽查结果公示,2025-07-14,2025-08-28,33,20,working_days,2025-08-11",
        "aqsc-03-02,015583216/2024-00083,示例县宏远五金制品有限公司“4·12”机械伤害事故调查报告,2024-08-12,2024-09-26,32,20,working_days,2024-09-09",
        "jz-03-01,015583216/2026-00039,龙潭镇“6·12”暴雨灾害灾情,2026-06-15,2026-07-30,32,20,working_days,2026-07-14"),
        lines);
    assertTrue(r.err().contains("total: 185 records, 168 audited, 3 late, 17 not auditable"), r.err());
  }

  @Test
  void jsonHasTotalsItemsAndLateRecords() throws IOException {
    Cli.Run r = Cli.run("audit", "-s", EXAMPLE, "--format", "json");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(185, j.at("/totals/records").asInt());
    assertEquals(168, j.at("/totals/audited").asInt());
    assertEquals(3, j.at("/totals/late").asInt());
    assertEquals(17, j.at("/totals/notAuditable").asInt());
    assertEquals("[2024,2025,2026]", j.get("calendarYears").toString());
    int late = 0;
    for (JsonNode item : j.get("items")) {
      late += item.get("lateRecords").size();
      if (item.get("item").asText().equals("aqsc-03-02")) {
        JsonNode rec = item.get("lateRecords").get(0);
        assertEquals("015583216/2024-00083", rec.get("indexNo").asText());
        assertEquals(32, rec.get("elapsed").asInt());
        assertEquals(20, rec.get("limit").asInt());
        assertEquals("2024-09-09", rec.get("deadline").asText());
      }
      if (item.get("item").asText().equals("jz-05-02")) {
        assertEquals("none", item.get("unit").asText());
        assertTrue(item.get("limit").isNull());
        assertTrue(item.at("/reason/en").asText().contains("immediately"));
      }
    }
    assertEquals(3, late);
    assertEquals(0, j.get("warnings").size());
  }

  @Test
  void lateAndUncoveredYearsAreWarningsNotErrors(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Cli.Run r = Cli.run("audit", "-s", src.toString());
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    assertTrue(r.out().contains("  015583216/2024-00002  2024-08-12  2024-09-10  21  20  迟了一天的通知"), r.out());
    assertTrue(r.out().contains("total: 4 records, 2 audited, 1 late, 2 not auditable"), r.out());
    assertTrue(r.err().contains("警告 / warning: 工作日历未包含2027年的节假日安排，1条信息未做公开时限检查"), r.err());
    assertTrue(r.err().contains("the working-day calendar does not cover 2027: 1 record not audited"), r.err());

    Cli.Run quiet = Cli.run("audit", "-s", src.toString(), "-q");
    assertEquals(ExitCodes.OK, quiet.exit());
    assertEquals("", quiet.err());

    // A site calendar for 2027 makes the record auditable and the warning goes away.
    Files.writeString(src.resolve("catalogue/calendar.json"),
        "{\"2027\": {\"holidays\": {\"元旦\": [\"2027-01-01\"]}, \"adjusted_workdays\": []}}");
    Cli.Run extended = Cli.run("audit", "-s", src.toString());
    assertEquals(ExitCodes.OK, extended.exit(), extended.err());
    assertTrue(extended.out().contains("total: 4 records, 3 audited, 1 late, 1 not auditable"), extended.out());
    assertFalse(extended.err().contains("warning"), extended.err());
  }

  @Test
  void inputErrorsExitWith1AndNothingIsAudited(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Files.writeString(src.resolve("catalogue/records/aqsc-01-02.csv"),
        "索引号,标题,成文日期,发布日期,公开属性\n015583216/2024-00003,暴雨预警,2024-02-30,2024-06-01,主动公开\n");
    Cli.Run r = Cli.run("audit", "-s", src.toString());
    assertEquals(ExitCodes.INPUT, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().contains("error[date-invalid]") && r.err().contains("timeliness not audited"), r.err());
  }

  @Test
  void aBrokenSiteCalendarIsAnInputError(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Files.writeString(src.resolve("catalogue/calendar.json"), "{\"2027\": {\"holidays\": \n {\"元旦\": [2027-01-01]}}}");
    Cli.Run r = Cli.run("audit", "-s", src.toString());
    assertEquals(ExitCodes.INPUT, r.exit());
    assertTrue(r.err().contains("catalogue/calendar.json:2:") && r.err().contains("error[json-syntax]"), r.err());
  }

  @Test
  void usageErrorsExitWith2(@TempDir Path tmp) throws IOException {
    assertEquals(ExitCodes.USAGE, Cli.run("audit", "-s", site(tmp).toString(), "--format", "xml").exit());
    assertEquals(ExitCodes.USAGE, Cli.run("audit", "-s", tmp.resolve("missing").toString()).exit());
    assertTrue(Cli.run("--help").out().contains("audit"));
  }

  @Test
  void thePortalHasAnAccessibleAuditPage(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Cli.Run r = Cli.run("build", "-s", src.toString(), "-q");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    String page = Files.readString(src.resolve("public/audit/index.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("<h1>公开时限检查</h1>"), page);
    assertTrue(page.contains("<caption>超期公开的信息（1 条）</caption>"), page);
    assertTrue(page.contains("<caption>各二级事项的公开时限和检查结果</caption>"), page);
    assertTrue(page.contains("<th scope=\"col\">应公开日期</th>"), page);
    assertTrue(page.contains("<th scope=\"row\"><a href=\"../records/015583216-2024-00002/\">迟了一天的通知</a></th>"), page);
    assertTrue(page.contains("<td>21个工作日</td>") && page.contains("<td>20个工作日</td>"), page);
    assertTrue(page.contains("<time datetime=\"2024-09-09\">2024-09-09</time>"), page);
    assertTrue(page.contains("本站共有主动公开信息 4 条：已检查 2 条，其中超期公开 1 条；无法检查 2 条。"), page);
    assertTrue(page.contains("工作日历未包含2027年的节假日安排"), page);
    assertTrue(page.contains("工作日历覆盖 2024–2026 年。"), page);
    assertTrue(page.contains("即时公开，没有以日计的期限"), page);
    // No inline script: the only one is the shared display-settings file every page loads.
    assertEquals(List.of("<script defer src=\"../assets/prefs.js\">"),
        java.util.regex.Pattern.compile("<script[^>]*>").matcher(page).results().map(m -> m.group()).toList(), page);
    assertFalse(page.contains("??"), page);
    String home = Files.readString(src.resolve("public/index.html"), StandardCharsets.UTF_8);
    assertTrue(home.contains("<a href=\"audit/\">公开时限检查</a>"), home);
  }
}
