package dev.gongkai.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The shipped JSON Schema of {@code --format json} ({@code docs/schema/diagnostics.schema.json}), for tests. */
public final class DiagnosticsSchema {
  public static final Path FILE = Path.of("docs/schema/diagnostics.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private DiagnosticsSchema() {}

  private static JsonSchema load() {
    try {
      JsonNode node = JSON.readTree(FILE.toFile());
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema violations of {@code document} (empty when it is valid); a syntax error throws. */
  public static List<String> violations(String document) {
    try {
      return violations(JSON.readTree(document));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> violations(JsonNode document) {
    return SCHEMA.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
