package dev.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lookups in two parallel lists give what a map of them gives, by scanning first and through a map later. */
class ListLookupTest {
  private static final List<String> KEYS = List.of("a", "b", "c", "b2", "d");
  private static final List<Integer> VALUES = List.of(1, 2, 3, 4, 5);

  @Test
  void equalKeysAreFoundAtTheirPlaceElsewhereOrNotAtAll() {
    ListLookup<String, Integer> l = new ListLookup<>(KEYS, VALUES, false, 3);
    assertEquals(3, l.get(2, "c"), "at the place expected");
    assertEquals(3, l.get(0, new String("c")), "an equal key elsewhere");
    assertEquals(5, l.get(99, "d"), "a place out of range is skipped");
    assertEquals(1, l.get(-1, "a"));
    assertFalse(l.mapped(), "three scans, no map yet");
    assertNull(l.get(-1, "x"), "the fourth miss builds the map");
    assertTrue(l.mapped());
    for (int i = 0; i < KEYS.size(); i++) assertEquals(VALUES.get(i), l.get(-1, new String(KEYS.get(i))));
    assertNull(l.get(-1, "zz"));
  }

  @Test
  void identityKeysAreFoundOnlyAsThemselves() {
    List<String> keys = new ArrayList<>();
    for (String k : KEYS) keys.add(new String(k));
    for (int scans : new int[] {0, 100}) {
      ListLookup<String, Integer> l = new ListLookup<>(keys, VALUES, true, scans);
      assertNull(l.get(1, new String("b")), "an equal key that is another instance");
      assertEquals(2, l.get(1, keys.get(1)));
      assertEquals(4, l.get(0, keys.get(3)), "the instance elsewhere");
      assertEquals(scans == 0, l.mapped());
    }
  }

  @Test
  void manyThreadsGetWhatOneThreadGets() {
    List<Object> keys = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      keys.add(new Object());
      values.add(i);
    }
    ListLookup<Object, Integer> l = new ListLookup<>(keys, values, true, 8);
    List<Integer> got = java.util.stream.IntStream.range(0, keys.size()).parallel()
        .mapToObj(i -> l.get((i * 31) % keys.size(), keys.get(i))).toList();
    assertEquals(values, got);
    assertTrue(l.mapped());
  }

  @Test
  void emptyFindsNothing() {
    assertNull(ListLookup.<String, Integer>empty().get(0, "a"));
    assertSame(null, ListLookup.<String, Integer>empty().get(-1, "a"));
  }

  @Test
  void listsOfOtherLengthsAreRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new ListLookup<>(KEYS, List.of(1), false));
  }
}
