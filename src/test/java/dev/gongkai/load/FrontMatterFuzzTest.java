package dev.gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gongkai.diag.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the page path of the loader: arbitrary bytes → {@link TextDecoder} → {@link TextChecks} →
 * {@link FrontMatter}. Nothing may throw; header keys are unique; each value is found in the file at the line and
 * column it claims (so every header diagnostic points at the right place); the body starts on {@code bodyLine} and
 * is the rest of the file. Seeds: {@code src/test/resources/dev/gongkai/load/FrontMatterFuzzTestInputs/}; see
 * {@link CsvReaderFuzzTest} for how to run it longer.
 */
class FrontMatterFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void page(byte[] input) {
    check(input);
  }

  @Test
  void seededMutations() {
    CsvReaderFuzzTest.mutate(CsvReaderFuzzTest.seeds("FrontMatterFuzzTestInputs"), FrontMatterFuzzTest::check, 0xF0);
  }

  static void check(byte[] input) {
    Diagnostics diags = new Diagnostics(100_000);
    Optional<String> decoded = TextDecoder.decode(input, "content/p.md", StandardCharsets.UTF_8, diags);
    Optional<SourceText> src = decoded.flatMap(t -> TextChecks.check("content/p.md", t, false, diags));
    if (src.isPresent()) {
      SourceText s = src.get();
      PageSource page = FrontMatter.parse(s, diags);
      String[] lines = CsvReaderFuzzTest.lines(s.text());
      if (!page.hasHeader()) {
        assertTrue(page.header().isEmpty());
        assertEquals(s.text(), page.body());
      } else {
        assertTrue(page.bodyLine() >= 2 && page.bodyLine() <= lines.length + 1, "body line " + page.bodyLine());
        assertTrue(lines[page.bodyLine() - 2].strip().matches("~{6,}"), "the line before the body is the separator");
        Set<String> keys = new HashSet<>();
        for (PageSource.HeaderEntry h : page.header()) {
          assertTrue(keys.add(h.key()), "duplicate key " + h.key());
          assertFalse(h.key().isEmpty());
          int line = h.value().location().line();
          int col = h.value().location().column();
          assertTrue(line >= 1 && line < page.bodyLine() - 1, "header value on a header line");
          CsvReaderFuzzTest.assertInside(lines, line, col);
          assertTrue(lines[line - 1].startsWith(h.value().value(), col - 1),
              () -> "value \"" + h.value().value() + "\" is at " + line + ":" + col);
        }
        StringBuilder rest = new StringBuilder();
        for (int i = page.bodyLine() - 1; i < lines.length; i++) {
          rest.append(lines[i]);
          if (i < lines.length - 1) rest.append('\n');
        }
        assertEquals(rest.toString(), page.body());
      }
    }
    CsvReaderFuzzTest.checkDiagnostics(diags,
        src.orElse(decoded.map(t -> new SourceText("content/p.md", t)).orElse(null)));
  }
}
