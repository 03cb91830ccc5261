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

  /**
   * The tokenizer cuts values out of the text in pieces; this is the character-by-character reading it replaced, as
   * the oracle: values and field starts per record, or null for an unclosed quote.
   */
  private static List<List<Object[]>> reference(String s) {
    int n = s.length();
    List<List<Object[]>> records = new java.util.ArrayList<>();
    List<Object[]> current = new java.util.ArrayList<>();
    int i = 0;
    if (n == 0) return records;
    while (true) {
      int start = i;
      StringBuilder v = new StringBuilder();
      if (i < n && s.charAt(i) == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = s.charAt(i);
          if (c == '"' && i + 1 < n && s.charAt(i + 1) == '"') {
            v.append('"');
            i += 2;
          } else if (c == '"') {
            i++;
            closed = true;
            break;
          } else {
            v.append(c);
            i++;
          }
        }
        if (!closed) return null;
      }
      while (i < n && ",\r\n".indexOf(s.charAt(i)) < 0) v.append(s.charAt(i++));
      current.add(new Object[] {v.toString(), start});
      if (i >= n) {
        records.add(current);
        List<Object[]> last = records.get(records.size() - 1);
        if (last.size() == 1 && ((String) last.get(0)[0]).isEmpty()) records.remove(records.size() - 1);
        return records;
      }
      char c = s.charAt(i);
      if (c == ',') {
        i++;
        continue;
      }
      i += (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') ? 2 : 1;
      records.add(current);
      current = new java.util.ArrayList<>();
      if (i >= n) return records;
    }
  }

  @Test
  void valuesAndLocationsAreThoseOfACharacterByCharacterReading() {
    java.util.Random random = new java.util.Random(3);
    String alphabet = "a应,\"\r\n \"\"x";
    for (int t = 0; t < 3000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(30); k > 0; k--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String text = b.toString();
      SourceText src = new SourceText("t.csv", text);
      List<List<Cell>> got = CsvReader.tokenize(src, new Diagnostics());
      List<List<Object[]>> want = reference(text);
      String shown = text.replace("\r", "\\r").replace("\n", "\\n");
      if (want == null) {
        assertEquals(null, got, shown);
        continue;
      }
      assertEquals(want.size(), got.size(), shown);
      for (int r = 0; r < want.size(); r++) {
        assertEquals(want.get(r).size(), got.get(r).size(), shown);
        for (int f = 0; f < want.get(r).size(); f++) {
          assertEquals(want.get(r).get(f)[0], got.get(r).get(f).value(), shown);
          assertEquals(src.locate((Integer) want.get(r).get(f)[1]), got.get(r).get(f).location(), shown);
        }
      }
    }
  }
}
