package dev.gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static Table read(String text, Diagnostics diags) {
    return CsvReader.read(new SourceText("t.csv", text), diags).orElse(null);
  }

  @Test
  void quotedFieldsWithCommasQuotesAndLineBreaks() {
    Diagnostics diags = new Diagnostics();
    Table t = read("a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\r\n", diags);
    assertEquals(0, diags.total());
    assertEquals(List.of("a", "b", "c"), t.header().stream().map(Cell::value).toList());
    assertEquals(1, t.rows().size());
    assertEquals("x, \"y\"\nz", t.rows().get(0).cells().get(1).value());
    assertEquals("3", t.rows().get(0).cells().get(2).value());
  }

  @Test
  void everyFieldKnowsItsLineAndColumn() {
    Diagnostics diags = new Diagnostics();
    Table t = read("编码,名称\naqsc-01-01,法律法规\n\"多\n行\",第三行\n", diags);
    Cell name = t.rows().get(0).cells().get(1);
    assertEquals(2, name.location().line());
    assertEquals(12, name.location().column());
    Cell afterMultiline = t.rows().get(1).cells().get(1);
    assertEquals(4, afterMultiline.location().line());
    assertEquals(4, afterMultiline.location().column());
  }

  @Test
  void blankRowsAndTrailingEmptyColumnsFromSpreadsheetsAreIgnored() {
    Diagnostics diags = new Diagnostics();
    Table t = read("a,b,,\n1,2,,\n,,,\n\n3,4\n", diags);
    assertEquals(0, diags.total());
    assertEquals(2, t.header().size());
    assertEquals(2, t.rows().size());
  }

  @Test
  void loneCarriageReturnsEndLines() {
    Diagnostics diags = new Diagnostics();
    Table t = read("a,b\r1,2\r3,4", diags);
    assertEquals(2, t.rows().size());
    assertEquals(3, t.rows().get(1).location().line());
  }

  @Test
  void unclosedQuoteIsLocatedAtItsStart() {
    Diagnostics diags = new Diagnostics();
    assertEquals(null, read("a,b\n1,\"open\n2,3\n", diags));
    assertEquals(Code.CSV_UNCLOSED_QUOTE, diags.sorted().get(0).code());
    assertEquals("t.csv:2:3", diags.sorted().get(0).location().toString());
  }

  @Test
  void strayQuotesAndWrongFieldCountsAreReported() {
    Diagnostics diags = new Diagnostics();
    Table t = read("a,b\n1,x\"y\n\"q\"z,2\n1,2,3\n", diags);
    List<Code> codes = diags.sorted().stream().map(d -> d.code()).toList();
    assertEquals(List.of(Code.CSV_BAD_QUOTE, Code.CSV_BAD_QUOTE, Code.CSV_FIELD_COUNT), codes);
    assertEquals("t.csv:2:4", diags.sorted().get(0).location().toString());
    assertEquals("t.csv:4:5", diags.sorted().get(2).location().toString());
    assertTrue(t.rows().size() >= 2);
  }

  @Test
  void emptyFileIsAnError() {
    Diagnostics diags = new Diagnostics();
    assertEquals(null, read("", diags));
    assertEquals(Code.FILE_EMPTY, diags.sorted().get(0).code());
  }
}
