package dev.gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTableReaderTest {
  @Test
  void arrayOfObjectsBecomesATableWithLocatedValues() {
    Diagnostics diags = new Diagnostics();
    Table t = JsonTableReader.read(new SourceText("r.json",
        "[\n {\"索引号\": \"A/2024-1\", \"附件\": [\"a.pdf\", \"b.pdf\"]},\n {\"标题\": \"二\", \"索引号\": \"A/2024-2\"}\n]"),
        diags).orElseThrow();
    assertEquals(0, diags.total());
    assertEquals(List.of("索引号", "附件", "标题"), t.header().stream().map(Cell::value).toList());
    assertEquals("a.pdf;b.pdf", t.rows().get(0).cells().get(1).value());
    assertEquals("", t.rows().get(0).cells().get(2).value());
    assertEquals("r.json:3:21", t.rows().get(1).cells().get(0).location().toString());
  }

  @Test
  void fileLevelItemIsGivenToEveryRecord() {
    Diagnostics diags = new Diagnostics();
    Table t = JsonTableReader.read(new SourceText("r.json",
        "{\"item\": \"aqsc-01-01\", \"records\": [{\"index_no\": \"A/2024-1\"}, {\"index_no\": \"A/2024-2\"}]}"),
        diags).orElseThrow();
    assertEquals(List.of("index_no", "item"), t.header().stream().map(Cell::value).toList());
    assertEquals("aqsc-01-01", t.rows().get(1).cells().get(1).value());
  }

  @Test
  void syntaxAndShapeErrorsAreLocated() {
    Diagnostics diags = new Diagnostics();
    assertTrue(JsonTableReader.read(new SourceText("r.json", "[\n {\"a\": \"b\" \"c\": 1}\n]"), diags).isEmpty());
    assertEquals(Code.JSON_SYNTAX, diags.sorted().get(0).code());
    assertEquals(2, diags.sorted().get(0).location().line());
    Diagnostics d2 = new Diagnostics();
    assertTrue(JsonTableReader.read(new SourceText("r.json", "[{\"a\": {\"nested\": 1}}]"), d2).isEmpty());
    assertEquals(Code.JSON_SHAPE, d2.sorted().get(0).code());
    Diagnostics d3 = new Diagnostics();
    assertTrue(JsonTableReader.read(new SourceText("r.json", "[{\"a\": 1, \"a\": 2}]"), d3).isEmpty());
    assertEquals(Code.JSON_SYNTAX, d3.sorted().get(0).code());
  }
}
