package dev.gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gongkai.diag.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the JSON records path of the loader: arbitrary bytes → {@link TextDecoder} → {@link TextChecks} (which also
 * checks {@code \u005Cu} escapes) → {@link JsonTableReader}. Nothing may throw; diagnostics and cells point into the
 * text; rows have the header's width; and the reader agrees with Jackson's tree parser: a file it reads without
 * errors is valid JSON without duplicate keys, and an array of objects (or {@code {"records": [...]}}) with that
 * many records. Seeds: {@code src/test/resources/dev/gongkai/load/JsonTableReaderFuzzTestInputs/}; see
 * {@link CsvReaderFuzzTest} for how to run it longer.
 */
class JsonTableReaderFuzzTest {
  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  @FuzzTest(maxDuration = "5m")
  void json(byte[] input) {
    check(input);
  }

  @Test
  void seededMutations() {
    CsvReaderFuzzTest.mutate(CsvReaderFuzzTest.seeds("JsonTableReaderFuzzTestInputs"), JsonTableReaderFuzzTest::check,
        0x750);
  }

  static void check(byte[] input) {
    Diagnostics diags = new Diagnostics(100_000);
    Optional<String> decoded = TextDecoder.decode(input, "r.json", StandardCharsets.UTF_8, diags);
    Optional<SourceText> src = decoded.flatMap(t -> TextChecks.check("r.json", t, true, diags));
    if (src.isPresent()) {
      SourceText s = src.get();
      Optional<Table> table = JsonTableReader.read(s, diags);
      if (table.isEmpty()) {
        assertTrue(diags.hasErrors(), "a JSON file that gives no table says why");
      } else {
        Table t = table.get();
        String[] lines = CsvReaderFuzzTest.lines(s.text());
        for (Cell c : t.header()) CsvReaderFuzzTest.assertInside(lines, c.location().line(), c.location().column());
        for (Row r : t.rows()) {
          assertEquals(t.header().size(), r.cells().size());
          CsvReaderFuzzTest.assertInside(lines, r.location().line(), r.location().column());
          for (Cell c : r.cells()) CsvReaderFuzzTest.assertInside(lines, c.location().line(), c.location().column());
        }
        JsonNode tree;
        try {
          tree = STRICT.readTree(s.text());
        } catch (JsonProcessingException e) {
          throw new AssertionError("read as a table, but Jackson rejects it: " + e.getOriginalMessage());
        }
        JsonNode records = tree.isArray() ? tree : tree.path("records");
        assertTrue(records.isArray(), "the records are an array");
        assertEquals(records.size(), t.rows().size(), "one row per record");
      }
    }
    CsvReaderFuzzTest.checkDiagnostics(diags,
        src.orElse(decoded.map(t -> new SourceText("r.json", t)).orElse(null)));
  }
}
