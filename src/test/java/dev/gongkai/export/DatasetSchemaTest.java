package dev.gongkai.export;

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
import dev.gongkai.model.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every {@code datapackage.json} validates against the official Data Package v2 profile, vendored in
 * {@code src/test/resources/schemas/datapackage-v2/} (see its README) and resolved offline through a schema mapping.
 */
class DatasetSchemaTest {
  static final String PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The v2 profile, every {@code https://datapackage.org/profiles/2.0/} URL mapped to the vendored copy. */
  static JsonSchema profile() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, b -> b.schemaMappers(
        m -> m.mapPrefix("https://datapackage.org/profiles/2.0/", "classpath:schemas/datapackage-v2/")));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    return factory.getSchema(SchemaLocation.of(PROFILE), config);
  }

  @Test
  void theVendoredProfileIsTheRecordedCopy() throws Exception {
    try (InputStream in = DatasetSchemaTest.class.getResourceAsStream("/schemas/datapackage-v2/datapackage.json")) {
      byte[] bytes = in.readAllBytes();
      assertEquals("a9ef0fc168b3402ae7aa7d22bbcb798e0db6b639e7ee15ff4aa177463cea7112",
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), "matches README");
      JsonNode p = JSON.readTree(bytes);
      assertEquals("http://json-schema.org/draft-07/schema#", p.get("$schema").asText());
      assertFalse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("$ref"), "self-contained");
    }
  }

  @Test
  void everyExampleDescriptorIsAValidDataPackageV2() throws IOException {
    JsonSchema schema = profile();
    int checked = 0;
    for (Map.Entry<String, byte[]> f : DatasetExportsTest.exampleFiles().entrySet()) {
      if (!f.getKey().endsWith("/datapackage.json")) continue;
      JsonNode dp = JSON.readTree(f.getValue());
      Set<ValidationMessage> errors = schema.validate(dp);
      assertTrue(errors.isEmpty(), f.getKey() + ": " + errors);
      checked++;
    }
    assertEquals(DatasetExportsTest.exampleResult().datasets().size(), checked);
  }

  @Test
  void aDescriptorWithCommitAndEdgeCasesIsValidToo() throws IOException {
    DatasetTable t = DatasetTable.of("edge", "边界", "", "", "", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), "",
        List.of(new Dataset.Column("a", "", "integer", "", "", ""), new Dataset.Column("b", "B", "number", "元", "说明", ""),
            new Dataset.Column("c", "", "date", "", "", ""), new Dataset.Column("d", "", "string", "", "", "id")),
        List.of("a", "c"), List.of(List.of("1", "2.5", "2025-01-01", "1101**********1234"), List.of("", "", "", "")));
    Provenance p = new Provenance("gongkai 9.9", "0123456789abcdef0123456789abcdef01234567",
        Instant.parse("2025-06-30T23:59:59Z"));
    byte[] descriptor = DataPackageWriter.write(t, List.of(new DataPackageWriter.Resource("edge-csv", "CSV", "",
        "edge.csv", "csv", "text/csv", "utf-8", CsvWriter.write(t), null)), "https://x.example/", p);
    JsonNode dp = JSON.readTree(descriptor);
    assertTrue(profile().validate(dp).isEmpty(), () -> profile().validate(dp).toString());
    JsonNode schema = dp.get("resources").get(0).get("schema");
    assertTrue(schema.get("fields").get(0).get("constraints").get("required").asBoolean());
    assertFalse(schema.get("fields").get(0).get("constraints").has("unique"), "unique only for one-column keys");
    assertFalse(dp.has("homepage"));
    assertFalse(dp.has("contributors"), "no agency, no contributor");
  }

  @Test
  void theProfileRejectsBrokenDescriptors() throws IOException {
    JsonSchema schema = profile();
    byte[] good = DatasetExportsTest.exampleFiles().get("data/catalogue/datapackage.json");
    ObjectNode noResources = (ObjectNode) JSON.readTree(good);
    noResources.remove("resources");
    assertFalse(schema.validate(noResources).isEmpty(), "resources are required");
    ObjectNode badHash = (ObjectNode) JSON.readTree(good);
    ((ObjectNode) badHash.get("resources").get(0)).put("hash", "sha256:not-hex");
    assertFalse(schema.validate(badHash).isEmpty(), "hash must be algorithm:hex");
    ObjectNode badPath = (ObjectNode) JSON.readTree(good);
    ((ObjectNode) badPath.get("resources").get(0)).put("path", "../outside.csv");
    assertFalse(schema.validate(badPath).isEmpty(), "no parent paths");
    ObjectNode badType = (ObjectNode) JSON.readTree(good);
    ((ObjectNode) badType.get("resources").get(0).get("schema").get("fields").get(0)).put("type", "text");
    assertFalse(schema.validate(badType).isEmpty(), "field types are the spec's");
    ObjectNode badCreated = (ObjectNode) JSON.readTree(good);
    badCreated.put("created", "yesterday");
    assertFalse(schema.validate(badCreated).isEmpty(), "created is a date-time");
  }
}
