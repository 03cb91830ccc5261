package dev.gongkai.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
  private static List<Diagnostic> many(int n) {
    List<Diagnostic> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(Code.FILE_EMPTY.at(Location.file(String.format("catalogue/records/f%04d.csv", i)), ""));
    }
    return all;
  }

  @Test
  void theKeptDiagnosticsAreTheFirstByLocationWhateverTheReportingOrder() {
    List<Diagnostic> all = many(300);
    List<Diagnostic> first = all.subList(0, 10);
    for (long seed = 1; seed <= 5; seed++) {
      List<Diagnostic> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, new Random(seed));
      Diagnostics d = new Diagnostics(10);
      shuffled.forEach(d::add);
      assertEquals(first, d.sorted(), "seed " + seed);
      assertEquals(300, d.errorCount());
      assertEquals(300, d.total());
    }
  }

  @Test
  void reportingFromManyThreadsLosesNothing() {
    List<Diagnostic> all = many(2000);
    Diagnostics d = new Diagnostics(50);
    IntStream.range(0, all.size()).parallel().forEach(i -> d.add(all.get(i)));
    assertEquals(2000, d.errorCount());
    assertEquals(all.subList(0, 50), d.sorted());
  }

  @Test
  void diagnosticsCollectedAsideCountInFullWhenHandedBack() {
    List<Diagnostic> all = many(40);
    Diagnostics main = new Diagnostics(10);
    main.add(all.get(39));
    Diagnostics aside = main.aside();
    all.subList(0, 30).forEach(aside::add);
    aside.add(Code.DOCNO_BRACKETS.at(Location.file("catalogue/records/w.csv"), "", "x", "y"));
    assertEquals(10, aside.sorted().size(), "the aside collector has the same limit");
    main.addAll(aside);
    assertEquals(31, main.errorCount(), "errors the aside collector only counted are counted");
    assertEquals(1, main.warningCount());
    assertEquals(all.subList(0, 10), main.sorted());
  }
}
