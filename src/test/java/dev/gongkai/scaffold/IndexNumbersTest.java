package dev.gongkai.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The next 索引号: per 前段码 and year, largest plus one, in the agency's own style. */
class IndexNumbersTest {
  private static final String P = "015583216";
  private static final LocalDate D2025 = LocalDate.of(2025, 6, 30);

  private static String next(List<String> numbers, LocalDate date) {
    return IndexNumbers.next(numbers, P, IndexNumbers.style(numbers, P), date);
  }

  @Test
  void largestOfTheYearPlusOneGapsNotFilled() {
    List<String> n = List.of(P + "/2025-00001", P + "/2025-00007", P + "/2025-00003", P + "/2024-00120");
    assertEquals(P + "/2025-00008", next(n, D2025));
  }

  @Test
  void aNewYearStartsAtOneWithTheSamePadding() {
    List<String> n = List.of(P + "/2025-00198", P + "/2025-00012");
    assertEquals(P + "/2026-00001", next(n, LocalDate.of(2026, 1, 2)));
    assertEquals(P + "/2024-00001", next(n, LocalDate.of(2024, 12, 31)), "an earlier year has its own serials");
  }

  @Test
  void paddingFollowsTheAgencyAndGrowsWhenNeeded() {
    assertEquals(P + "/2025-00001", next(List.of(), D2025), "default width 5");
    assertEquals(P + "/2025-013", next(List.of(P + "/2025-012", P + "/2025-003", P + "/2024-00001"), D2025),
        "commonest width wins");
    assertEquals(P + "/2025-1000", next(List.of(P + "/2025-999", P + "/2025-998"), D2025), "no truncation");
  }

  @Test
  void otherPrefixesDoNotCountAndInvalidValuesAreIgnored() {
    List<String> n = List.of(P + "/2025-00004", "530199/2025-00950", "11530199MB0123456X/2025-00300",
        "015583216/2025-0000A", "x", "015583216/25-00900", " " + P + "/2025-00005 ");
    assertEquals(P + "/2025-00006", next(n, D2025));
  }

  @Test
  void yearAndMonthStyle() {
    List<String> n = List.of(P + "/202501-0001", P + "/202503-0002", P + "/2025-0009");
    IndexNumbers.Style s = IndexNumbers.style(n, P);
    assertEquals(new IndexNumbers.Style(true, 4), s);
    // A year+month number counts for its year, whatever the form: serials never collide.
    assertEquals(P + "/202506-0010", IndexNumbers.next(n, P, s, D2025));
  }

  @Test
  void commonestPrefixTiesGoToTheSmallest() {
    assertEquals(Optional.of(P), IndexNumbers.commonestPrefix(List.of("530199/2025-1", P + "/2025-2")));
    assertEquals(Optional.of("530199"),
        IndexNumbers.commonestPrefix(List.of("530199/2025-1", P + "/2025-2", "530199/2025-3")));
    assertEquals(Optional.empty(), IndexNumbers.commonestPrefix(List.of("bad")));
  }

  @Test
  void findsNumbersInText() {
    assertEquals(List.of(P + "/2025-00001", "530199/202501-3"),
        IndexNumbers.findIn("<c><v>" + P + "/2025-00001</v></c> x530199/2025-1 530199/202501-3,"));
  }

  @Test
  void serialsUsedUp() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> next(List.of(P + "/2025-99999999"), D2025));
    assertTrue(e.getMessage().contains("2025"));
  }
}
