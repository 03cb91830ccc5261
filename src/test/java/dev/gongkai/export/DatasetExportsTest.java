package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.Site;
import dev.gongkai.render.Views;
import dev.gongkai.validate.SiteValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dataset exports of the bundled example (every published dataset, every item's record list and the catalogue):
 * all formats, sizes and hashes, round trips through every format, text cells in XLSX, the BOM variant, nothing
 * withheld, reproducible bytes; plus small inline tables for the edge cases.
 */
class DatasetExportsTest {
  static final Path EXAMPLE = Path.of("").toAbsolutePath();
  static final Provenance PROVENANCE =
      new Provenance("gongkai test", "0123456789abcdef0123456789abcdef01234567", Instant.parse("2026-01-10T08:30:00Z"));
  static final List<String> SUFFIXES = List.of(".csv", ".excel.csv", ".xlsx", ".json", ".ndjson");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The example and its exports, built once per JVM for every dataset test class. */
  private static final class Example {
    static final Site SITE = exampleSite();
    static final PublishedSite PUBLISHED = DisclosureGate.apply(SITE);
    static final DatasetExports.Result RESULT = DatasetExports.build(PUBLISHED, PROVENANCE);
    static final Map<String, byte[]> FILES = filesOf(RESULT);
  }

  private Site site;
  private PublishedSite published;
  private DatasetExports.Result result;
  private Map<String, byte[]> files;

  @BeforeEach
  void example() {
    site = Example.SITE;
    published = Example.PUBLISHED;
    result = Example.RESULT;
    files = Example.FILES;
  }

  /** The validated example at the repository root (withheld records included). */
  static Site exampleSite() {
    try {
      Diagnostics d = new Diagnostics();
      Site s = SiteValidator.validate(InputLoader.load(new SourceTree(EXAMPLE), d), d).orElseThrow();
      assertFalse(d.hasErrors(), "the example validates");
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, byte[]> filesOf(DatasetExports.Result r) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (ExportFile f : r.files()) assertNullPrevious(m.put(f.path(), f.data()), f.path());
    return m;
  }

  private static void assertNullPrevious(Object previous, String path) {
    assertEquals(null, previous, "written twice: " + path);
  }

  @Test
  void everyDatasetItemListAndTheCatalogueIsExported() {
    Set<String> expected = new TreeSet<>();
    for (Dataset ds : published.datasets()) expected.add(ds.id());
    for (CatalogueItem item : published.catalogue().items()) {
      if (!published.byItem().get(item.code()).isEmpty()) expected.add("records-" + item.code());
    }
    expected.add("catalogue");
    List<String> ids = result.datasets().stream().map(DatasetInfo::id).toList();
    assertEquals(List.copyOf(expected), ids, "datasets in id order");
    assertEquals(5, published.datasets().size());
    assertTrue(ids.stream().filter(i -> i.startsWith("records-")).count() >= 20, ids::toString);
    assertEquals(expected, result.downloads().keySet());
    assertEquals(expected.size() * 6, result.files().size());
  }

  @Test
  void everyDatasetHasAllFormatsWithMatchingSizesAndHashes() throws IOException {
    for (DatasetInfo info : result.datasets()) {
      String id = info.id();
      String dir = "data/" + id + "/";
      List<String> paths = new ArrayList<>();
      for (String s : SUFFIXES) paths.add(dir + id + s);
      paths.add(dir + "datapackage.json");

      List<Views.Download> downloads = result.downloads().get(id);
      assertEquals(paths, downloads.stream().map(Views.Download::path).toList(), id);
      assertEquals(List.of("CSV", "CSV（Excel 版，带 BOM）", "XLSX", "JSON", "NDJSON", "数据包描述 datapackage.json"),
          downloads.stream().map(Views.Download::format).toList());
      assertEquals(paths, info.distributions().stream().map(DatasetInfo.Distribution::path).toList(), id);
      for (int i = 0; i < paths.size(); i++) {
        byte[] data = files.get(paths.get(i));
        assertNotNull(data, paths.get(i));
        assertTrue(data.length > 0, paths.get(i));
        Views.Download d = downloads.get(i);
        assertEquals(data.length, d.size(), d.path());
        assertEquals(DatasetExports.sha256(data), d.sha256(), d.path());
        DatasetInfo.Distribution dist = info.distributions().get(i);
        assertEquals(data.length, dist.size(), dist.path());
        assertEquals(DatasetExports.sha256(data), dist.sha256(), dist.path());
        assertEquals(d.mediaType(), dist.mediaType());
      }

      JsonNode dp = JSON.readTree(files.get(dir + "datapackage.json"));
      assertEquals("https://datapackage.org/profiles/2.0/datapackage.json", dp.get("$schema").asText());
      assertEquals(id, dp.get("name").asText());
      assertEquals(info.title(), dp.get("title").asText());
      assertEquals("2026-01-10T08:30:00Z", dp.get("created").asText());
      assertEquals("gongkai test", dp.get("gongkai:generator").asText());
      assertEquals(PROVENANCE.commit(), dp.get("gongkai:commit").asText());
      assertEquals(5, dp.get("resources").size(), id);
      for (JsonNode r : dp.get("resources")) {
        byte[] data = files.get(dir + r.get("path").asText());
        assertNotNull(data, r.get("path").asText());
        assertEquals(data.length, r.get("bytes").asLong(), r.get("path").asText());
        assertEquals("sha256:" + DatasetExports.sha256(data), r.get("hash").asText(), r.get("path").asText());
        assertEquals("table", r.get("type").asText());
        JsonNode schema = r.get("schema");
        assertEquals("https://datapackage.org/profiles/2.0/tableschema.json", schema.get("$schema").asText());
        assertEquals(names(id), fieldNames(schema), id);
      }
    }
  }

  @Test
  void datasetInfoDatesAndPages() {
    Map<String, DatasetInfo> byId = new LinkedHashMap<>();
    result.datasets().forEach(i -> byId.put(i.id(), i));
    for (Dataset ds : published.datasets()) {
      DatasetInfo info = byId.get(ds.id());
      assertEquals(ds.published(), info.issued());
      assertEquals(ds.published(), info.modified());
      assertEquals(ds.url(), info.pageUrl());
      assertEquals(ds.itemCode(), info.itemCode());
    }
    for (CatalogueItem item : published.catalogue().items()) {
      List<DisclosureRecord> rs = published.byItem().get(item.code());
      if (rs.isEmpty()) continue;
      DatasetInfo info = byId.get("records-" + item.code());
      LocalDate min = rs.stream().map(DisclosureRecord::published).min(LocalDate::compareTo).orElseThrow();
      LocalDate max = rs.stream().map(DisclosureRecord::published).max(LocalDate::compareTo).orElseThrow();
      assertEquals(min, info.issued(), item.code());
      assertEquals(max, info.modified(), item.code());
      assertEquals(item.url(), info.pageUrl());
      assertEquals(item.code(), info.itemCode());
    }
    DatasetInfo cat = byId.get("catalogue");
    assertEquals(published.lastUpdated(), cat.issued());
    assertEquals(published.lastUpdated(), cat.modified());
    assertEquals("", cat.pageUrl());
    assertEquals("", cat.itemCode());
  }

  @Test
  void recordListsHoldThePublishedRecordsNewestFirstWithAbsoluteLinks() throws IOException {
    for (CatalogueItem item : published.catalogue().items()) {
      List<DisclosureRecord> rs = published.byItem().get(item.code());
      if (rs.isEmpty()) continue;
      String id = "records-" + item.code();
      List<List<String>> rows = csvRows(files.get("data/" + id + "/" + id + ".csv"));
      assertEquals(List.of("索引号", "标题", "发布机构", "成文日期", "发布日期", "文号", "主题分类", "有效性", "公开方式",
          "事项编码", "链接"), rows.get(0));
      assertEquals(rs.size(), rows.size() - 1, id);
      for (int i = 0; i < rs.size(); i++) {
        DisclosureRecord r = rs.get(i);
        assertEquals(List.of(r.indexNo(), r.title(), r.agency(), r.written().toString(), r.published().toString(),
            r.docNo(), r.subject(), r.validity().label(), "主动公开", item.code(),
            "https://yjj.example.gov.cn/" + r.url()), rows.get(i + 1));
      }
    }
    List<List<String>> cat = csvRows(files.get("data/catalogue/catalogue.csv"));
    assertEquals(published.catalogue().items().size() + 1, cat.size());
    assertEquals(List.of("编码", "领域", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体",
        "公开渠道和载体", "公开对象", "公开方式", "公开层级"), cat.get(0));
    CatalogueItem first = published.catalogue().items().get(0);
    assertEquals(first.code(), cat.get(1).get(0));
    assertEquals(String.join("；", first.channels()), cat.get(1).get(8));
    assertTrue(cat.get(1).get(8).contains("；"), "channels joined with ；");
  }

  @Test
  void everyFormatRoundTripsToTheSameRows() throws IOException {
    for (DatasetTable t : DatasetExports.tables(published)) {
      String base = "data/" + t.id() + "/" + t.id();
      List<List<String>> expected = normalised(t, t.rows());

      List<List<String>> csv = csvRows(files.get(base + ".csv"));
      assertEquals(t.names(), csv.get(0), t.id());
      assertEquals(expected, normalised(t, csv.subList(1, csv.size())), t.id() + " csv");

      JsonNode json = JSON.readTree(files.get(base + ".json"));
      assertEquals(t.id(), json.get("name").asText());
      assertEquals(t.title(), json.get("title").asText());
      assertEquals(expected, jsonRows(t, json.get("rows")), t.id() + " json");

      String nd = new String(files.get(base + ".ndjson"), StandardCharsets.UTF_8);
      assertTrue(nd.isEmpty() || nd.endsWith("\n"));
      assertFalse(nd.contains("\r"));
      List<JsonNode> lines = new ArrayList<>();
      for (String line : nd.split("\n")) if (!line.isEmpty()) lines.add(JSON.readTree(line));
      assertEquals(expected, jsonRows(t, JSON.valueToTree(lines)), t.id() + " ndjson");

      assertEquals(expected, xlsxRows(t, files.get(base + ".xlsx")), t.id() + " xlsx");
    }
  }

  @Test
  void jsonHasNumbersForNumericColumnsAndNullForEmptyCells() throws IOException {
    JsonNode rows = JSON.readTree(files.get("data/relief-funds-2025/relief-funds-2025.json")).get("rows");
    JsonNode first = rows.get(0);
    assertTrue(first.get("序号").isIntegralNumber(), first.toString());
    assertTrue(first.get("金额").isNumber(), first.toString());
    assertTrue(first.get("乡镇").isTextual());
    assertEquals("2025-05-07", first.get("下拨日期").asText());
    List<String> keys = new ArrayList<>();
    first.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("序号", "乡镇", "资金类别", "金额", "下拨日期", "文号"), keys, "keys in column order");

    DatasetTable t = DatasetTable.of("t", "T", "", "", "", null, null, "", List.of(
        new Dataset.Column("a", "", "integer", "", "", ""), new Dataset.Column("b", "", "string", "", "", "")),
        List.of(), List.of(List.of("", "x"), List.of("007", "")));
    JsonNode j = JSON.readTree(JsonWriter.json(t));
    assertTrue(j.get("rows").get(0).get("a").isNull());
    assertEquals(7, j.get("rows").get(1).get("a").asInt());
    assertTrue(j.get("rows").get(1).get("b").isNull());
    assertEquals("{\"name\":\"t\",\"title\":\"T\",\"rows\":[\n{\"a\":null,\"b\":\"x\"},\n{\"a\":7,\"b\":null}\n]}\n",
        new String(JsonWriter.json(t), StandardCharsets.UTF_8));
    assertEquals("{\"a\":null,\"b\":\"x\"}\n{\"a\":7,\"b\":null}\n", new String(JsonWriter.ndjson(t), StandardCharsets.UTF_8));
    DatasetTable empty = DatasetTable.of("e", "E", "", "", "", null, null, "", t.columns(), List.of(), List.of());
    assertEquals("{\"name\":\"e\",\"title\":\"E\",\"rows\":[]}\n", new String(JsonWriter.json(empty), StandardCharsets.UTF_8));
    assertEquals(0, JsonWriter.ndjson(empty).length);
  }

  @Test
  void xlsxKeepsCodesAndIdsAsText() throws IOException {
    int leadingZeros = 0;
    for (DatasetTable t : DatasetExports.tables(published)) {
      byte[] xlsx = files.get("data/" + t.id() + "/" + t.id() + ".xlsx");
      List<List<String>> csv = csvRows(files.get("data/" + t.id() + "/" + t.id() + ".csv"));
      assertDataTextCellsUseTextFormat(t.id(), xlsx);
      try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
        Sheet sheet = wb.getFirstSheet();
        assertEquals(XlsxWriter.sheetName(t), sheet.getName());
        List<Row> rows = sheet.read();
        for (int c = 0; c < t.columns().size(); c++) {
          Dataset.Column col = t.columns().get(c);
          if (col.numeric()) continue;
          for (int r = 1; r < rows.size(); r++) {
            Cell cell = rows.get(r).getCell(c);
            String v = csv.get(r).get(c);
            if (v.isEmpty()) continue;
            assertEquals(CellType.STRING, cell.getType(), t.id() + " " + col.name() + " row " + r);
            assertEquals(v, cell.asString(), t.id() + " " + col.name() + " row " + r);
            if ((col.name().equals("索引号") || col.name().equals("编码")) && v.startsWith("0")) leadingZeros++;
          }
        }
        Row header = rows.get(0);
        for (int c = 0; c < t.columns().size(); c++) assertEquals(t.columns().get(c).name(), header.getCell(c).asString());
      }
    }
    assertTrue(leadingZeros > 100, "索引号 such as 015583216/2024-00012 keep their zero: " + leadingZeros);

    // A code column made only of digits stays text with its zero.
    DatasetTable t = DatasetTable.of("codes", "Codes", "", "", "", null, null, "", List.of(
        new Dataset.Column("编码", "", "string", "", "", ""), new Dataset.Column("数量", "", "integer", "", "", ""),
        new Dataset.Column("长号", "", "integer", "", "", "")),
        List.of("编码"), List.of(List.of("015583216", "12", "1234567890123456789"), List.of("000", "007", "-3")));
    byte[] codes = XlsxWriter.write(t, PROVENANCE.time());
    assertDataTextCellsUseTextFormat("codes", codes);
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(codes))) {
      List<Row> rows = wb.getFirstSheet().read();
      assertEquals(CellType.STRING, rows.get(1).getCell(0).getType());
      assertEquals("015583216", rows.get(1).getCell(0).asString());
      assertEquals("000", rows.get(2).getCell(0).asString());
      assertEquals(CellType.NUMBER, rows.get(1).getCell(1).getType());
      assertEquals(new BigDecimal("12"), rows.get(1).getCell(1).asNumber());
      assertEquals(CellType.STRING, rows.get(1).getCell(2).getType(), "too many digits for a double: text");
      assertEquals("1234567890123456789", rows.get(1).getCell(2).asString());
      assertEquals(CellType.STRING, rows.get(2).getCell(1).getType(), "leading zeros: text");
      assertEquals("007", rows.get(2).getCell(1).asString());
      assertEquals(CellType.NUMBER, rows.get(2).getCell(2).getType());
      assertTrue(rows.get(0).getCell(0).getText().equals("编码"));
    }
  }

  @Test
  void xlsxHeaderIsBoldAndSheetNamesAreSafe() throws IOException {
    byte[] xlsx = files.get("data/relief-funds-2024/relief-funds-2024.xlsx");
    String styles = zipEntry(xlsx, "xl/styles.xml");
    assertTrue(styles.contains("<b/>") || styles.contains("<b "), styles);
    String sheet = zipEntry(xlsx, "xl/worksheets/sheet1.xml");
    assertTrue(sheet.contains("<pane"), "header row frozen");

    DatasetTable t = DatasetTable.of("x-id", "  'a[b]:c*d?e/f\\g' 这是一个特别特别特别特别特别特别特别特别长的标题  ", "", "", "",
        null, null, "", List.of(new Dataset.Column("a", "", "string", "", "", "")), List.of(), List.of());
    String name = XlsxWriter.sheetName(t);
    assertTrue(name.length() <= 31, name);
    assertFalse(name.matches(".*[\\[\\]:*?/\\\\].*"), name);
    assertFalse(name.startsWith("'") || name.endsWith("'"), name);
    DatasetTable blank = DatasetTable.of("only-id", "[]", "", "", "", null, null, "", t.columns(), List.of(), List.of());
    assertEquals("only-id", XlsxWriter.sheetName(blank));
  }

  @Test
  void excelCsvIsTheCsvAfterABomAndCsvUsesCrlf() {
    for (DatasetInfo info : result.datasets()) {
      String base = "data/" + info.id() + "/" + info.id();
      byte[] csv = files.get(base + ".csv");
      byte[] excel = files.get(base + ".excel.csv");
      assertFalse(csv[0] == (byte) 0xEF, "plain CSV has no BOM");
      assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(excel, 3));
      assertArrayEquals(csv, Arrays.copyOfRange(excel, 3, excel.length));
      String text = new String(csv, StandardCharsets.UTF_8);
      assertTrue(text.endsWith("\r\n"), base);
      // No cell of the example holds a line break, so every CR and LF is a CRLF record end.
      assertFalse(text.replace("\r\n", "").contains("\n"), base);
      assertFalse(text.replace("\r\n", "").contains("\r"), base);
    }
  }

  @Test
  void csvQuotesOnlyWhatRfc4180Needs() throws IOException {
    DatasetTable t = DatasetTable.of("q", "Q", "", "", "", null, null, "", List.of(
        new Dataset.Column("a", "", "string", "", "", ""), new Dataset.Column("b", "", "string", "", "", "")),
        List.of(), List.of(List.of("x,y", "say \"hi\""), List.of("line1\nline2", ""), List.of("", "plain 文字")));
    byte[] csv = CsvWriter.write(t);
    assertEquals("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"line1\nline2\",\r\n,plain 文字\r\n",
        new String(csv, StandardCharsets.UTF_8));
    assertEquals(t.rows(), csvRows(csv).subList(1, 4));
    DatasetTable one = DatasetTable.of("o", "O", "", "", "", null, null, "",
        List.of(new Dataset.Column("a", "", "string", "", "", "")), List.of(), List.of(List.of(""), List.of("v")));
    assertEquals("a\r\n\"\"\r\nv\r\n", new String(CsvWriter.write(one), StandardCharsets.UTF_8));
    assertEquals(List.of(List.of("a"), List.of(""), List.of("v")), csvRows(CsvWriter.write(one)));
  }

  @Test
  void noWithheldOrOnRequestRecordAppearsInAnyExport() throws IOException {
    List<DisclosureRecord> hidden = site.records().stream().filter(r -> r.disclosure() != Disclosure.ACTIVE).toList();
    assertTrue(hidden.size() >= 5, "the example has withheld and on-request records");
    assertTrue(hidden.stream().allMatch(r -> r.indexNo().contains("-888")), "they are the 888xx serials");
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      String text = f.getKey().endsWith(".xlsx") ? xlsxText(f.getValue())
          : new String(f.getValue(), StandardCharsets.UTF_8);
      for (DisclosureRecord r : hidden) {
        assertFalse(text.contains(r.indexNo()), r.indexNo() + " in " + f.getKey());
        assertFalse(text.contains(r.title()), r.title() + " in " + f.getKey());
        assertFalse(text.contains(r.url()), r.url() + " in " + f.getKey());
      }
      if (f.getKey().startsWith("data/records-") && !f.getKey().endsWith("datapackage.json")) {
        assertFalse(text.contains("-888"), "a 888xx serial in " + f.getKey());
        assertFalse(text.contains("不予公开"), f.getKey());
        assertFalse(text.contains("依申请公开"), f.getKey());
      }
    }
  }

  @Test
  void twoBuildsGiveByteIdenticalFilesXlsxIncluded() throws Exception {
    Thread.sleep(2100); // past the zip timestamp's 2-second resolution and fastexcel's clock-second stamp
    DatasetExports.Result again = DatasetExports.build(DisclosureGate.apply(exampleSite()), PROVENANCE);
    Map<String, byte[]> other = filesOf(again);
    assertEquals(files.keySet(), other.keySet());
    for (String path : files.keySet()) assertArrayEquals(files.get(path), other.get(path), path);
    assertEquals(result.downloads(), again.downloads());
    assertEquals(result.datasets(), again.datasets());

    byte[] xlsx = files.get("data/catalogue/catalogue.xlsx");
    String core = zipEntry(xlsx, "docProps/core.xml");
    assertTrue(core.contains(">2026-01-10T08:30:00Z</dcterms:created>"), core);
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      List<String> names = new ArrayList<>();
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        names.add(e.getName());
        assertEquals(java.time.LocalDateTime.of(2026, 1, 10, 8, 30), e.getTimeLocal(), e.getName());
        assertEquals(null, e.getExtra(), "no extended timestamps");
      }
      assertEquals("[Content_Types].xml", names.get(0));
      List<String> rest = new ArrayList<>(names.subList(1, names.size()));
      List<String> sorted = new ArrayList<>(rest);
      sorted.sort(null);
      assertEquals(sorted, rest, "entries in name order");
    }

    Provenance later = new Provenance("gongkai test", "", Instant.parse("2026-02-01T00:00:00Z"));
    Map<String, byte[]> third = filesOf(DatasetExports.build(published, later));
    assertArrayEquals(files.get("data/catalogue/catalogue.csv"), third.get("data/catalogue/catalogue.csv"));
    assertFalse(Arrays.equals(files.get("data/catalogue/catalogue.xlsx"), third.get("data/catalogue/catalogue.xlsx")),
        "the xlsx carries the build time");
    JsonNode dp = JSON.readTree(third.get("data/catalogue/datapackage.json"));
    assertFalse(dp.has("gongkai:commit"), "no commit outside git");
    assertEquals("2026-02-01T00:00:00Z", dp.get("created").asText());
  }

  @Test
  void descriptorDescribesKeysUnitsTypesAndDialects() throws IOException {
    JsonNode dp = JSON.readTree(files.get("data/relief-recipients-2025/datapackage.json"));
    assertEquals("https://yjj.example.gov.cn/datasets/relief-recipients-2025/", dp.get("homepage").asText());
    assertEquals("jz-03-04", dp.get("gongkai:item").asText());
    assertEquals("示例县应急管理局", dp.get("contributors").get(0).get("title").asText());
    JsonNode schema = dp.get("resources").get(0).get("schema");
    assertEquals("序号", schema.get("primaryKey").get(0).asText());
    JsonNode id = schema.get("fields").get(0);
    assertEquals("integer", id.get("type").asText());
    assertTrue(id.get("constraints").get("required").asBoolean());
    assertTrue(id.get("constraints").get("unique").asBoolean());
    JsonNode idNo = field(schema, "身份证号");
    assertEquals("id", idNo.get("gongkai:personal").asText());
    assertEquals("string", idNo.get("type").asText());
    assertEquals("人", field(schema, "家庭人口").get("unit").asText());
    assertEquals("number", field(schema, "救助金额").get("type").asText());

    JsonNode funds = JSON.readTree(files.get("data/relief-funds-2024/datapackage.json"));
    JsonNode fs = funds.get("resources").get(0).get("schema");
    assertEquals("date", field(fs, "下拨日期").get("type").asText());
    assertEquals("万元", field(fs, "金额").get("unit").asText());
    assertEquals("资金拨付的乡（镇）", field(fs, "乡镇").get("description").asText());

    Map<String, JsonNode> res = new LinkedHashMap<>();
    for (JsonNode r : funds.get("resources")) res.put(r.get("path").asText(), r);
    assertEquals("rows", res.get("relief-funds-2024.json").get("dialect").get("property").asText());
    assertEquals("object", res.get("relief-funds-2024.json").get("dialect").get("itemType").asText());
    assertEquals("object", res.get("relief-funds-2024.ndjson").get("dialect").get("itemType").asText());
    assertEquals("2024年自然灾害救灾资金下拨情况", res.get("relief-funds-2024.xlsx").get("dialect").get("sheetName").asText());
    assertFalse(res.get("relief-funds-2024.xlsx").has("encoding"));
    assertEquals("utf-8", res.get("relief-funds-2024.csv").get("encoding").asText());

    JsonNode rec = JSON.readTree(files.get("data/records-aqsc-01-01/datapackage.json"));
    JsonNode rs = rec.get("resources").get(0).get("schema");
    assertEquals("索引号", rs.get("primaryKey").get(0).asText());
    assertEquals("uri", field(rs, "链接").get("format").asText());
    assertEquals("主动公开", field(rs, "公开方式").get("constraints").get("enum").get(0).asText());
    assertEquals("https://yjj.example.gov.cn/catalogue/aqsc/aqsc-01-01/", rec.get("homepage").asText());
    JsonNode cat = JSON.readTree(files.get("data/catalogue/datapackage.json"));
    assertFalse(cat.has("homepage"));
    assertEquals("编码", cat.get("resources").get(0).get("schema").get("primaryKey").get(0).asText());
    String text = new String(files.get("data/catalogue/datapackage.json"), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("{\n  \"$schema\": \"https://datapackage.org/profiles/2.0/datapackage.json\",\n"), text);
    assertTrue(text.endsWith("}\n"));
    assertFalse(text.contains("\r"));
  }

  @Test
  void reservedIdsAreRefused() {
    Dataset clash = new Dataset("catalogue", "冲突", "aqsc-01-01", "", "", LocalDate.of(2025, 1, 1), Disclosure.ACTIVE,
        List.of(new Dataset.Column("a", "", "string", "", "", "")), List.of(), List.of(List.of("x")),
        "catalogue/datasets/catalogue.csv");
    List<Dataset> datasets = new ArrayList<>(published.datasets());
    datasets.add(clash);
    PublishedSite s = new PublishedSite(published.config(), published.catalogue(), published.records(),
        published.onRequest(), datasets, published.pages(), published.incidents(), published.byItem(),
        published.lastUpdated());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> DatasetExports.build(s, PROVENANCE));
    assertTrue(e.getMessage().contains("catalogue/datasets/catalogue.csv"), e.getMessage());
  }

  // ---- helpers shared by the dataset tests ----

  private static final Pattern CELL = Pattern.compile("<c r=\"[A-Z]+(\\d+)\"([^>]*)>");

  /**
   * Every text cell below the header uses the cell format whose number format is {@code @} (Text), so Excel keeps it
   * text when edited (fastexcel-reader reports formats of numeric cells only, so this reads the XML).
   */
  static void assertDataTextCellsUseTextFormat(String id, byte[] xlsx) throws IOException {
    String styles = zipEntry(xlsx, "xl/styles.xml");
    Matcher fmt = Pattern.compile("<numFmt numFmtId=\"(\\d+)\" formatCode=\"@\"/>").matcher(styles);
    assertTrue(fmt.find(), styles);
    String xfs = styles.substring(styles.indexOf("<cellXfs"), styles.indexOf("</cellXfs>"));
    List<String> xf = new ArrayList<>();
    Matcher x = Pattern.compile("<xf [^>]*numFmtId=\"(\\d+)\"").matcher(xfs);
    while (x.find()) xf.add(x.group(1));
    String sheet = zipEntry(xlsx, "xl/worksheets/sheet1.xml");
    Matcher c = CELL.matcher(sheet);
    int text = 0;
    while (c.find()) {
      if (Integer.parseInt(c.group(1)) < 2 || !c.group(2).contains("t=\"s\"")) continue;
      Matcher st = Pattern.compile("s=\"(\\d+)\"").matcher(c.group(2));
      assertTrue(st.find(), id + ": text cell without a style " + c.group());
      assertEquals(fmt.group(1), xf.get(Integer.parseInt(st.group(1))), id + ": " + c.group());
      text++;
    }
    assertTrue(text > 0 || !sheet.contains("t=\"s\""), id);
  }

  private List<String> names(String id) {
    return DatasetExports.tables(published).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().names();
  }

  private static List<String> fieldNames(JsonNode schema) {
    List<String> out = new ArrayList<>();
    schema.get("fields").forEach(f -> out.add(f.get("name").asText()));
    return out;
  }

  private static JsonNode field(JsonNode schema, String name) {
    for (JsonNode f : schema.get("fields")) if (f.get("name").asText().equals(name)) return f;
    throw new AssertionError("no field " + name);
  }

  static List<List<String>> csvRows(byte[] csv) throws IOException {
    List<List<String>> out = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8),
        CSVFormat.RFC4180)) {
      for (CSVRecord r : p) out.add(r.toList());
    }
    return out;
  }

  /** Rows as strings with numeric cells in one canonical form (no trailing zeros, no leading zeros). */
  static List<List<String>> normalised(DatasetTable t, List<List<String>> rows) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> r = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) r.add(norm(t.columns().get(c), row.get(c)));
      out.add(r);
    }
    return out;
  }

  private static String norm(Dataset.Column col, String v) {
    if (v == null || v.isEmpty() || !col.numeric()) return v == null ? "" : v;
    return new BigDecimal(v).stripTrailingZeros().toPlainString();
  }

  private static List<List<String>> jsonRows(DatasetTable t, JsonNode rows) {
    List<List<String>> out = new ArrayList<>();
    for (JsonNode row : rows) {
      List<String> keys = new ArrayList<>();
      row.fieldNames().forEachRemaining(keys::add);
      assertEquals(t.names(), keys, t.id());
      List<String> r = new ArrayList<>();
      for (Dataset.Column c : t.columns()) {
        JsonNode v = row.get(c.name());
        if (v.isNull()) r.add("");
        else if (c.numeric()) {
          assertTrue(v.isNumber(), t.id() + " " + c.name() + " " + v);
          r.add(norm(c, v.decimalValue().toPlainString()));
        } else {
          assertTrue(v.isTextual(), t.id() + " " + c.name() + " " + v);
          r.add(v.asText());
        }
      }
      out.add(r);
    }
    return out;
  }

  static List<List<String>> xlsxRows(DatasetTable t, byte[] xlsx) throws IOException {
    List<List<String>> out = new ArrayList<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> rows = wb.getFirstSheet().read();
      List<String> header = new ArrayList<>();
      for (int c = 0; c < t.columns().size(); c++) header.add(rows.get(0).getCell(c).asString());
      assertEquals(t.names(), header, t.id());
      for (Row row : rows.subList(1, rows.size())) {
        List<String> r = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
          Cell cell = c < row.getCellCount() ? row.getCell(c) : null;
          if (cell == null || cell.getType() == CellType.EMPTY) r.add("");
          else if (cell.getType() == CellType.NUMBER) r.add(norm(t.columns().get(c), cell.asNumber().toPlainString()));
          else r.add(norm(t.columns().get(c), cell.asString()));
        }
        out.add(r);
      }
    }
    return out;
  }

  /** Every cell text of a workbook, for "does not contain" checks. */
  static String xlsxText(byte[] xlsx) throws IOException {
    StringBuilder b = new StringBuilder();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Iterator<Sheet> it = wb.getSheets().iterator(); it.hasNext(); ) {
        for (Row row : it.next().read()) {
          for (Cell c : row) if (c != null) b.append(c.getText()).append('\n');
        }
      }
    }
    return b.toString();
  }

  static String zipEntry(byte[] zip, String name) throws IOException {
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) return new String(z.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name);
  }

  static DatasetExports.Result exampleResult() {
    return Example.RESULT;
  }

  static Map<String, byte[]> exampleFiles() {
    return Example.FILES;
  }

  static PublishedSite examplePublished() {
    return Example.PUBLISHED;
  }
}
