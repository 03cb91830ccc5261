package dev.gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link XlsxReader}: nothing may throw, a workbook that gives no table says why, and every cell and
 * diagnostic is located in the file (a workbook cell has a sheet, a row from 1 and a column from 1 to XFD; rows have
 * the header's width). {@link #xlsx} takes raw bytes (Jazzer; seeds in
 * {@code src/test/resources/dev/gongkai/load/XlsxReaderFuzzTestInputs/}, see {@link CsvReaderFuzzTest} for running it
 * longer); raw byte mutations of a zip mostly break its checksums, so {@link #mutatedParts} also changes the XML
 * inside the package (cells, shared strings, styles, the workbook) and zips it again, to reach the XML parsing and
 * the cell conversion.
 */
class XlsxReaderFuzzTest {
  private static final Predicate<String> KNOWN = Set.of("索引号", "标题", "成文日期", "金额", "序号")::contains;
  private static final int MAX_COLUMN = 16384;

  @FuzzTest(maxDuration = "5m")
  void xlsx(byte[] input) {
    check(input);
  }

  @Test
  void seededMutations() {
    CsvReaderFuzzTest.mutate(CsvReaderFuzzTest.seeds("XlsxReaderFuzzTestInputs"), XlsxReaderFuzzTest::check, 0x715);
  }

  @Test
  void mutatedParts() {
    List<Map<String, byte[]>> packages = new ArrayList<>();
    for (byte[] seed : CsvReaderFuzzTest.seeds("XlsxReaderFuzzTestInputs")) packages.add(unzip(seed));
    String[] tokens = {"<", ">", "\"", "&", "&amp;", "<c r=\"A1\">", "</c>", "<v>", "</v>", "t=\"s\"", "t=\"str\"",
        "t=\"b\"", "t=\"e\"", "t=\"inlineStr\"", "<is><t>x</t></is>", "s=\"999\"", "s=\"-1\"", "r=\"XFD1048576\"",
        "r=\"XFE1\"", "r=\"A0\"", "r=\"0\"", "r=\"1048577\"", "<v>1e308</v>", "<v>-1</v>", "<v>NaN</v>",
        "<v>99999999</v>", "<v>4</v>", "_x000B_", "_x", "_xD800_", "<f>A1</f>", "<f t=\"shared\" si=\"0\"/>",
        "numFmtId=\"14\"", "formatCode=\"yyyy-mm-dd\"", "formatCode=\"[h]:mm\"", "date1904=\"1\"",
        "state=\"hidden\"", "name=\"说明\"", "<row r=\"3\">", "</row>", "<sheetData/>", "\u0000", "\uFFFF"};
    int iterations = Integer.getInteger("gongkai.fuzz.iterations", 3000) / 3;
    Random r = new Random(Long.getLong("gongkai.fuzz.seed", 20240601L) ^ 0x7A5);
    int tables = 0;
    for (int n = 0; n < iterations; n++) {
      Map<String, byte[]> pkg = new LinkedHashMap<>(packages.get(r.nextInt(packages.size())));
      List<String> xml = pkg.keySet().stream().filter(e -> e.startsWith("xl/") && e.endsWith(".xml")).toList();
      String entry = xml.get(r.nextInt(xml.size()));
      StringBuilder text = new StringBuilder(new String(pkg.get(entry), StandardCharsets.UTF_8));
      for (int k = 1 + r.nextInt(4); k > 0; k--) {
        int at = r.nextInt(text.length() + 1);
        switch (r.nextInt(3)) {
          case 0 -> text.insert(at, tokens[r.nextInt(tokens.length)]);
          case 1 -> text.delete(at, Math.min(text.length(), at + 1 + r.nextInt(24)));
          default -> {
            int end = Math.min(text.length(), at + r.nextInt(200));
            text.insert(end, text.substring(at, end));
          }
        }
      }
      pkg.put(entry, text.toString().getBytes(StandardCharsets.UTF_8));
      byte[] input = zip(pkg);
      try {
        if (check(input)) tables++;
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("input #" + n + ", " + entry + ": " + text, e);
      }
    }
    // The mutations must reach the cells, not only break the package.
    assertTrue(tables > iterations / 4, tables + " of " + iterations + " mutated workbooks gave a table");
  }

  /** Checks one input; returns whether it gave a table. */
  static boolean check(byte[] input) {
    Diagnostics diags = new Diagnostics(100_000);
    Optional<Table> table = XlsxReader.read("f.xlsx", input, KNOWN, diags);
    if (table.isEmpty()) {
      assertTrue(diags.hasErrors(), "a workbook that gives no table says why");
    } else {
      Table t = table.get();
      assertFalse(t.header().isEmpty());
      for (Cell c : t.header()) assertCell(c.location());
      for (Row row : t.rows()) {
        assertEquals(t.header().size(), row.cells().size(), "every row has the header's width");
        assertFalse(row.cells().stream().allMatch(Cell::isBlank), "blank rows are left out");
        for (Cell c : row.cells()) assertCell(c.location());
      }
    }
    for (Diagnostic d : diags.sorted()) {
      assertFalse(d.messageZh().isBlank() || d.messageEn().isBlank() || d.hintEn().isBlank(), d.toString());
      assertEquals("f.xlsx", d.location().path());
      if (d.location().line() > 0) assertCell(d.location());
    }
    return table.isPresent();
  }

  private static void assertCell(Location l) {
    assertTrue(l.inWorkbook() && l.line() >= 1 && l.column() >= 1 && l.column() <= MAX_COLUMN, l::toString);
    assertEquals("f.xlsx", l.path());
  }

  private static Map<String, byte[]> unzip(byte[] xlsx) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) out.put(e.getName(), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
