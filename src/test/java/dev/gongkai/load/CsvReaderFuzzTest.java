package dev.gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the CSV path of the loader: arbitrary bytes → {@link TextDecoder} (as UTF-8 and as a site that declares
 * GB18030) → {@link TextChecks} → {@link CsvReader}. Nothing may throw: every bad input must come back as located
 * diagnostics. Beyond "no exception" it checks that every diagnostic and every cell points into the text, that rows
 * have the header's width, and that a table read without errors reads back the same after being written out again.
 *
 * <p>{@code mvn test} replays the seeds in {@code src/test/resources/dev/gongkai/load/CsvReaderFuzzTestInputs/}
 * (Jazzer's regression mode) and runs {@link #seededMutations} (a bounded, reproducible mutation loop over the same
 * seeds; {@code -Dgongkai.fuzz.iterations=N} for more). {@code JAZZER_FUZZ=1 mvn test -Dtest=CsvReaderFuzzTest}
 * fuzzes with coverage guidance for {@code maxDuration} (see README, Tests); findings land in that inputs folder.
 */
class CsvReaderFuzzTest {
  static final Path SEEDS = Path.of("src/test/resources/dev/gongkai/load");

  @FuzzTest(maxDuration = "5m")
  void csv(byte[] input) {
    check(input);
  }

  @Test
  void seededMutations() {
    mutate(seeds("CsvReaderFuzzTestInputs"), CsvReaderFuzzTest::check, 0xC5F);
  }

  static void check(byte[] input) {
    for (Charset declared : List.of(StandardCharsets.UTF_8, TextDecoder.GB18030)) {
      Diagnostics diags = new Diagnostics(100_000);
      Optional<String> decoded = TextDecoder.decode(input, "f.csv", declared, diags);
      Optional<SourceText> src = decoded.flatMap(t -> TextChecks.check("f.csv", t, false, diags));
      src.ifPresent(s -> checkTable(s, CsvReader.read(s, diags), diags));
      // Located in the text the reader read (stray BOMs removed), else in the decoded text.
      checkDiagnostics(diags, src.orElse(decoded.map(t -> new SourceText("f.csv", t)).orElse(null)));
    }
  }

  private static void checkTable(SourceText src, Optional<Table> table, Diagnostics diags) {
    if (table.isEmpty()) {
      assertTrue(diags.hasErrors(), "a CSV that gives no table says why");
      return;
    }
    Table t = table.get();
    assertFalse(t.header().isEmpty());
    String[] lines = lines(src.text());
    for (Cell c : t.header()) assertInside(lines, c.location().line(), c.location().column());
    for (Row r : t.rows()) {
      assertEquals(t.header().size(), r.cells().size(), "every row has the header's width");
      for (Cell c : r.cells()) assertInside(lines, c.location().line(), c.location().column());
    }
    if (diags.hasErrors()) return;
    // Round trip: written out fully quoted and read again, the same table.
    StringBuilder b = new StringBuilder();
    write(b, t.header());
    for (Row r : t.rows()) write(b, r.cells());
    Diagnostics again = new Diagnostics();
    Table back = CsvReader.read(new SourceText("g.csv", b.toString()), again).orElseThrow(
        () -> new AssertionError("re-reading failed: " + again.sorted()));
    assertEquals(values(List.of(t.header())), values(List.of(back.header())));
    assertEquals(values(t.rows().stream().map(Row::cells).toList()),
        values(back.rows().stream().map(Row::cells).toList()));
  }

  private static void write(StringBuilder b, List<Cell> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) b.append(',');
      b.append('"').append(cells.get(i).value().replace("\"", "\"\"")).append('"');
    }
    b.append("\r\n");
  }

  private static List<List<String>> values(List<List<Cell>> rows) {
    return rows.stream().map(r -> r.stream().map(Cell::value).toList()).toList();
  }

  /** Every located diagnostic points at a line and column that exist (the column may be one past the line's end). */
  static void checkDiagnostics(Diagnostics diags, SourceText src) {
    String[] lines = src == null ? null : lines(src.text());
    for (Diagnostic d : diags.sorted()) {
      assertFalse(d.messageZh().isBlank() || d.messageEn().isBlank() || d.hintEn().isBlank(), d.toString());
      if (d.location().line() == 0) continue;
      assertTrue(d.location().line() >= 1 && d.location().column() >= 1, d.toString());
      if (lines != null) assertInside(lines, d.location().line(), d.location().column());
    }
  }

  static void assertInside(SourceText src, int line, int column) {
    assertInside(lines(src.text()), line, column);
  }

  static void assertInside(String[] lines, int line, int column) {
    assertTrue(line >= 1 && line <= lines.length, () -> "line " + line + " of " + lines.length);
    assertTrue(column >= 1 && column <= lines[line - 1].length() + 1,
        () -> "column " + column + " of line " + line + " (" + lines[line - 1].length() + " chars)");
  }

  /** The text's lines as {@link SourceText} counts them (LF, CRLF or a lone CR). */
  static String[] lines(String text) {
    return text.split("\r\n|\r|\n", -1);
  }

  /** The seed files of one fuzz test (all its method folders). */
  static List<byte[]> seeds(String dir) {
    try (Stream<Path> s = Files.walk(SEEDS.resolve(dir))) {
      List<byte[]> out = new ArrayList<>();
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) out.add(Files.readAllBytes(p));
      assertFalse(out.isEmpty(), "no seeds in " + dir);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A bounded, reproducible mutation fuzzer for every {@code mvn test}: byte flips, insertions of the characters
   * that matter to the formats (quotes, separators, line ends, BOMs, invalid UTF-8, escapes), deletions, duplicated
   * slices and splices of two seeds. {@code -Dgongkai.fuzz.iterations} sets the count (default 3,000) and
   * {@code -Dgongkai.fuzz.seed} the random seed.
   */
  static void mutate(List<byte[]> seeds, Consumer<byte[]> target, long salt) {
    int iterations = Integer.getInteger("gongkai.fuzz.iterations", 3000);
    Random r = new Random(Long.getLong("gongkai.fuzz.seed", 20240601L) ^ salt);
    byte[][] tokens = {
      "\"".getBytes(), ",".getBytes(), "\r\n".getBytes(), "\r".getBytes(), "\n".getBytes(), "\"\"".getBytes(),
      "{".getBytes(), "}".getBytes(), "[".getBytes(), "]".getBytes(), ":".getBytes(), "\\u".getBytes(),
      "\\ud800".getBytes(), "\\u0000".getBytes(), "=".getBytes(), "~~~~~~".getBytes(), "~~~~~~\n".getBytes(),
      {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {0}, {0x0B}, "\t".getBytes(), "，".getBytes(StandardCharsets.UTF_8), "标题".getBytes(StandardCharsets.UTF_8),
      "安全".getBytes(TextDecoder.GB18030), "11010519491231002X".getBytes(), "13812345678".getBytes(),
      "null".getBytes(), "1e999999".getBytes(), "\"records\"".getBytes(), "\"事项\"".getBytes(StandardCharsets.UTF_8)
    };
    for (int n = 0; n < iterations; n++) {
      byte[] in = seeds.get(r.nextInt(seeds.size())).clone();
      int rounds = 1 + r.nextInt(6);
      for (int k = 0; k < rounds; k++) in = mutateOnce(in, r, tokens, seeds);
      try {
        target.accept(in);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("input #" + n + " (" + in.length + " bytes): " + hex(in), e);
      }
    }
  }

  private static byte[] mutateOnce(byte[] in, Random r, byte[][] tokens, List<byte[]> seeds) {
    int pos = in.length == 0 ? 0 : r.nextInt(in.length + 1);
    switch (r.nextInt(6)) {
      case 0 -> {
        if (in.length > 0) in[Math.min(pos, in.length - 1)] ^= (byte) (1 << r.nextInt(8));
        return in;
      }
      case 1, 2 -> {
        return splice(in, pos, pos, tokens[r.nextInt(tokens.length)]);
      }
      case 3 -> {
        int end = Math.min(in.length, pos + 1 + r.nextInt(16));
        return splice(in, pos, end, new byte[0]);
      }
      case 4 -> {
        int end = Math.min(in.length, pos + r.nextInt(64));
        byte[] slice = java.util.Arrays.copyOfRange(in, pos, end);
        return splice(in, end, end, slice);
      }
      default -> {
        byte[] other = seeds.get(r.nextInt(seeds.size()));
        int from = other.length == 0 ? 0 : r.nextInt(other.length);
        return splice(in, pos, in.length, java.util.Arrays.copyOfRange(other, from, other.length));
      }
    }
  }

  private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
    byte[] out = new byte[from + insert.length + (in.length - to)];
    System.arraycopy(in, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(in, to, out, from + insert.length, in.length - to);
    return out;
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(b.length, 400); i++) s.append(String.format("%02x", b[i] & 0xFF));
    return s.append(b.length > 400 ? "…" : "").toString();
  }
}
