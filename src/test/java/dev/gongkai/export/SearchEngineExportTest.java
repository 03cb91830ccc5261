package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.index.SearchDoc;
import dev.gongkai.index.SearchDocs;
import dev.gongkai.index.analysis.QueryAnalysis;
import dev.gongkai.index.analysis.SearchAnalyzer;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Site;
import dev.gongkai.testing.Txtar;
import dev.gongkai.validate.SiteValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The exports for OpenSearch / Elasticsearch and Solr ({@code search/engines/}) of a real build of the example: what
 * can be checked without a running engine. The bulk files are action/document pairs with exactly the search
 * documents' ids; the Solr files hold the same documents; nothing withheld is in them; the files are what the
 * manifest and SHA256SUMS say; the bytes do not depend on the input order; and the analysis chains the settings and
 * the schema declare, assembled from Lucene's own components (the ones OpenSearch and Solr wrap), produce the same
 * terms as the portal's analyzer on every document of the example.
 */
class SearchEngineExportTest {
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  static final String BASE = "https://yjj.example.gov.cn/";

  @TempDir static Path tmp;
  static Path out;
  static Path engines;
  static List<SearchDoc> docs;
  static JsonNode manifest;

  @BeforeAll
  static void build() throws IOException {
    out = tmp.resolve("public");
    BuildResult r = SiteBuild.run(new BuildRequest(DcatFixtures.EXAMPLE, out), Progress.NONE);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    engines = out.resolve(SearchEngineExport.DIR);
    docs = SearchDocs.of(DcatFixtures.site());
    manifest = JSON.readTree(engines.resolve("manifest.json").toFile());
  }

  /** The bulk files' lines, in manifest order. */
  static List<String> bulkLines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (JsonNode p : manifest.get("opensearch").get("bulk")) {
      String text = Files.readString(engines.resolve(p.get("path").asText()), StandardCharsets.UTF_8);
      assertTrue(text.endsWith("\n"), "every line ends in LF, the last one too (the Bulk API requires it)");
      lines.addAll(List.of(text.substring(0, text.length() - 1).split("\n", -1)));
    }
    return lines;
  }

  /** id → document, from the bulk files. */
  static Map<String, JsonNode> bulkDocs() throws IOException {
    List<String> lines = bulkLines();
    assertEquals(0, lines.size() % 2, "action and document lines come in pairs");
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i += 2) {
      JsonNode action = JSON.readTree(lines.get(i));
      JsonNode doc = JSON.readTree(lines.get(i + 1));
      assertEquals(1, action.size(), lines.get(i));
      JsonNode index = action.get("index");
      assertEquals(Set.of("_index", "_id"), fieldNames(index), lines.get(i));
      assertEquals("gongkai", index.get("_index").asText());
      String id = index.get("_id").asText();
      assertEquals(id, doc.get("id").asText(), "the document after an action is the one it names");
      assertTrue(byId.put(id, doc) == null, "duplicate id " + id);
    }
    return byId;
  }

  static Set<String> fieldNames(JsonNode n) {
    Set<String> names = new TreeSet<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void bulkFilesHoldEverySearchDocumentOnceSortedById() throws IOException {
    Map<String, JsonNode> bulk = bulkDocs();
    Set<String> expected = docs.stream().map(SearchDoc::id).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected.size(), docs.size(), "SearchDocs ids are unique");
    assertEquals(new ArrayList<>(expected), new ArrayList<>(bulk.keySet()), "the same ids, sorted");
    assertEquals(docs.size(), manifest.get("documents").asInt());
    assertTrue(docs.stream().map(SearchDoc::kind).collect(Collectors.toSet()).containsAll(
        List.of("record", "dataset", "page")), "records, datasets and pages (incidents are pages)");
  }

  @Test
  void documentsCarryTheSearchDocumentFields() throws IOException {
    Map<String, JsonNode> bulk = bulkDocs();
    List<String> order = SearchEngineExport.FIELDS.stream().map(SearchEngineExport.Field::name).toList();
    for (SearchDoc d : docs) {
      JsonNode j = bulk.get(d.id());
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put("id", d.id());
      expected.put("kind", d.kind());
      expected.put("title", d.title());
      expected.put("number", d.number());
      expected.put("body", d.body());
      expected.put("url", XmlSupport.absolute(BASE, d.url()));
      expected.put("date", d.date());
      expected.put("year", d.year());
      expected.put("domain", d.domain());
      expected.put("item", d.item());
      expected.put("agency", d.agency());
      expected.put("validity", d.validity());
      expected.values().removeIf(String::isBlank);
      Map<String, String> actual = new LinkedHashMap<>();
      j.fields().forEachRemaining(e -> {
        assertTrue(e.getValue().isTextual(), d.id() + "." + e.getKey() + " is a string");
        actual.put(e.getKey(), e.getValue().asText());
      });
      String url = actual.get("url");
      assertTrue(url.startsWith(BASE) && URI.create(url).isAbsolute(), "an absolute URI: " + url);
      assertEquals(expected, actual, d.id());
      assertEquals(order.stream().filter(actual::containsKey).toList(), new ArrayList<>(actual.keySet()),
          "fields in the documented order");
      if (actual.containsKey("date")) LocalDate.parse(actual.get("date")); // ISO 8601 calendar date
    }
    assertTrue(docs.stream().anyMatch(d -> d.kind().equals("record") && !d.validity().isBlank()
        && !d.domain().isBlank() && !d.number().isBlank() && !d.date().isBlank()), "facets are exercised");
  }

  @Test
  void solrFilesHoldTheSameDocumentsWithInstants() throws IOException {
    Map<String, JsonNode> bulk = bulkDocs();
    Map<String, JsonNode> solr = new LinkedHashMap<>();
    for (JsonNode p : manifest.get("solr").get("docs")) {
      JsonNode array = JSON.readTree(engines.resolve(p.get("path").asText()).toFile());
      assertTrue(array.isArray(), "Solr's /update takes a JSON array of documents");
      assertEquals(p.get("documents").asInt(), array.size());
      for (JsonNode d : array) assertTrue(solr.put(d.get("id").asText(), d) == null);
    }
    assertEquals(new ArrayList<>(bulk.keySet()), new ArrayList<>(solr.keySet()));
    for (var e : bulk.entrySet()) {
      JsonNode s = solr.get(e.getKey()).deepCopy();
      if (s.has("date")) {
        String instant = s.get("date").asText();
        assertEquals(Instant.parse(instant).toString().substring(0, 10) + "T00:00:00Z", instant);
        assertEquals(e.getValue().get("date").asText() + "T00:00:00Z", instant);
        ((com.fasterxml.jackson.databind.node.ObjectNode) s).put("date", e.getValue().get("date").asText());
      }
      assertEquals(e.getValue(), s, e.getKey());
    }
  }

  @Test
  void manifestAndChecksumsListExactlyTheFilesWritten() throws IOException {
    Set<String> expected = new TreeSet<>(List.of("manifest.json", "README.txt", "opensearch/mapping.json",
        "opensearch/mapping-stock.json", "solr/conf/schema.xml", "solr/conf/solrconfig.xml"));
    for (String kind : List.of("opensearch/bulk", "solr/docs")) {
      JsonNode parts = kind.startsWith("o") ? manifest.get("opensearch").get("bulk") : manifest.get("solr").get("docs");
      assertFalse(parts.isEmpty());
      int n = 0;
      int documents = 0;
      for (JsonNode p : parts) {
        String path = p.get("path").asText();
        assertEquals(String.format(java.util.Locale.ROOT, "%s-%04d.%s", kind, ++n,
            kind.startsWith("o") ? "ndjson" : "json"), path);
        byte[] data = Files.readAllBytes(engines.resolve(path));
        assertEquals(data.length, p.get("bytes").asLong(), path);
        assertEquals(Checksums.sha256(data), p.get("sha256").asText(), path);
        assertTrue(data.length <= manifest.get("partMaxBytes").asLong(), path);
        documents += p.get("documents").asInt();
        expected.add(path);
      }
      assertEquals(docs.size(), documents);
    }
    Set<String> actual;
    try (Stream<Path> s = Files.walk(engines)) {
      actual = s.filter(Files::isRegularFile).map(p -> engines.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(expected, actual);
    Map<String, String> sums = new TreeMap<>();
    for (String line : Files.readAllLines(out.resolve("SHA256SUMS"))) sums.put(line.substring(66), line.substring(0, 64));
    for (String f : actual) {
      String site = SearchEngineExport.DIR + f;
      assertEquals(Checksums.sha256(Files.readAllBytes(out.resolve(site))), sums.get(site), "SHA256SUMS: " + site);
    }
    assertEquals(Map.of("title", 3.0, "number", 2.0, "body", 1.0),
        JSON.convertValue(manifest.get("boosts"), Map.class));
  }

  @Test
  void theOpenDataPageLinksTheExport() throws IOException {
    String page = Files.readString(out.resolve("data/index.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("href=\"../search/engines/README.txt\""), "data page links the README");
    assertTrue(page.contains("href=\"../search/engines/manifest.json\""), "data page links the manifest");
  }

  @Test
  void nothingWithheldIsExported() throws IOException {
    Site all = DcatFixtures.validated();
    List<DisclosureRecord> withheld =
        all.records().stream().filter(r -> r.disclosure() != Disclosure.ACTIVE).toList();
    try (Stream<Path> s = Files.walk(engines)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        DcatFixtures.assertNothingWithheld(p.toString(), text);
        for (DisclosureRecord r : withheld) {
          String line = r.markdown().lines().map(String::strip).filter(l -> l.length() > 12).findFirst().orElse("");
          assertFalse(!line.isEmpty() && text.contains(line), p + " has the body of withheld " + r.indexNo());
        }
      }
    }
  }

  /** On-request records listed on /apply/ (listOnRequest) and withheld ones stay out; one published is in. */
  @Test
  void onRequestAndWithheldRecordsStayOutOfASmallSite(@TempDir Path dir) throws IOException {
    Path src = Txtar.parse("""
        -- catalogue/site.json --
        {"title": "站", "agency": "局", "baseUrl": "https://x.example/", "regionCode": "530199",
         "options": {"listOnRequest": true}}
        -- catalogue/catalogue.csv --
        编码,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
        aqsc-01-01,安全生产,政策文件,法律法规,法律,条例,20个工作日内,局,政府网站,全社会,主动,县级
        -- catalogue/records/aqsc-01-01.csv --
        索引号,标题,成文日期,发布日期,公开属性,正文
        015583216/2024-00001,关于做好汛期值班工作的通知,2024-03-01,2024-03-05,主动公开,请各单位做好值班。
        015583216/2024-88801,金丝猴保护区内部巡查纪要,2024-03-01,2024-03-05,不予公开,巡查发现七号哨所附近有非法采伐痕迹。
        015583216/2024-88802,尾矿库隐患排查台账,2024-03-01,2024-03-05,依申请公开,台账记载坝体渗漏三处待整改。
        """).writeTo(dir.resolve("site"));
    Path built = dir.resolve("public");
    BuildResult r = SiteBuild.run(new BuildRequest(src, built), Progress.NONE);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    assertTrue(Files.readString(built.resolve("apply/index.html")).contains("尾矿库隐患排查台账"),
        "the on-request record is listed on /apply/ (so leaving it out of the export is a real choice)");
    String bulk = Files.readString(built.resolve(SearchEngineExport.DIR + "opensearch/bulk-0001.ndjson"));
    String solr = Files.readString(built.resolve(SearchEngineExport.DIR + "solr/docs-0001.json"));
    for (String text : List.of(bulk, solr)) {
      assertTrue(text.contains("关于做好汛期值班工作的通知"));
      assertTrue(text.contains("\"url\":\"https://x.example/records/"));
      for (String needle : List.of("88801", "88802", "金丝猴", "尾矿库", "七号哨所", "坝体渗漏")) {
        assertFalse(text.contains(needle), needle);
      }
    }
  }

  @Test
  void bytesDependOnTheSetOfDocumentsOnly() {
    List<ExportFile> once = SearchEngineExport.build(docs, BASE);
    List<SearchDoc> shuffled = new ArrayList<>(docs);
    Collections.shuffle(shuffled, new Random(7));
    List<ExportFile> again = SearchEngineExport.build(shuffled, BASE);
    assertEquals(once.size(), again.size());
    for (int i = 0; i < once.size(); i++) {
      assertEquals(once.get(i).path(), again.get(i).path());
      assertArrayEquals(once.get(i).data(), again.get(i).data(), once.get(i).path());
    }
    List<SearchDoc> dup = new ArrayList<>(docs);
    dup.add(docs.get(3));
    assertThrows(IllegalArgumentException.class, () -> SearchEngineExport.build(dup, BASE));
  }

  @Test
  void partsAreHandedOverAsTheyAreCompleted() throws IOException {
    long limit = 16 * 1024;
    List<String> order = new ArrayList<>();
    Map<String, byte[]> streamed = new java.util.TreeMap<>();
    SearchEnginePatch.Layout layout = SearchEngineExport.write(docs, BASE, limit, (f, sha) -> {
      assertEquals(dev.gongkai.export.Checksums.sha256(f.data()), sha, f.path());
      order.add(f.path());
      streamed.put(f.path(), f.data());
    });
    Map<String, byte[]> built = byPath(SearchEngineExport.build(docs, BASE, limit));
    assertEquals(built.keySet(), streamed.keySet());
    for (String p : built.keySet()) assertArrayEquals(built.get(p), streamed.get(p), p);
    assertTrue(layout.bulk().size() > 2 && layout.solr().size() > 2, "several parts: " + order);
    // Not all of one format before the other: a part goes out when it is full, while the rest are being encoded.
    int firstSolr = order.indexOf(SearchEngineExport.DIR + String.format(SearchEngineExport.SOLR_PATTERN, 1));
    int lastBulk = order.indexOf(SearchEngineExport.DIR
        + String.format(SearchEngineExport.BULK_PATTERN, layout.bulk().size()));
    assertTrue(firstSolr < lastBulk, order.toString());
  }

  @Test
  void largeExportsAreSplitIntoPartsUnderTheLimit() throws IOException {
    long limit = 16 * 1024;
    Map<String, byte[]> whole = byPath(SearchEngineExport.build(docs, BASE));
    Map<String, byte[]> split = byPath(SearchEngineExport.build(docs, BASE, limit));
    JsonNode m = JSON.readTree(split.get(SearchEngineExport.DIR + "manifest.json"));
    assertEquals(limit, m.get("partMaxBytes").asLong());
    StringBuilder bulk = new StringBuilder();
    List<JsonNode> solr = new ArrayList<>();
    int bulkParts = 0;
    for (JsonNode p : m.get("opensearch").get("bulk")) {
      byte[] data = split.get(SearchEngineExport.DIR + p.get("path").asText());
      assertTrue(data.length <= limit || p.get("documents").asInt() == 1, p.toString());
      bulk.append(new String(data, StandardCharsets.UTF_8));
      bulkParts++;
    }
    assertTrue(bulkParts > 5, "the example is split: " + bulkParts);
    for (JsonNode p : m.get("solr").get("docs")) {
      byte[] data = split.get(SearchEngineExport.DIR + p.get("path").asText());
      assertTrue(data.length <= limit || p.get("documents").asInt() == 1, p.toString());
      JSON.readTree(data).forEach(solr::add);
    }
    assertEquals(new String(whole.get(SearchEngineExport.DIR + "opensearch/bulk-0001.ndjson"),
        StandardCharsets.UTF_8), bulk.toString(), "the parts are the whole file, cut between documents");
    List<JsonNode> solrWhole = new ArrayList<>();
    JSON.readTree(whole.get(SearchEngineExport.DIR + "solr/docs-0001.json")).forEach(solrWhole::add);
    assertEquals(solrWhole, solr);
    // A document bigger than the limit gets a part of its own rather than failing the build.
    Map<String, byte[]> tiny = byPath(SearchEngineExport.build(docs.subList(0, 3), BASE, 10));
    assertTrue(tiny.containsKey(SearchEngineExport.DIR + "opensearch/bulk-0003.ndjson"));
    assertFalse(tiny.containsKey(SearchEngineExport.DIR + "opensearch/bulk-0004.ndjson"));
  }

  static Map<String, byte[]> byPath(List<ExportFile> files) {
    Map<String, byte[]> m = new TreeMap<>();
    for (ExportFile f : files) m.put(f.path(), f.data());
    return m;
  }

  // ---- settings and schema -------------------------------------------------------------------------------------

  @Test
  void openSearchMappingsDeclareEveryDocumentFieldWithItsType() throws IOException {
    Set<String> docFields = new TreeSet<>();
    for (JsonNode d : bulkDocs().values()) docFields.addAll(fieldNames(d));
    for (String name : List.of("mapping.json", "mapping-stock.json")) {
      JsonNode m = JSON.readTree(engines.resolve("opensearch/" + name).toFile());
      assertEquals(Set.of("settings", "mappings"), fieldNames(m), name);
      JsonNode mappings = m.get("mappings");
      assertEquals("strict", mappings.get("dynamic").asText(), "a field the mapping lacks is an error, not a guess");
      JsonNode props = mappings.get("properties");
      assertEquals(docFields, fieldNames(props), name + ": the mapping has exactly the documents' fields");
      JsonNode analyzers = m.get("settings").get("analysis").get("analyzer");
      assertEquals(Set.of("gongkai", "gongkai_query"), fieldNames(analyzers), name);
      for (String f : List.of("title", "number", "body")) {
        assertEquals("text", props.get(f).get("type").asText());
        assertEquals("gongkai", props.get(f).get("analyzer").asText());
        assertEquals("gongkai_query", props.get(f).get("search_analyzer").asText());
      }
      for (String f : List.of("id", "kind", "year", "domain", "item", "agency", "validity")) {
        assertEquals("keyword", props.get(f).get("type").asText(), f);
      }
      assertEquals("date", props.get("date").get("type").asText());
      assertFalse(props.get("url").get("index").asBoolean(true));
    }
    JsonNode icu = JSON.readTree(engines.resolve("opensearch/mapping.json").toFile()).get("settings").get("analysis");
    assertEquals("icu_normalizer", icu.get("char_filter").get("gongkai_nfkc_cf").get("type").asText());
    assertEquals("nfkc_cf", icu.get("char_filter").get("gongkai_nfkc_cf").get("name").asText());
    assertEquals("Traditional-Simplified", icu.get("filter").get("gongkai_t2s").get("id").asText());
    assertTrue(icu.get("filter").get("gongkai_bigrams").get("output_unigrams").asBoolean());
  }

  @Test
  void solrSchemaIsWellFormedAndDeclaresEveryField() throws Exception {
    Document schema = xml(engines.resolve("solr/conf/schema.xml"));
    assertEquals("schema", schema.getDocumentElement().getTagName());
    assertEquals("id", text(schema, "uniqueKey"));
    Map<String, String> types = new TreeMap<>();
    NodeList ft = schema.getElementsByTagName("fieldType");
    for (int i = 0; i < ft.getLength(); i++) {
      Element e = (Element) ft.item(i);
      types.put(e.getAttribute("name"), e.getAttribute("class"));
    }
    assertEquals(Map.of("string", "solr.StrField", "plong", "solr.LongPointField", "pdate", "solr.DatePointField",
        "text_gongkai", "solr.TextField"), types);
    Map<String, String> fields = new TreeMap<>();
    NodeList fl = schema.getElementsByTagName("field");
    for (int i = 0; i < fl.getLength(); i++) {
      Element e = (Element) fl.item(i);
      fields.put(e.getAttribute("name"), e.getAttribute("type"));
    }
    Set<String> docFields = new TreeSet<>();
    for (JsonNode d : bulkDocs().values()) docFields.addAll(fieldNames(d));
    docFields.add("_version_");
    assertEquals(docFields, fields.keySet(), "the schema has exactly the documents' fields (and _version_)");
    assertEquals("text_gongkai", fields.get("body"));
    assertEquals("pdate", fields.get("date"));
    assertEquals("string", fields.get("agency"));
    String schemaText = Files.readString(engines.resolve("solr/conf/schema.xml"));
    for (String factory : List.of("solr.ICUNormalizer2CharFilterFactory", "solr.ICUTransformFilterFactory",
        "solr.CJKBigramFilterFactory", "solr.StandardTokenizerFactory")) {
      assertTrue(schemaText.contains(factory), factory);
    }
    Document config = xml(engines.resolve("solr/conf/solrconfig.xml"));
    assertEquals("config", config.getDocumentElement().getTagName());
    assertTrue(Files.readString(engines.resolve("solr/conf/solrconfig.xml")).contains(
        "<str name=\"qf\">title^3 number^2 body</str>"), "the portal's boosts");
    for (String param : List.of("<str name=\"q.op\">AND</str>", "<str name=\"sow\">true</str>",
        "<str name=\"tie\">1.0</str>")) {
      assertTrue(Files.readString(engines.resolve("solr/conf/solrconfig.xml")).contains(param),
          "the portal's query structure: " + param);
    }
  }

  static Document xml(Path p) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(p)));
  }

  static String text(Document d, String tag) {
    return d.getElementsByTagName(tag).item(0).getTextContent().strip();
  }

  /** Texts on which the engines must analyze exactly as the portal: folding, brackets, digits, Latin, kana. */
  static final List<String> SAMPLES = List.of(
      "應急管理局關於做好汛期值班工作的通知", "示应急发〔2024〕12号", "示应急[2024]12号 （2024） 【2024】",
      "ＧＢ２０２４ 第１号 12号 Straße İstanbul ﬁle", "① ㈠ ㎡ ｶﾀｶﾅ ひらがな 한국어", "救灾资金下拨 Emergency-Plan v2.0",
      "乾隆 後來 發展 臺灣 鬱");

  /**
   * The example's texts (every searched field of every document), the samples, and every CJK ideograph (unified,
   * extension A, compatibility, the supplementary compatibility block) alone: ICU's transform on a one-character
   * token must give what our character table gives.
   */
  static List<String> texts() {
    List<String> texts = new ArrayList<>(SAMPLES);
    StringBuilder every = new StringBuilder();
    for (int cp = 0x3400; cp <= 0x2FA1F; cp++) {
      if (Character.isIdeographic(cp) && (cp <= 0xFAFF || cp >= 0x2F800)) every.appendCodePoint(cp).append(' ');
    }
    texts.add(every.toString());
    for (SearchDoc d : docs) texts.addAll(List.of(d.title(), d.number(), d.body()));
    return texts;
  }

  @Test
  void theOpenSearchAnalyzersIndexAsThePortalDoes() throws IOException {
    for (String name : List.of("mapping.json", "mapping-stock.json")) {
      JsonNode analysis = JSON.readTree(engines.resolve("opensearch/" + name).toFile()).get("settings").get("analysis");
      try (Analyzer ours = new SearchAnalyzer(); Analyzer theirs = openSearch(analysis, "gongkai");
           Analyzer query = openSearch(analysis, "gongkai_query")) {
        for (String t : texts()) assertEquals(terms(ours, t), terms(theirs, t), name + ": " + t);
        for (String q : List.of("救灾资金", "應急 预案", "第1号", "示应急〔2024〕12号", "ｇｂ", "应急x", "灾")) {
          assertEquals(queryTerms(q), plain(terms(query, q)), name + " query: " + q);
        }
      }
    }
  }

  @Test
  void theSolrAnalyzersIndexAsThePortalDoes() throws Exception {
    Document schema = xml(engines.resolve("solr/conf/schema.xml"));
    NodeList analyzers = schema.getElementsByTagName("analyzer");
    assertEquals(2, analyzers.getLength());
    try (Analyzer ours = new SearchAnalyzer(); Analyzer index = solr((Element) analyzers.item(0));
         Analyzer query = solr((Element) analyzers.item(1))) {
      assertEquals("index", ((Element) analyzers.item(0)).getAttribute("type"));
      assertEquals("query", ((Element) analyzers.item(1)).getAttribute("type"));
      for (String t : texts()) assertEquals(terms(ours, t), terms(index, t), t);
      for (String q : List.of("救灾资金", "應急 预案", "第1号", "示应急〔2024〕12号", "ｇｂ", "应急x", "灾")) {
        assertEquals(queryTerms(q), plain(terms(query, q)), "query: " + q);
      }
    }
  }

  @Test
  void theInterpretersNoticeAChangedChain() throws IOException {
    // The comparison above can fail: the stock chain without its fold table misses Traditional characters.
    JsonNode analysis = JSON.readTree(engines.resolve("opensearch/mapping-stock.json").toFile())
        .get("settings").get("analysis").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) analysis.get("char_filter").get("gongkai_fold"))
        .putArray("mappings").add("A=>a");
    try (Analyzer ours = new SearchAnalyzer(); Analyzer broken = openSearch(analysis, "gongkai")) {
      assertFalse(terms(ours, "應急").equals(terms(broken, "應急")));
    }
  }

  /** The terms the portal's query analysis keeps, in order (bigrams and uncovered unigrams). */
  static List<String> queryTerms(String q) {
    try (Analyzer a = new SearchAnalyzer()) {
      List<String> out = new ArrayList<>();
      for (List<QueryAnalysis.Term> part : QueryAnalysis.parts(a, q)) part.forEach(t -> out.add(t.text()));
      return out;
    }
  }

  static List<String> plain(List<String> termsAtPositions) {
    return termsAtPositions.stream().map(t -> t.substring(t.indexOf('@') + 1)).toList();
  }

  /** Every token as {@code position@term}. */
  static List<String> terms(Analyzer a, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(pos + "@" + term);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  // ---- the engines' analysis, assembled from the Lucene components they wrap ------------------------------------

  /**
   * An analyzer as OpenSearch builds it from {@code settings.analysis}, for the component types the export uses
   * (anything else fails the test): {@code icu_normalizer}, {@code mapping} (rules parsed as OpenSearch's
   * MappingCharFilterFactory does: {@code (.*)\s*=>\s*(.*)\s*$}, both sides trimmed and unescaped), {@code standard},
   * {@code icu_transform}, {@code cjk_bigram}.
   */
  static Analyzer openSearch(JsonNode analysis, String name) {
    JsonNode def = analysis.get("analyzer").get(name);
    assertEquals("custom", def.get("type").asText());
    assertEquals("standard", def.get("tokenizer").asText());
    List<java.util.function.Function<Reader, Reader>> chars = new ArrayList<>();
    for (JsonNode c : def.get("char_filter")) {
      JsonNode cf = analysis.get("char_filter").get(c.asText());
      switch (cf.get("type").asText()) {
        case "icu_normalizer" -> {
          Normalizer2 n = Normalizer2.getInstance(null, cf.get("name").asText(),
              cf.get("mode").asText().equals("compose") ? Normalizer2.Mode.COMPOSE : Normalizer2.Mode.DECOMPOSE);
          chars.add(r -> new ICUNormalizer2CharFilter(r, n));
        }
        case "mapping" -> {
          NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
          for (JsonNode rule : cf.get("mappings")) {
            Matcher m = RULE.matcher(rule.asText());
            assertTrue(m.find(), "invalid mapping rule: " + rule);
            b.add(unescape(m.group(1).trim()), unescape(m.group(2).trim()));
          }
          NormalizeCharMap map = b.build();
          chars.add(r -> new MappingCharFilter(map, r));
        }
        default -> throw new AssertionError("char filter type not interpreted: " + cf);
      }
    }
    List<java.util.function.Function<TokenStream, TokenStream>> filters = new ArrayList<>();
    for (JsonNode f : def.get("filter")) {
      JsonNode tf = analysis.get("filter").get(f.asText());
      switch (tf.get("type").asText()) {
        case "icu_transform" -> {
          Transliterator t = Transliterator.getInstance(tf.get("id").asText());
          filters.add(ts -> new ICUTransformFilter(ts, t));
        }
        case "cjk_bigram" -> {
          assertFalse(tf.has("ignored_scripts"));
          boolean unigrams = tf.get("output_unigrams").asBoolean();
          filters.add(ts -> new CJKBigramFilter(ts, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
              | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams));
        }
        default -> throw new AssertionError("token filter type not interpreted: " + tf);
      }
    }
    return new Analyzer() {
      @Override
      protected Reader initReader(String field, Reader reader) {
        for (var c : chars) reader = c.apply(reader);
        return reader;
      }

      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = source;
        for (var f : filters) ts = f.apply(ts);
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  static final Pattern RULE = Pattern.compile("(.*)\\s*=>\\s*(.*)\\s*$");

  /** Backslash escapes as OpenSearch's mapping rules read them: \\, \", \', \n, \t, \r, \b, \f, \\uXXXX. */
  static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        default -> b.append(e);
      }
    }
    return b.toString();
  }

  /**
   * A Solr {@code <analyzer>} built with Lucene's factories (Solr's {@code solr.X} names are Lucene's classes). As in
   * Solr 9, a {@code name} attribute is the factory's SPI name, never one of its parameters.
   */
  static Analyzer solr(Element analyzer) throws IOException {
    CustomAnalyzer.Builder b = CustomAnalyzer.builder(new ClasspathResourceLoader(SearchEngineExportTest.class));
    NodeList children = analyzer.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (!(children.item(i) instanceof Element e)) continue;
      String cls = e.getAttribute("class");
      assertTrue(cls.startsWith("solr."), cls);
      String simple = cls.substring("solr.".length());
      Map<String, String> args = new HashMap<>();
      NamedNodeMap attrs = e.getAttributes();
      for (int a = 0; a < attrs.getLength(); a++) {
        String attr = attrs.item(a).getNodeName();
        if (attr.equals("name")) throw new AssertionError("Solr reads name= as the SPI name: " + cls);
        if (!attr.equals("class")) args.put(attr, attrs.item(a).getNodeValue());
      }
      switch (e.getTagName()) {
        case "charFilter" -> b.addCharFilter(find(CharFilterFactory.availableCharFilters(), CharFilterFactory::lookupClass, simple), args);
        case "tokenizer" -> b.withTokenizer(find(TokenizerFactory.availableTokenizers(), TokenizerFactory::lookupClass, simple), args);
        case "filter" -> b.addTokenFilter(find(TokenFilterFactory.availableTokenFilters(), TokenFilterFactory::lookupClass, simple), args);
        default -> throw new AssertionError("unexpected element " + e.getTagName());
      }
    }
    return b.build();
  }

  static <T> Class<? extends T> find(Set<String> names, java.util.function.Function<String, Class<? extends T>> lookup,
      String simpleName) {
    for (String n : names) {
      Class<? extends T> c = lookup.apply(n);
      if (c.getSimpleName().equals(simpleName)) return c;
    }
    throw new AssertionError("no Lucene factory " + simpleName);
  }

  /** Text that JSON escapes, a key-like sequence in the body, CJK, and surrogates paired and unpaired. */
  private static final String[] PIECES = {
    "应急", "管理", "\"", "\\", ",\"date\":\"2024-01-01\"", "\n", "\t", "\u0001", "\u2028", "é", "T00:00:00Z", " ",
    "a", "\uD83D\uDE00", "\uD83D", "\uDE00"
  };

  @Test
  void entriesEncodedOnceAreTheBytesOfTheStringPath() {
    java.util.Random rnd = new java.util.Random(3);
    int[] withSurrogates = {0, 0};
    for (int n = 0; n < 5_000; n++) {
      int pieces = rnd.nextBoolean() ? PIECES.length : PIECES.length - 3; // the last three have surrogates
      String date = rnd.nextInt(4) == 0 ? "" : "20" + (10 + rnd.nextInt(17)) + "-0" + (1 + rnd.nextInt(9)) + "-1"
          + rnd.nextInt(10);
      SearchDoc d = new SearchDoc("r:" + text(rnd, 3, pieces), rnd.nextBoolean() ? "record" : "page",
          text(rnd, 6, pieces), rnd.nextBoolean() ? "" : text(rnd, 3, pieces), text(rnd, 40, pieces),
          "records/" + n + "/", date, date.isEmpty() ? "" : date.substring(0, 4), rnd.nextBoolean() ? "" : "aqsc",
          text(rnd, 1, pieces), text(rnd, 2, pieces), rnd.nextBoolean() ? "" : "有效", "");
      String url = "https://example.gov.cn/records/" + n + "/";
      SearchEngineExport.Entry fast = SearchEngineExport.entry(d, "https://example.gov.cn/");
      SearchEngineExport.Entry ref = SearchEngineExport.entryFromStrings(d, url);
      assertEquals(ref.id(), fast.id());
      assertEquals(escaped(ref.bulk()), escaped(fast.bulk()));
      assertEquals(escaped(ref.solr()), escaped(fast.solr()));
      withSurrogates[d.toString().chars().anyMatch(c -> Character.isSurrogate((char) c)) ? 1 : 0]++;
    }
    assertTrue(withSurrogates[0] > 1000 && withSurrogates[1] > 1000, () -> java.util.Arrays.toString(withSurrogates));
  }

  /** The bytes as text, non-ASCII bytes in hex (a failure shows where they differ). */
  private static String escaped(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) s.append(x >= 0x20 && x < 0x7F ? Character.toString(x) : String.format("<%02X>", x & 0xFF));
    return s.toString();
  }

  /** {@code pieces} random pieces of the first {@code of} of {@link #PIECES}. */
  private static String text(java.util.Random rnd, int pieces, int of) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pieces; i++) b.append(PIECES[rnd.nextInt(of)]);
    return b.toString();
  }
}
