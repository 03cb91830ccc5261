package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.testing.Cli;
import dev.gongkai.testing.Txtar;
import dev.gongkai.testing.Workbooks;
import dev.gongkai.validate.RecordValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TemplateCommandTest {
  private static final List<String> HEADERS =
      RecordValidator.COLUMNS.columns().stream().map(c -> c.zh()).toList();

  private static Path site(Path tmp) throws IOException {
    return Txtar.read(Path.of("src/test/resources/invalid/_base.txtar")).writeTo(tmp.resolve("site"));
  }

  private static Cli.Run template(Path src, String... args) {
    List<String> all = new ArrayList<>(List.of("template", "--source", src.toString()));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  @Test
  void aTemplateFilledInAsAUserWouldBuildsAndItsRecordsArePublished(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Path dir = tmp.resolve("templates");
    Cli.Run run = template(src, "aqsc-01-02", "-o", dir.toString());
    assertEquals(0, run.exit(), run.err());
    Path file = dir.resolve("aqsc-01-02.xlsx");
    assertEquals(file.toString(), run.out().strip());

    // Opened and saved by another implementation, rows typed below the example: a typed date (a date cell), a
    // date typed as text, values picked from the drop-downs.
    Workbooks.open(file).sheet("政府信息")
        .row(3, "015583216/2025-00020", "《汛期安全生产工作方案》政策解读", "", LocalDate.of(2025, 5, 6),
            LocalDate.of(2025, 5, 8), "", "安全生产监管", "有效", "主动公开", "全社会", "aqsc-01-02",
            "一、出台背景……")
        .row(4, "015583216/2025-00021", "《防汛抢险预案》政策解读", null, "2025年5月7日", "2025/5/9", null, null, null,
            "主动公开")
        .row(5, "015583216/2025-00022", "内部解读材料", null, "2025-05-07", "2025-05-09", null, null, null, "不予公开")
        .done().save(src.resolve("catalogue/records/aqsc-01-02.xlsx"));
    Path out = tmp.resolve("public");

    Cli.Run build = Cli.run("build", "--source", src.toString(), "--out", out.toString());

    assertEquals(0, build.exit(), build.err());
    assertFalse(build.err().contains("warning["), "the 说明 sheet is not read: " + build.err());
    String page = Files.readString(out.resolve("records/015583216-2025-00020/index.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("《汛期安全生产工作方案》政策解读") && page.contains("2025-05-06"), page);
    String second = Files.readString(out.resolve("records/015583216-2025-00021/index.html"), StandardCharsets.UTF_8);
    assertTrue(second.contains("2025-05-07") && second.contains("2025-05-09"), second);
    assertFalse(Files.exists(out.resolve("records/015583216-2025-00022")), "不予公开 is never published");
    // The example row passes validation as it is (the publisher is told to rewrite or delete it).
    String example = Files.readString(out.resolve("records/530199-2025-00001/index.html"), StandardCharsets.UTF_8);
    assertTrue(example.contains("测试县应急管理局关于做好2025年政策解读相关工作的通知"), example);
  }

  @Test
  void theWorkbookHasNotesDropDownsAFrozenHeaderAndInstructions(@TempDir Path tmp) throws Exception {
    Path src = site(tmp);
    assertEquals(0, template(src, "jz-01-01", "-o", tmp.toString()).exit());
    Path file = tmp.resolve("jz-01-01.xlsx");

    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
      assertEquals(List.of("政府信息", "说明"), wb.getSheets().map(s -> s.getName()).toList());
      var rows = wb.getFirstSheet().read();
      assertEquals(HEADERS, rows.get(0).stream().map(c -> c.getText()).toList());
      assertEquals("530199/2025-00001", rows.get(1).getCellText(0));
    }
    Map<String, String> validations = new LinkedHashMap<>();
    Document sheet = xml(file, "xl/worksheets/sheet1.xml");
    NodeList dv = sheet.getElementsByTagName("dataValidation");
    for (int i = 0; i < dv.getLength(); i++) {
      Element e = (Element) dv.item(i);
      assertEquals("list", e.getAttribute("type"));
      validations.put(e.getAttribute("sqref") + " " + e.getAttribute("errorStyle"),
          e.getElementsByTagName("formula1").item(0).getTextContent());
    }
    String codes = validations.remove("K2:K5001 warning");
    assertEquals(Map.of(
        "H2:H5001 stop", "\"有效,失效,废止\"",
        "I2:I5001 stop", "\"主动公开,依申请公开,不予公开\"",
        "J2:J5001 information", "\"全社会,特定群体\""), validations);
    // 事项: the item codes listed on the notes sheet.
    assertTrue(codes != null && codes.matches("'说明'!\\$A\\$(\\d+):\\$A\\$(\\d+)"), String.valueOf(codes));
    int first = Integer.parseInt(codes.replaceAll(".*\\$A\\$(\\d+):.*", "$1"));
    int last = Integer.parseInt(codes.replaceAll(".*:\\$A\\$(\\d+)", "$1"));
    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
      List<String> listed = new ArrayList<>();
      for (var row : wb.findSheet("说明").orElseThrow().read()) {
        if (row.getRowNum() >= first && row.getRowNum() <= last) listed.add(row.getCellText(0));
      }
      assertEquals(List.of("aqsc-01-01", "aqsc-01-02", "jz-01-01"), listed);
    }
    Element pane = (Element) sheet.getElementsByTagName("pane").item(0);
    assertEquals("1", pane.getAttribute("ySplit").replace(".0", ""));
    assertEquals("frozen", pane.getAttribute("state"));

    Document comments = xml(file, "xl/comments1.xml");
    NodeList cs = comments.getElementsByTagName("comment");
    Map<String, String> notes = new LinkedHashMap<>();
    for (int i = 0; i < cs.getLength(); i++) {
      Element e = (Element) cs.item(i);
      notes.put(e.getAttribute("ref"), e.getTextContent());
    }
    assertEquals(HEADERS.size() + 1, notes.size(), notes.toString()); // every header, and the example row
    for (int c = 0; c < HEADERS.size(); c++) {
      String ref = dev.gongkai.diag.Location.columnLetters(c + 1) + "1";
      assertTrue(notes.getOrDefault(ref, "").startsWith(HEADERS.get(c)), ref + ": " + notes.get(ref));
    }
    assertTrue(notes.get("D1").contains("2025-03-05"), notes.get("D1"));
    assertTrue(notes.get("A2").contains("示例"), notes.get("A2"));
  }

  @Test
  void existingFilesAreNotOverwrittenWithoutForce(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Path file = tmp.resolve("aqsc-01-01.xlsx");
    Files.writeString(file, "mine");

    Cli.Run run = template(src, "aqsc-01-01", "jz-01-01", "-o", tmp.toString());
    assertEquals(ExitCodes.USAGE, run.exit(), run.err());
    assertTrue(run.err().contains("file exists: " + file), run.err());
    assertEquals("mine", Files.readString(file));
    assertFalse(Files.exists(tmp.resolve("jz-01-01.xlsx")), "nothing is written when one file exists");

    assertEquals(0, template(src, "aqsc-01-01", "-o", tmp.toString(), "--force").exit());
    assertTrue(Files.size(file) > 1000);
  }

  @Test
  void usageAndInputErrorsHaveTheirExitCodes(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    assertEquals(ExitCodes.USAGE, template(src).exit());
    assertEquals(ExitCodes.USAGE, template(src, "aqsc-01-01", "--all").exit());
    assertEquals(ExitCodes.USAGE, template(src, "--all", "--format", "ods").exit());
    Cli.Run unknown = template(src, "aqsc-09-09", "-o", tmp.toString());
    assertEquals(ExitCodes.USAGE, unknown.exit());
    assertTrue(unknown.err().contains("aqsc-09-09") && unknown.err().contains("jz-01-01"), unknown.err());
    assertEquals(ExitCodes.USAGE, template(tmp.resolve("nowhere"), "--all").exit());

    Files.writeString(src.resolve("catalogue/catalogue.csv"), "编码,领域\naqsc-01-01,安全生产\n");
    Cli.Run broken = template(src, "--all", "-o", tmp.toString());
    assertEquals(ExitCodes.INPUT, broken.exit());
    assertTrue(broken.err().contains("catalogue/catalogue.csv:1:1: error[header-missing]"), broken.err());
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of("site"), s.map(p -> p.getFileName().toString()).toList(), "nothing written");
    }
  }

  @Test
  void allItemsGetOneTemplateEachWithTheSameBytesEveryTime(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    assertEquals(0, template(src, "--all", "-o", tmp.resolve("a").toString()).exit());
    assertEquals(0, template(src, "--all", "-o", tmp.resolve("b").toString(), "-q").exit());
    for (String code : List.of("aqsc-01-01", "aqsc-01-02", "jz-01-01")) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("a/" + code + ".xlsx")),
          Files.readAllBytes(tmp.resolve("b/" + code + ".xlsx")), code);
    }
    try (ZipFile zip = new ZipFile(tmp.resolve("a/jz-01-01.xlsx").toFile())) {
      zip.stream().forEach(e -> assertEquals(java.time.LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName()));
      String core = new String(zip.getInputStream(zip.getEntry("docProps/core.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertFalse(core.contains("dcterms:created") || core.contains("dcterms:modified"), core);
    }
  }

  @Test
  void csvTemplatesAreInTheSitesEncodingAndBuild(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Path records = src.resolve("catalogue/records");
    assertEquals(0, template(src, "jz-01-01", "--format", "csv", "-o", records.toString()).exit());
    byte[] utf8 = Files.readAllBytes(records.resolve("jz-01-01.csv"));
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(utf8, 3));
    String text = new String(utf8, 3, utf8.length - 3, StandardCharsets.UTF_8);
    assertTrue(text.startsWith(String.join(",", HEADERS) + "\r\n530199/2025-00001,"), text);
    assertEquals(2, text.split("\r\n").length);
    assertEquals(0, Cli.run("validate", "--source", src.toString()).exit());

    // A site that reads its CSV as GB18030 gets GB18030, without a byte order mark.
    Path site = src.resolve("catalogue/site.json");
    Files.writeString(site, Files.readString(site).replace("\"contact\"", "\"options\": {\"encoding\": \"GB18030\"}, \"contact\""));
    assertEquals(0, template(src, "jz-01-01", "--format", "CSV", "-o", records.toString(), "--force").exit());
    byte[] gb = Files.readAllBytes(records.resolve("jz-01-01.csv"));
    assertEquals(text, new String(gb, Charset.forName("GB18030")));
    assertFalse(new String(gb, StandardCharsets.UTF_8).contains("索引号"), "not UTF-8");
    Cli.Run v = Cli.run("validate", "--source", src.toString());
    assertEquals(0, v.exit(), v.err());
  }

  private static Document xml(Path xlsx, String entry) throws Exception {
    try (ZipFile zip = new ZipFile(xlsx.toFile()); InputStream in = zip.getInputStream(zip.getEntry(entry))) {
      byte[] data = in.readAllBytes();
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(data));
    }
  }
}
