package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.SiteConfig;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code data.json} validates offline against the official DCAT-US 1.1 JSON Schema and against data.gov's
 * non-federal variant, both vendored in {@code src/test/resources/schemas/dcat-us-1.1/} (see its README).
 */
class DataJsonExportTest {
  static final String OFFICIAL = "https://project-open-data.cio.gov/v1.1/schema/";
  static final String NON_FEDERAL = "https://resources.data.gov/schemas/dcat-us/v1.1/schema/";
  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonSchemaFactory factory() {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, b -> b.schemaMappers(m -> m
        .mapPrefix(OFFICIAL, "classpath:schemas/dcat-us-1.1/")
        .mapPrefix(NON_FEDERAL, "classpath:schemas/dcat-us-1.1/non-federal/")));
  }

  static JsonSchema schema(String url) {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return factory().getSchema(SchemaLocation.of(url), config);
  }

  static JsonNode export(PublishedSite s) throws Exception {
    List<ExportFile> files = DataJsonExport.build(s, DcatFixtures.PROVENANCE, DcatFixtures.datasets(s));
    assertEquals(1, files.size());
    assertEquals("data.json", files.get(0).path());
    assertEquals("application/json", files.get(0).mediaType());
    return JSON.readTree(files.get(0).data());
  }

  @Test
  void theVendoredSchemasAreTheRecordedCopies() throws Exception {
    Map<String, String> expected = Map.of(
        "catalog.json", "5bebe0e48f67931a88a1d1e1d0a8a567239726563e9255d449f98350d1a5b5f0",
        "dataset.json", "1d5a9b02e2f5440c1500e5a0c0109be500543fcf86b31f263ba9a06058f9e3f7",
        "distribution.json", "cd1905495b0576855840c12e6a5138ae2952cf9b7bee56ad20df15da841a3774",
        "organization.json", "4ce4f6bb576870f79396f35e713ff3ff55a0e734d2a33b0d7ddf1324bafb4619",
        "vcard.json", "5bbbcf5e60953e4965a242e1e010343ccbe3c8bac0998b7e74185ed2bfcc295e",
        "non-federal/catalog.json", "0604ad38fc56e9229bb7daf31b23fea775fd7f014390b9c2bccb565c88abc57b",
        "non-federal/dataset-non-federal.json", "71d595c128f9202d27edcf2125c09e4a618afaa0885e08194b4d4e8b3a80cf08");
    for (Map.Entry<String, String> e : new TreeMap<>(expected).entrySet()) {
      try (InputStream in = getClass().getResourceAsStream("/schemas/dcat-us-1.1/" + e.getKey())) {
        byte[] bytes = in.readAllBytes();
        assertEquals(e.getValue(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
            e.getKey() + " matches the README");
        assertEquals("http://json-schema.org/draft-04/schema#", JSON.readTree(bytes).get("$schema").asText());
      }
    }
  }

  @Test
  void theOfficialSchemaOnlyMissesTheFederalCodes() throws Exception {
    JsonNode doc = export(DcatFixtures.site());
    Set<ValidationMessage> errors = schema(OFFICIAL + "catalog.json").validate(doc);
    int datasets = doc.get("dataset").size();
    assertTrue(datasets >= 7);
    Map<String, Integer> missing = new TreeMap<>();
    for (ValidationMessage m : errors) {
      assertEquals("required", m.getType(), m::toString);
      missing.merge(m.getProperty(), 1, Integer::sum);
    }
    assertEquals(Map.of("bureauCode", datasets, "programCode", datasets), missing, errors::toString);
  }

  @Test
  void everyDatasetIsValidForTheNonFederalSchema() throws Exception {
    JsonNode doc = export(DcatFixtures.site());
    JsonSchema dataset = schema(NON_FEDERAL + "dataset-non-federal.json");
    for (JsonNode d : doc.get("dataset")) {
      Set<ValidationMessage> errors = dataset.validate(d);
      assertTrue(errors.isEmpty(), () -> d.get("identifier") + ": " + errors);
    }
  }

  @Test
  void theOfficialSchemaWithTheFederalCodesIsOtherwiseSatisfied() throws Exception {
    // What the official schema says once the two federal-only fields are present: nothing.
    ObjectNode doc = (ObjectNode) export(DcatFixtures.site());
    for (JsonNode d : doc.get("dataset")) {
      ((ObjectNode) d).putArray("bureauCode").add("000:00");
      ((ObjectNode) d).putArray("programCode").add("000:000");
    }
    Set<ValidationMessage> errors = schema(OFFICIAL + "catalog.json").validate(doc);
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void theSchemasDoCheck() throws Exception {
    ObjectNode doc = (ObjectNode) export(DcatFixtures.site());
    ObjectNode first = (ObjectNode) doc.get("dataset").get(0);
    first.remove("title");
    ((ObjectNode) first.get("distribution").get(0)).put("mediaType", "not a media type");
    Set<ValidationMessage> errors = schema(NON_FEDERAL + "dataset-non-federal.json").validate(first);
    assertTrue(errors.stream().anyMatch(m -> "title".equals(m.getProperty())), errors::toString);
    assertTrue(errors.size() >= 2, errors::toString);
  }

  @Test
  void theCatalogueFields() throws Exception {
    PublishedSite s = DcatFixtures.site();
    JsonNode doc = export(s);
    assertEquals("https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld", doc.get("@context").asText());
    assertEquals("dcat:Catalog", doc.get("@type").asText());
    assertEquals("https://project-open-data.cio.gov/v1.1/schema", doc.get("conformsTo").asText());
    assertEquals(s.config().baseUrl() + "data.json", doc.get("@id").asText());
    List<DatasetInfo> infos = DcatFixtures.datasets(s);
    assertEquals(infos.size(), doc.get("dataset").size());
    Set<String> ids = new TreeSet<>();
    String previous = "";
    for (JsonNode d : doc.get("dataset")) {
      String id = d.get("identifier").asText();
      assertTrue(ids.add(id), "unique identifier " + id);
      assertTrue(id.startsWith(s.config().baseUrl() + "data/catalog.jsonld#dataset-"), id);
      assertTrue(id.compareTo(previous) > 0, "sorted by id");
      previous = id;
      assertEquals("public", d.get("accessLevel").asText());
      assertEquals("mailto:yjj@example.gov.cn", d.get("contactPoint").get("hasEmail").asText());
      assertEquals(s.config().agency(), d.get("contactPoint").get("fn").asText());
      assertFalse(d.has("bureauCode") || d.has("programCode"), "US federal codes are omitted");
      assertTrue(d.get("keyword").size() >= 1);
      for (JsonNode x : d.get("distribution")) {
        assertTrue(x.get("downloadURL").asText().startsWith(s.config().baseUrl() + "data/"));
        assertFalse(x.get("mediaType").asText().contains(";"), "no media type parameters");
        assertFalse(x.get("format").asText().isBlank());
        assertFalse(x.get("title").asText().isBlank());
      }
    }
    JsonNode relief = null;
    for (JsonNode d : doc.get("dataset")) if (d.get("identifier").asText().endsWith("#dataset-records-aqsc-01-01")) relief = d;
    assertEquals(List.of("安全生产", "政策文件", "法律法规"),
        JSON.convertValue(relief.get("keyword"), List.class), "keywords from the catalogue item");
  }

  @Test
  void withoutAContactEmailTheDocumentedFallbackIsUsed() throws Exception {
    PublishedSite s = DcatFixtures.site();
    SiteConfig c = s.config();
    SiteConfig noEmail = new SiteConfig(c.title(), c.agency(), c.baseUrl(), c.regionCode(), c.languages(),
        new SiteConfig.Contact(c.contact().address(), c.contact().phone(), "", c.contact().hours()), c.options());
    PublishedSite t = new PublishedSite(noEmail, s.catalogue(), s.records(), s.onRequest(), s.datasets(), s.pages(),
        s.incidents(), s.byItem(), s.lastUpdated());
    JsonNode doc = export(t);
    for (JsonNode d : doc.get("dataset")) {
      assertEquals("mailto:webmaster@yjj.example.gov.cn", d.get("contactPoint").get("hasEmail").asText());
    }
    Set<ValidationMessage> errors = schema(OFFICIAL + "catalog.json").validate(doc);
    assertTrue(errors.stream().allMatch(m -> m.getProperty().equals("bureauCode")
        || m.getProperty().equals("programCode")), errors::toString);
    SiteConfig local = new SiteConfig(c.title(), c.agency(), "http://localhost:8080/", c.regionCode(), c.languages(),
        noEmail.contact(), c.options());
    assertEquals("mailto:", DataJsonExport.contactEmail(local));
    SiteConfig idn = new SiteConfig(c.title(), c.agency(), "https://应急.示例.中国/", c.regionCode(), c.languages(),
        noEmail.contact(), c.options());
    assertTrue(DataJsonExport.contactEmail(idn).startsWith("mailto:webmaster@xn--"), DataJsonExport.contactEmail(idn));
  }

  @Test
  void twoBuildsGiveIdenticalBytes() {
    PublishedSite s = DcatFixtures.site();
    byte[] a = DataJsonExport.build(s, DcatFixtures.PROVENANCE, DcatFixtures.datasets(s)).get(0).data();
    byte[] b = DataJsonExport.build(s, DcatFixtures.PROVENANCE, DcatFixtures.datasets(s)).get(0).data();
    assertArrayEquals(a, b);
  }

  @Test
  void nothingWithheldAppears() {
    PublishedSite s = DcatFixtures.site();
    ExportFile f = DataJsonExport.build(s, DcatFixtures.PROVENANCE, DcatFixtures.datasets(s)).get(0);
    DcatFixtures.assertNothingWithheld(f.path(), DcatFixtures.text(f));
  }
}
