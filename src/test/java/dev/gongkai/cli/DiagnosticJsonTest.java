package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.testing.Cli;
import dev.gongkai.testing.DiagnosticsSchema;
import dev.gongkai.testing.Txtar;
import dev.gongkai.testing.Workbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format json}: one document on stdout, valid against docs/schema/diagnostics.schema.json. */
class DiagnosticJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path site(Path tmp) throws IOException {
    return Txtar.parse(MainTest.SITE.stripIndent()).writeTo(tmp.resolve("site"));
  }

  private static JsonNode valid(Cli.Run r) throws IOException {
    assertEquals(List.of(), DiagnosticsSchema.violations(r.out()), r.out());
    return JSON.readTree(r.out());
  }

  @Test
  void aValidSiteGivesAnEmptyListAndNothingElseOnStdout(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Cli.Run r = Cli.run("validate", "-s", src.toString(), "--format", "json");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    JsonNode doc = valid(r);
    assertEquals("gongkai-diagnostics", doc.get("format").asText());
    assertEquals(1, doc.get("formatVersion").asInt());
    assertEquals("validate", doc.get("command").asText());
    assertTrue(doc.get("ok").asBoolean());
    assertEquals(0, doc.get("diagnostics").size());
    assertEquals(0, doc.at("/counts/errors").asInt() + doc.at("/counts/warnings").asInt());
    assertFalse(doc.at("/tool/version").asText().isEmpty());
    assertTrue(r.err().contains("valid (1 records published"), "the result line goes to stderr: " + r.err());

    Cli.Run b = Cli.run("build", "-s", src.toString(), "--format", "json");
    assertEquals(ExitCodes.OK, b.exit(), b.err());
    assertEquals("build", valid(b).get("command").asText());
    assertTrue(b.err().contains("built "), b.err());
  }

  @Test
  void anInvalidSiteListsEveryDiagnosticWithBothLanguages(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Files.writeString(src.resolve("catalogue/records/aqsc-01-01.csv"),
        "索引号,标题,成文日期,发布日期,公开属性,文号\n"
            + "015583216/2024-00001,,2024-03-01,2024-02-30,主动公开,示应急发[2024]1号\n");
    Files.createDirectories(src.resolve("content/documents"));
    Files.writeString(src.resolve("content/documents/orphan.pdf"), "%PDF");
    // --quiet drops warnings from the text, never from the JSON.
    Cli.Run r = Cli.run("validate", "-s", src.toString(), "--format", "json", "--quiet", "--lang", "en");
    assertEquals(ExitCodes.INPUT, r.exit(), r.err());
    JsonNode doc = valid(r);
    assertFalse(doc.get("ok").asBoolean());
    assertEquals(2, doc.at("/counts/errors").asInt(), r.out());
    assertEquals(2, doc.at("/counts/warnings").asInt(), r.out());
    assertEquals(0, doc.at("/counts/omitted").asInt());
    JsonNode list = doc.get("diagnostics");
    assertEquals(4, list.size(), r.out());

    JsonNode required = list.get(0); // sorted by location: line 2, column of 标题
    assertEquals("field-required", required.get("code").asText());
    assertEquals("catalogue/records/aqsc-01-01.csv:2:22", required.get("location").asText());
    assertEquals("catalogue/records/aqsc-01-01.csv", required.get("path").asText());
    assertEquals(2, required.get("line").asInt());
    assertEquals(22, required.get("column").asInt());
    assertTrue(required.get("text").isNull(), "an empty field has no offending text");
    assertEquals("必填字段“标题”为空", required.at("/message/zh-CN").asText(), "both languages whatever --lang says");
    assertEquals("required field 标题 (title) is empty", required.at("/message/en").asText());
    assertEquals("fill in 标题 (title)", required.at("/hint/en").asText());

    JsonNode date = list.get(1);
    assertEquals("date-invalid", date.get("code").asText());
    assertEquals("error", date.get("severity").asText());
    assertEquals("2024-02-30", date.get("text").asText());
    JsonNode docNo = list.get(2);
    assertEquals("warning", docNo.get("severity").asText());
    assertEquals("docno-brackets", docNo.get("code").asText());

    JsonNode orphan = list.get(3);
    assertEquals("file-unreferenced", orphan.get("code").asText());
    assertEquals("content/documents/orphan.pdf", orphan.get("location").asText());
    assertTrue(orphan.get("line").isNull() && orphan.get("column").isNull(), orphan.toString());
    assertTrue(orphan.get("text").isNull(), orphan.toString());
    assertFalse(r.err().contains("error["), "no text diagnostics: " + r.err());
  }

  @Test
  void diagnosticsBeyondTheLimitAreCountedAsOmitted(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    StringBuilder csv = new StringBuilder("索引号,标题,成文日期,发布日期,公开属性\n");
    for (int i = 1; i <= 520; i++) {
      csv.append(String.format("015583216/2024-%05d,通知,2024-03-01,2024-02-30,主动公开%n", i));
    }
    Files.writeString(src.resolve("catalogue/records/aqsc-01-01.csv"), csv);
    JsonNode doc = valid(Cli.run("validate", "-s", src.toString(), "--format", "json"));
    assertEquals(520, doc.at("/counts/errors").asInt());
    assertEquals(Diagnostics.DEFAULT_LIMIT, doc.get("diagnostics").size());
    assertEquals(520 - Diagnostics.DEFAULT_LIMIT, doc.at("/counts/omitted").asInt());
  }

  @Test
  void theSchemaTakesASpreadsheetCellAndRejectsWhatItDoesNotDescribe() throws IOException {
    Diagnostics diags = new Diagnostics();
    diags.report(Code.CELL_TYPE, new Location("catalogue/datasets/funds.csv", 3, 5), "abc", "金额", "abc", "number");
    ObjectNode doc = (ObjectNode) JSON.readTree(DiagnosticJson.write("validate", false, diags));
    assertEquals(List.of(), DiagnosticsSchema.violations(doc));

    ObjectNode cell = (ObjectNode) doc.get("diagnostics").get(0);
    cell.put("location", "救灾资金.xlsx!Sheet1!D37").put("path", "救灾资金.xlsx").put("sheet", "Sheet1")
        .put("cell", "D37").putNull("line").putNull("column");
    assertEquals(List.of(), DiagnosticsSchema.violations(doc), "the optional sheet and cell fit");

    for (String[] change : new String[][] {{"cell", "d37"}, {"severity", "fatal"}, {"code", "Date_Invalid"}}) {
      ObjectNode bad = doc.deepCopy();
      ((ObjectNode) bad.get("diagnostics").get(0)).put(change[0], change[1]);
      assertFalse(DiagnosticsSchema.violations(bad).isEmpty(), String.join("=", change));
    }
    ObjectNode extra = doc.deepCopy();
    ((ObjectNode) extra.get("diagnostics").get(0)).put("columnName", "金额");
    assertFalse(DiagnosticsSchema.violations(extra).isEmpty(), "an undocumented member");
    ObjectNode noHint = doc.deepCopy();
    ((ObjectNode) noHint.get("diagnostics").get(0)).remove("hint");
    assertFalse(DiagnosticsSchema.violations(noHint).isEmpty(), "hint is required (null when there is none)");
    ObjectNode zeroLine = doc.deepCopy();
    ((ObjectNode) zeroLine.get("diagnostics").get(0)).put("line", 0);
    assertFalse(DiagnosticsSchema.violations(zeroLine).isEmpty(), "an unknown line is null, not 0");
    ObjectNode nullHint = doc.deepCopy();
    ((ObjectNode) nullHint.get("diagnostics").get(0)).putNull("hint");
    assertEquals(List.of(), DiagnosticsSchema.violations(nullHint));
  }

  @Test
  void aBadWorkbookCellIsLocatedBySheetAndCellWithoutALine(@TempDir Path tmp) throws IOException {
    Path src = Txtar.read(Path.of("src/test/resources/invalid/_base.txtar")).writeTo(tmp.resolve("site"));
    Workbooks.book().sheet("Sheet1")
        .row(1, "2024年政策解读信息").merge("A1:F1")
        .row(2, "索引号", "标题", "发布机构", "成文日期", "发布日期", "公开属性")
        .row(3, "015583216/2024-00010", "《安全生产条例》解读", "测试县应急管理局", "2024-02-30", "2024-06-05", "主动公开")
        .done().sheet("第二批").row(4, "015583216/2024-00011").done()
        .save(src.resolve("catalogue/records/aqsc-01-02.xlsx"));

    Cli.Run r = Cli.run("validate", "-s", src.toString(), "--format", "json");

    assertEquals(ExitCodes.INPUT, r.exit(), r.err());
    JsonNode doc = valid(r);
    assertEquals(1, doc.at("/counts/errors").asInt(), r.out());
    JsonNode list = doc.get("diagnostics");
    assertEquals(2, list.size(), r.out());
    JsonNode date = list.get(0);
    assertEquals("date-invalid", date.get("code").asText());
    assertEquals("catalogue/records/aqsc-01-02.xlsx!Sheet1!D3", date.get("location").asText());
    assertEquals("catalogue/records/aqsc-01-02.xlsx", date.get("path").asText());
    assertEquals("Sheet1", date.get("sheet").asText());
    assertEquals("D3", date.get("cell").asText());
    assertTrue(date.get("line").isNull() && date.get("column").isNull(), "a workbook has no lines: " + date);
    assertEquals("2024-02-30", date.get("text").asText());
    JsonNode ignored = list.get(1);
    assertEquals("xlsx-sheet-ignored", ignored.get("code").asText());
    assertEquals("warning", ignored.get("severity").asText());
    assertEquals("第二批", ignored.get("sheet").asText());
    assertEquals("A4", ignored.get("cell").asText());
    assertEquals("catalogue/records/aqsc-01-02.xlsx!第二批!A4", ignored.get("location").asText());
  }

  @Test
  void aWholeSheetHasASheetButNoCellAndATextFileNeither() throws IOException {
    Diagnostics diags = new Diagnostics();
    diags.report(Code.FILE_EMPTY, Location.sheet("catalogue/datasets/funds.xlsx", "Sheet1"), "");
    diags.report(Code.CELL_TYPE, new Location("catalogue/datasets/grants.csv", 3, 5), "abc", "金额", "abc", "number");
    JsonNode doc = JSON.readTree(DiagnosticJson.write("build", false, diags));
    assertEquals(List.of(), DiagnosticsSchema.violations(doc));
    JsonNode sheet = doc.at("/diagnostics/0");
    assertEquals("catalogue/datasets/funds.xlsx!Sheet1", sheet.get("location").asText());
    assertEquals("Sheet1", sheet.get("sheet").asText());
    assertFalse(sheet.has("cell"), sheet.toString());
    assertTrue(sheet.get("line").isNull(), sheet.toString());
    JsonNode text = doc.at("/diagnostics/1");
    assertFalse(text.has("sheet") || text.has("cell"), text.toString());
    assertEquals(3, text.get("line").asInt());
  }

  @Test
  void anUnknownFormatIsAUsageError(@TempDir Path tmp) throws IOException {
    Cli.Run r = Cli.run("validate", "-s", site(tmp).toString(), "--format", "xml");
    assertEquals(ExitCodes.USAGE, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().contains("unknown format: xml (text, json, github)"), r.err());
  }
}
