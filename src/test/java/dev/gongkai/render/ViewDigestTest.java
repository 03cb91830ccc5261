package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.testing.Example;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Digests primed on every core are the digests computed one by one, different records digest differently, and values
 * {@link ViewDigest#alike} says are alike digest the same.
 */
class ViewDigestTest {
  @Test
  void aBufferHashedAsItFillsGivesTheSameDigest() throws Exception {
    // Large values (the example's records many times over, long strings, nested sets digested while the outer
    // buffer streams): the same digest whether buffers stream from 16 bytes, from the default, or never.
    java.util.Random random = new java.util.Random(3);
    List<DisclosureRecord> records = Example.published().records();
    List<Object> values = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      List<Object> v = new java.util.ArrayList<>();
      for (int j = 0; j < 1 + random.nextInt(400); j++) {
        switch (random.nextInt(4)) {
          case 0 -> v.add("文".repeat(random.nextInt(random.nextBoolean() ? 100 : 40_000)));
          case 1 -> v.add(records.get(random.nextInt(records.size())));
          case 2 -> v.add(java.util.Set.of("甲" + j, "乙".repeat(random.nextInt(100)) + j));
          default -> v.add(random.nextLong());
        }
      }
      values.add(v);
    }
    int before = ViewDigest.streamFrom;
    try {
      List<byte[]> never = digests(values, Integer.MAX_VALUE);
      assertEquals(10, never.size());
      for (int from : new int[] {16, 1000, ViewDigest.STREAM_FROM}) {
        List<byte[]> streamed = digests(values, from);
        for (int i = 0; i < values.size(); i++) assertArrayEquals(never.get(i), streamed.get(i), from + ": " + i);
      }
    } finally {
      ViewDigest.streamFrom = before;
    }
  }

  private static List<byte[]> digests(List<Object> values, int streamFrom) {
    ViewDigest.streamFrom = streamFrom;
    ViewDigest d = new ViewDigest();
    return values.stream().map(d::of).toList();
  }

  @Test
  void aDigestStartedAheadIsTheDigestOfThatInstance() throws Exception {
    PublishedSite site = Example.published();
    PublishedSite equal = Example.published();
    ViewDigest digest = new ViewDigest();
    digest.ahead(site);
    byte[] ahead = digest.ofAhead(site);
    assertArrayEquals(new ViewDigest().of(site), ahead);
    assertArrayEquals(ahead, digest.ofAhead(equal), "another instance is digested, to the same value");
    // A value that cannot be digested fails ofAhead as it fails of().
    ViewDigest other = new ViewDigest();
    Object odd = List.of(new Object());
    other.ahead(odd);
    org.junit.jupiter.api.Assertions.assertThrows(ViewDigest.Unkeyable.class, () -> other.ofAhead(odd));
  }

  @Test
  void primedDigestsAreTheSameAsUnprimed() throws Exception {
    PublishedSite site = Example.published();
    List<DisclosureRecord> records = site.records();
    ViewDigest primed = new ViewDigest();
    primed.prime(records);
    ViewDigest plain = new ViewDigest();
    for (DisclosureRecord r : records) assertArrayEquals(plain.of(r), primed.of(r), r.indexNo());
    assertArrayEquals(plain.of(records), primed.of(records));
    assertFalse(Arrays.equals(plain.of(records.get(0)), plain.of(records.get(1))));
  }

  @Test
  void digestsCarriedToTheNextBuildAreThoseOfItsOwnRecords() throws Exception {
    List<DisclosureRecord> records = Example.published().records();
    ViewDigest first = new ViewDigest();
    first.prime(records);
    // The next build keeps most instances; one record is a new instance with another title, one an equal copy.
    DisclosureRecord a = records.get(0);
    DisclosureRecord b = records.get(1);
    DisclosureRecord edited = Example.withTitle(a, a.title() + "（改）");
    DisclosureRecord copy = Example.withTitle(b, b.title());
    List<DisclosureRecord> next = new java.util.ArrayList<>(records);
    next.set(0, edited);
    next.set(1, copy);
    ViewDigest second = new ViewDigest(first);
    second.prime(next);
    ViewDigest plain = new ViewDigest();
    for (DisclosureRecord r : next) assertArrayEquals(plain.of(r), second.of(r), r.indexNo());
    assertFalse(Arrays.equals(first.of(a), second.of(edited)), "the edited record is digested anew");
  }

  @Test
  void alikeValuesDigestTheSame() throws Exception {
    List<DisclosureRecord> records = Example.published().records();
    DisclosureRecord a = records.get(0);
    DisclosureRecord copy = Example.withTitle(a, a.title());
    java.util.LinkedHashMap<String, Object> ab = new java.util.LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", 2);
    java.util.LinkedHashMap<String, Object> ba = new java.util.LinkedHashMap<>();
    ba.put("b", 2);
    ba.put("a", 1);
    // Each case: two values and whether they must be alike.
    List<Object[]> cases = List.of(
        new Object[] {new String("标题"), new String("标题"), true},
        new Object[] {"标题", "标题 ", false},
        new Object[] {1, 1L, false},
        new Object[] {java.time.LocalDate.of(2026, 1, 2), java.time.LocalDate.of(2026, 1, 2), true},
        new Object[] {new Views.Crumb("首页", "../"), new Views.Crumb("首页", "../"), true},
        new Object[] {new Views.Crumb("首页", "../"), new Views.Crumb("首页", null), false},
        new Object[] {a, a, true},
        new Object[] {a, copy, false}, // shared model records are compared as instances only
        new Object[] {records.subList(0, 3), List.copyOf(records.subList(0, 3)), false}, // not the same list class
        new Object[] {records.subList(0, 3), records.subList(0, 3), true},
        new Object[] {records.subList(0, 3), records.subList(1, 4), false},
        new Object[] {java.util.Optional.empty(), null, false},
        new Object[] {dev.gongkai.diag.Location.file("a.csv"), dev.gongkai.diag.Location.cell("b.csv", null, 3, 4), true},
        new Object[] {new java.util.TreeMap<>(ab), new java.util.TreeMap<>(ba), true},
        new Object[] {ab, ba, false}, // equal maps, digested in their own (different) orders
        new Object[] {new java.util.HashSet<>(List.of(1, 2)), new java.util.HashSet<>(List.of(2, 1)), false},
        new Object[] {List.of(new Views.Change("2026-01", "changed", List.of("title"))),
            List.of(new Views.Change("2026-01", "changed", List.of("title"))), true},
        new Object[] {new byte[] {1, 2}, new byte[] {1, 2}, true},
        new Object[] {new Object(), new Object(), false});
    ViewDigest digest = new ViewDigest();
    for (Object[] c : cases) {
      String what = c[0] + " / " + c[1];
      assertEquals(c[2], ViewDigest.alike(c[0], c[1]), what);
      if ((boolean) c[2]) assertArrayEquals(digest.of(c[0]), digest.of(c[1]), what);
    }
    assertFalse(Arrays.equals(digest.of(ab), digest.of(ba)), "ordered maps digest in their order");
  }

  /** Random nested values drawn from a small pool, so that many pairs are equal: alike ones always digest the same. */
  @Test
  void alikeImpliesTheSameDigestOverRandomValues() {
    java.util.Random random = new java.util.Random(7);
    ViewDigest digest = new ViewDigest();
    int alike = 0;
    for (int i = 0; i < 20_000; i++) {
      Object x = randomValue(random, 3);
      Object y = random.nextInt(4) == 0 ? x : randomValue(random, 3);
      if (ViewDigest.alike(x, y)) {
        alike++;
        assertArrayEquals(digest.of(x), digest.of(y), x + " / " + y);
      }
    }
    assertTrue(alike > 5_000, "enough alike pairs to mean something: " + alike);
  }

  private static Object randomValue(java.util.Random random, int depth) {
    int kind = random.nextInt(depth == 0 ? 5 : 9);
    return switch (kind) {
      case 0 -> random.nextInt(3) == 0 ? null : "s" + random.nextInt(2);
      case 1 -> random.nextInt(2);
      case 2 -> (long) random.nextInt(2);
      case 3 -> java.time.LocalDate.of(2026, 1, 1 + random.nextInt(2));
      case 4 -> new Views.Crumb("c" + random.nextInt(2), random.nextBoolean() ? null : "h");
      case 5 -> {
        List<Object> l = new java.util.ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) l.add(randomValue(random, depth - 1));
        yield l;
      }
      case 6 -> {
        java.util.Map<String, Object> m = random.nextBoolean() ? new java.util.TreeMap<>()
            : new java.util.LinkedHashMap<>();
        for (int n = random.nextInt(3); n > 0; n--) m.put("k" + random.nextInt(3), randomValue(random, depth - 1));
        yield m;
      }
      case 7 -> java.util.Optional.ofNullable(randomValue(random, depth - 1));
      default -> new Views.Pager(1 + random.nextInt(2), 2, 40, null, random.nextBoolean() ? "page/2/" : null,
          List.of(new Views.PageLink(1, "./", true)));
    };
  }
}
