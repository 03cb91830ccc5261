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
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.Incident;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.SiteConfig;
import dev.gongkai.testing.Txtar;
import dev.gongkai.validate.SiteValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
 * CAP 1.2 alerts: every file validates against the OASIS CAP 1.2 schema vendored in {@code src/test/resources/cap/}
 * (offline: the schema imports nothing; its XML-signature wildcard is {@code lax}), and carries the incident's data.
 * Checked on the bundled example's incident and on a small inline site built end to end with an active incident
 * with updates, an active one without, and ended ones (two sharing a file name).
 */
class CapExportTest {
  static final Txtar BASE = readBase();

  /** Incidents over the {@code invalid/_base.txtar} site. */
  static final String INCIDENTS = """
      -- content/incidents/typhoon.md --
      title=台风“海燕”<紧急> & 转移
      type=incident
      level=红
      start=2025-09-01 06:00
      state=进行中
      event=台风
      category=met；Geo
      ~~~~~~
      **台风**正在逼近，请远离海边。
      -- content/incidents/typhoon/01.md --
      title=台风登陆
      type=incident-update
      incident=incidents/typhoon
      time=2025-09-01 08:00
      category=基本情况
      ~~~~~~
      台风于8时登陆。
      -- content/incidents/typhoon/02.md --
      title=转移群众 <1200> 人 & 开放安置点
      type=incident-update
      incident=incidents/typhoon
      time=2025-09-01 12:30
      category=转移安置
      ~~~~~~
      ## 安置点

      - 第一中学
      - 文体广场

      | 乡镇 | 人数 |
      |---|---|
      | 城关镇 | 800 |

      详见[公告](https://yjj.test.example/a?x=1&y=2)。<script>alert(1)</script>
      -- content/incidents/fire.md --
      title=城关镇森林火情
      type=incident
      level=蓝
      start=2025-03-01 10:00
      state=进行中
      ~~~~~~
      -- content/incidents/2024/landslide.md --
      title=石门镇山体滑坡
      type=incident
      level=黄
      start=2024-06-01 09:00
      state=已结束
      ~~~~~~
      滑坡已处置完毕。
      -- content/old/fire.md --
      title=2023年河口镇火灾
      type=incident
      level=橙
      start=2023-04-02 14:00
      state=已结束
      ~~~~~~
      火灾已扑灭。
      """;

  @TempDir static Path tmp;
  static Path site;
  static Path out;
  static BuildResult result;
  static PublishedSite published;
  static Schema schema;

  static Txtar readBase() {
    try {
      return Txtar.read(Path.of("src/test/resources/invalid/_base.txtar"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void buildTheFixture() throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    URL url = CapExportTest.class.getResource("/cap/CAP-v1.2.xsd");
    schema = f.newSchema(url);

    site = Txtar.parse(INCIDENTS.stripIndent()).over(BASE).writeTo(tmp.resolve("site"));
    out = tmp.resolve("public");
    result = SiteBuild.run(new BuildRequest(site, out), Progress.NONE);
    assertTrue(result.ok(), () -> result.diagnostics().sorted().toString());
    published = load(site);
  }

  static PublishedSite load(Path root) throws IOException {
    Diagnostics d = new Diagnostics();
    return DisclosureGate.apply(SiteValidator.validate(InputLoader.load(new SourceTree(root), d), d)
        .orElseThrow(() -> new AssertionError(d.sorted().toString())));
  }

  static void validate(byte[] xml, String name) throws Exception {
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml), name));
  }

  static Element root(byte[] xml) throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    Element r = doc.getDocumentElement();
    assertEquals(CapExport.NS, r.getNamespaceURI());
    assertEquals("alert", r.getLocalName());
    return r;
  }

  /** The text of every element {@code name} under {@code e}, in document order. */
  static List<String> all(Element e, String name) {
    NodeList l = e.getElementsByTagNameNS(CapExport.NS, name);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < l.getLength(); i++) out.add(l.item(i).getTextContent());
    return out;
  }

  static String one(Element e, String name) {
    List<String> v = all(e, name);
    assertEquals(1, v.size(), name + ": " + v);
    return v.get(0);
  }

  static Incident incident(PublishedSite s, String key) {
    return s.incidents().stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
  }

  static byte[] written(String path) throws IOException {
    return Files.readAllBytes(out.resolve(path));
  }

  @Test
  void theVendoredSchemaIsTheRecordedCap12Copy() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/cap/CAP-v1.2.xsd")) {
      byte[] b = in.readAllBytes();
      assertEquals("f6c6ed7537a463968b7b36110f7e8bba1f86ad2257a8b84619d7dce530e57401",
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)));
      String text = new String(b, StandardCharsets.UTF_8);
      assertTrue(text.contains("targetNamespace=\"urn:oasis:names:tc:emergency:cap:1.2\""));
      assertTrue(text.contains("Copyright OASIS Open 2010"));
    }
  }

  @Test
  void theSchemaRejectsWhatCapForbids() throws Exception {
    // The validator really validates: a message with a wrong severity, or a sent time without its offset, fails.
    byte[] good = written("alerts/typhoon.cap.xml");
    validate(good, "typhoon");
    String s = new String(good, StandardCharsets.UTF_8);
    for (String bad : List.of(s.replace("<severity>Extreme<", "<severity>Huge<"),
        s.replaceFirst("<sent>([^<]*)\\+08:00</sent>", "<sent>$1</sent>"),
        s.replace("<scope>Public</scope>", ""))) {
      assertThrows(org.xml.sax.SAXException.class, () -> validate(bad.getBytes(StandardCharsets.UTF_8), "bad"));
    }
  }

  @Test
  void theExampleIncidentGivesAValidClosingUpdate() throws Exception {
    PublishedSite s = DcatFixtures.site();
    List<ExportFile> files = CapExport.build(s);
    assertEquals(s.incidents().size(), files.size());
    assertTrue(files.size() >= 1, "the example has an incident");
    Incident flood = incident(s, "incidents/2025-flood");
    ExportFile f = files.stream().filter(x -> x.path().equals("alerts/2025-flood.cap.xml")).findFirst().orElseThrow();
    assertEquals("application/cap+xml", f.mediaType());
    validate(f.data(), f.path());
    Element a = root(f.data());

    LocalDateTime newest = flood.updates().stream().map(Incident.Update::time).max(LocalDateTime::compareTo)
        .orElseThrow();
    assertEquals(LocalDateTime.of(2025, 7, 28, 18, 0), newest);
    assertEquals("2025-07-28T18:00:00+08:00", one(a, "sent"));
    assertEquals("yjj.example.gov.cn", one(a, "sender"));
    assertEquals("yjj.example.gov.cn/incidents/2025-flood/20250728T180000/ended", one(a, "identifier"));
    assertEquals("Actual", one(a, "status"));
    assertEquals("Update", one(a, "msgType"), "已结束: a closing Update, not Cancel");
    assertEquals("Public", one(a, "scope"));
    assertEquals("yjj.example.gov.cn/incidents/2025-flood", one(a, "incidents"));

    // The thread: the start and every distinct update time, oldest first, each sender,identifier,sent.
    TreeSet<LocalDateTime> times = new TreeSet<>();
    times.add(flood.start());
    flood.updates().forEach(u -> times.add(u.time()));
    String[] refs = one(a, "references").split(" ");
    assertEquals(times.size(), refs.length);
    int k = 0;
    for (LocalDateTime t : times) {
      String sent = t.toString().length() == 16 ? t + ":00+08:00" : t + "+08:00";
      assertEquals("yjj.example.gov.cn,yjj.example.gov.cn/incidents/2025-flood/"
          + t.format(java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss")) + "," + sent, refs[k++]);
    }

    assertEquals("zh-CN", one(a, "language"));
    assertEquals(List.of("Met"), all(a, "category"), "from the incident's category= header");
    assertEquals("暴雨洪涝", one(a, "event"));
    assertEquals("AllClear", one(a, "responseType"));
    assertEquals("Past", one(a, "urgency"));
    assertEquals("Severe", one(a, "severity"), "橙 → Severe");
    assertEquals("Observed", one(a, "certainty"));
    assertEquals("2025-07-16T05:40:00+08:00", one(a, "onset"));
    assertEquals(s.config().agency(), one(a, "senderName"));
    assertEquals(flood.title() + "（已结束）", one(a, "headline"));
    assertEquals(s.config().baseUrl() + "incidents/2025-flood/", one(a, "web"));
    assertEquals(s.config().agency() + "：" + s.config().contact().phone(), one(a, "contact"));
    String description = one(a, "description");
    assertTrue(description.startsWith("【2025-07-28 18:00 救灾进展】终止自然灾害救助Ⅲ级应急响应"), description);
    assertTrue(description.contains("事件概况：\n2025年7月16日凌晨起"), description);
    assertTrue(description.contains("\n相关信息\n"), "a heading as a line of text: " + description);
    assertFalse(description.contains("##") || description.contains("<"), description);
    assertEquals(List.of("预警级别", "GB/T 2260"), all(a, "valueName"));
    assertEquals(List.of("橙色", s.config().regionCode()), all(a, "value"));
    assertEquals("530199", s.config().regionCode());
    assertEquals(s.config().agency() + "辖区", one(a, "areaDesc"));
  }

  @Test
  void everyIncidentOfTheBuiltSiteHasAValidAlertListedInTheChecksums() throws Exception {
    String sums = Files.readString(out.resolve("SHA256SUMS"), StandardCharsets.UTF_8);
    Map<String, String> paths = Map.of(
        "incidents/typhoon", "alerts/typhoon.cap.xml",
        "incidents/2024/landslide", "alerts/landslide.cap.xml",
        "incidents/fire", "alerts/incidents/fire.cap.xml",
        "old/fire", "alerts/old/fire.cap.xml");
    assertEquals(paths.keySet(), published.incidents().stream().map(Incident::key).collect(Collectors.toSet()));
    for (Incident i : published.incidents()) {
      String p = paths.get(i.key());
      assertEquals(p, CapExport.path(i, published.incidents()));
      byte[] b = written(p);
      validate(b, p);
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
      assertTrue(sums.contains(hash + "  " + p + "\n"), p + " in SHA256SUMS");
      Element a = root(b);
      assertEquals(List.of("530199"), all(a, "value").subList(1, 2), "geocode = the site's regionCode");
      assertTrue(one(a, "identifier").matches("[^\\s,<&]+"), "CAP forbids spaces, commas, < and & in identifiers");
      for (String ref : all(a, "references")) {
        for (String triple : ref.split(" ")) assertEquals(3, triple.split(",").length, triple);
      }
    }
    try (var s = Files.walk(out.resolve("alerts"))) {
      assertEquals(4, s.filter(Files::isRegularFile).count(), "one file per incident, nothing else");
    }
  }

  @Test
  void anActiveIncidentWithUpdatesIsAnUpdateSentAtItsNewestUpdate() throws Exception {
    Element a = root(written("alerts/typhoon.cap.xml"));
    assertEquals("yjj.test.example", one(a, "sender"));
    assertEquals("2025-09-01T12:30:00+08:00", one(a, "sent"), "the newest update's time, China time");
    assertEquals("yjj.test.example/incidents/typhoon/20250901T123000", one(a, "identifier"));
    assertEquals("Update", one(a, "msgType"));
    assertEquals("yjj.test.example,yjj.test.example/incidents/typhoon/20250901T060000,2025-09-01T06:00:00+08:00 "
        + "yjj.test.example,yjj.test.example/incidents/typhoon/20250901T080000,2025-09-01T08:00:00+08:00",
        one(a, "references"));
    assertEquals(List.of("Met", "Geo"), all(a, "category"), "category=met；Geo, in the standard's spelling");
    assertEquals("台风", one(a, "event"));
    assertEquals("Monitor", one(a, "responseType"));
    assertEquals("Immediate", one(a, "urgency"));
    assertEquals("Extreme", one(a, "severity"));
    assertEquals("2025-09-01T06:00:00+08:00", one(a, "onset"));
    assertEquals("台风“海燕”<紧急> & 转移", one(a, "headline"), "escaped, and read back as written");
    assertEquals("https://yjj.test.example/incidents/typhoon/", one(a, "web"));
    assertEquals("测试县应急管理局：0871-6500000", one(a, "contact"));
    assertTrue(one(a, "instruction").contains("0871-6500000"));
    assertEquals("""
        【2025-09-01 12:30 转移安置】转移群众 <1200> 人 & 开放安置点
        安置点

        - 第一中学
        - 文体广场

        乡镇 | 人数
        城关镇 | 800

        详见公告。

        事件概况：
        台风正在逼近，请远离海边。""", one(a, "description"), "Markdown as text; the script dropped");
    String raw = new String(written("alerts/typhoon.cap.xml"), StandardCharsets.UTF_8);
    assertTrue(raw.contains("<headline>台风“海燕”&lt;紧急&gt; &amp; 转移</headline>"), raw);
    assertFalse(raw.contains("<script") || raw.contains("alert(1)"), raw);
  }

  @Test
  void anActiveIncidentWithoutUpdatesIsTheFirstAlert() throws Exception {
    Element a = root(written("alerts/incidents/fire.cap.xml"));
    assertEquals("Alert", one(a, "msgType"));
    assertEquals(List.of(), all(a, "references"));
    assertEquals("2025-03-01T10:00:00+08:00", one(a, "sent"));
    assertEquals("yjj.test.example/incidents/fire/20250301T100000", one(a, "identifier"));
    assertEquals(List.of("Safety"), all(a, "category"), "default category");
    assertEquals("突发事件", one(a, "event"), "default event");
    assertEquals("Minor", one(a, "severity"));
    assertEquals("城关镇森林火情", one(a, "description"), "no text at all: the title");
  }

  @Test
  void anEndedIncidentIsAClosingUpdateReferencingItsThread() throws Exception {
    Element a = root(written("alerts/landslide.cap.xml"));
    assertEquals("Update", one(a, "msgType"));
    assertEquals("2024-06-01T09:00:00+08:00", one(a, "sent"));
    assertEquals("yjj.test.example/incidents/2024/landslide/20240601T090000/ended", one(a, "identifier"));
    assertEquals("yjj.test.example,yjj.test.example/incidents/2024/landslide/20240601T090000,"
        + "2024-06-01T09:00:00+08:00", one(a, "references"));
    assertEquals("Past", one(a, "urgency"));
    assertEquals("AllClear", one(a, "responseType"));
    assertEquals("Moderate", one(a, "severity"));
    assertEquals("石门镇山体滑坡（已结束）", one(a, "headline"));
    assertEquals("滑坡已处置完毕。", one(a, "description"));
  }

  @Test
  void theIncidentPageLinksItsAlert() throws Exception {
    String page = Files.readString(out.resolve("incidents/typhoon/index.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("<a href=\"../../alerts/typhoon.cap.xml\" type=\"application/cap+xml\">"
        + "CAP 预警信息（XML）</a>"), page);
    String nested = Files.readString(out.resolve("old/fire/index.html"), StandardCharsets.UTF_8);
    assertTrue(nested.contains("href=\"../../alerts/old/fire.cap.xml\""), nested);
    assertTrue(Files.isRegularFile(out.resolve("old/fire/").resolve("../../alerts/old/fire.cap.xml").normalize()));
  }

  @Test
  void severityFollowsTheWarningLevel() throws Exception {
    SiteConfig config = published.config();
    Map<String, String> expected = Map.of("蓝", "Minor", "黄", "Moderate", "橙", "Severe", "红", "Extreme");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Incident i = new Incident("incidents/x", "incidents/x/", "事件", e.getKey(), LocalDateTime.of(2025, 1, 2, 3, 4),
          "进行中", LocalDate.of(2025, 1, 2), "", List.of());
      assertEquals(e.getValue(), CapExport.alert(config, i).info().severity(), e.getKey());
      byte[] xml = CapExport.xml(CapExport.alert(config, i));
      validate(xml, e.getKey());
      assertEquals(e.getValue(), one(root(xml), "severity"));
      assertEquals(e.getKey() + "色", all(root(xml), "value").get(0));
    }
    assertEquals("Unknown", CapExport.severity("紫"));
  }

  @Test
  void identifiersKeepToCapsCharactersWhateverTheFileName() throws Exception {
    Incident i = new Incident("incidents/暴雨 灾害,1&<x>", "incidents/暴雨 灾害,1&<x>/", "事件", "黄",
        LocalDateTime.of(2025, 1, 2, 3, 4, 5), "进行中", null, "", List.of());
    CapExport.Alert a = CapExport.alert(published.config(), i);
    assertEquals("yjj.test.example/incidents/%E6%9A%B4%E9%9B%A8%20%E7%81%BE%E5%AE%B3%2C1%26%3Cx%3E/20250102T030405",
        a.identifier());
    assertEquals("2025-01-02T03:04:05+08:00", a.sent());
    validate(CapExport.xml(a), "odd key");
  }

  @Test
  void theOutputIsTheSameBytesEveryTime() throws Exception {
    List<ExportFile> first = CapExport.build(published);
    List<ExportFile> second = CapExport.build(load(site));
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i).path(), second.get(i).path());
      assertArrayEquals(first.get(i).data(), second.get(i).data(), first.get(i).path());
      assertArrayEquals(written(first.get(i).path()), first.get(i).data(), "the build wrote what the export gives");
    }
  }

  @Test
  void aMissingOrMalformedRegionCodeIsALocatedErrorAndNoAlertIsWritten(@TempDir Path t) throws Exception {
    String json = BASE.files().get("catalogue/site.json");
    Map<String, String> cases = Map.of(
        "invalid", json.replace("\"530199\"", "\"5301\""),
        "missing", json.replace("  \"regionCode\": \"530199\",\n", ""));
    for (Map.Entry<String, String> c : cases.entrySet()) {
      assertFalse(c.getValue().equals(json), c.getKey());
      Path src = Txtar.parse(INCIDENTS.stripIndent() + "-- catalogue/site.json --\n" + c.getValue()).over(BASE)
          .writeTo(t.resolve(c.getKey()));
      Path o = t.resolve(c.getKey() + "-out");
      BuildResult r = SiteBuild.run(new BuildRequest(src, o), Progress.NONE);
      assertFalse(r.ok(), c.getKey());
      List<Diagnostic> errors = r.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
      assertEquals(1, errors.size(), () -> errors.toString());
      Diagnostic d = errors.get(0);
      assertEquals("catalogue/site.json", d.location().path());
      assertTrue(d.messageZh().contains("regionCode") && d.messageEn().contains("regionCode"), d.toString());
      if (c.getKey().equals("invalid")) {
        assertEquals("config-invalid", d.code().id());
        int line = List.of(c.getValue().split("\n")).indexOf("  \"regionCode\": \"5301\",") + 1;
        assertEquals(line, d.location().line(), "at the regionCode line");
        assertEquals(3, d.location().column());
        assertTrue(d.hintEn().contains("6-digit"), d.hintEn());
      } else {
        assertEquals("field-required", d.code().id());
      }
      assertFalse(Files.exists(o.resolve("alerts")), "nothing written");
    }
    SiteConfig bad = new SiteConfig("t", "a", "https://x.example/", "5301", List.of("zh-CN"),
        new SiteConfig.Contact("", "", "", ""), new SiteConfig.Options("UTF-8", 20, false, ""));
    Incident i = published.incidents().get(0);
    assertThrows(IllegalArgumentException.class, () -> CapExport.alert(bad, i));
  }

  @Test
  void anUnknownCategoryIsALocatedError(@TempDir Path t) throws Exception {
    Path src = Txtar.parse("""
        -- content/incidents/quake.md --
        title=地震
        type=incident
        level=黄
        start=2025-01-01 01:00
        category=Met;Earthquake
        ~~~~~~
        """).over(BASE).writeTo(t.resolve("site"));
    BuildResult r = SiteBuild.run(new BuildRequest(src, t.resolve("out")), Progress.NONE);
    assertFalse(r.ok());
    List<Diagnostic> errors = r.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), () -> errors.toString());
    assertEquals("enum-unknown", errors.get(0).code().id());
    assertEquals("content/incidents/quake.md", errors.get(0).location().path());
    assertEquals(5, errors.get(0).location().line());
    assertTrue(errors.get(0).messageEn().contains("Earthquake"), errors.get(0).messageEn());
    assertTrue(errors.get(0).hintEn().contains("Met") && errors.get(0).hintEn().contains("CBRNE"));
  }

  @Test
  void plainTextKeepsParagraphsAndDropsMarkup() {
    assertEquals("标题\n\n段落一 加粗 与 链接。\n\n- 甲\n- 乙", CapExport.plainText("""
        # 标题

        段落一 **加粗** 与 [链接](x.md)。

        * 甲
        * 乙
        """));
    assertEquals("", CapExport.plainText(""));
    assertEquals("a < b & c", CapExport.plainText("a < b & c"));
  }
}
