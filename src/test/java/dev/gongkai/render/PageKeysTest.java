package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.testing.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A key noted by one build is given to the next only for the same record instance or page values. */
class PageKeysTest {
  private static final byte[] KEY = {1, 2, 3};

  @Test
  void recordPageKeysFollowTheInstancesTheyWereComputedFrom() throws Exception {
    List<DisclosureRecord> records = Example.published().records();
    DisclosureRecord a = records.get(0);
    DisclosureRecord b = records.get(1);
    DisclosureRecord c = records.get(2);
    byte[] context = {9};
    PageKeys.Inputs inputs = new PageKeys.Inputs(context, null, b, List.of(b, c), List.of());
    PageKeys first = new PageKeys(records, null);
    assertNull(key(first, a, inputs), "nothing before the first build");
    String path = new String("records/a/index.html");
    first.noteRecord(0, inputs, KEY, path);

    // The next build: the same instances, equal inputs made anew.
    PageKeys second = new PageKeys(records, first);
    assertArrayEquals(KEY, key(second, a, new PageKeys.Inputs(new byte[] {9}, null, b, List.of(b, c),
        List.of())));
    assertSame(path, second.known(a).path(), "the page's path is the string the last build used");
    assertNull(key(second, b, inputs), "another record's page");
    assertNull(key(second, copyOf(a), inputs), "an equal record, but a new instance (its file was read again)");
    assertNull(key(second, a, new PageKeys.Inputs(new byte[] {8}, null, b, List.of(b, c), List.of())),
        "another item, domain or template");
    assertNull(key(second, a, new PageKeys.Inputs(context, null, copyOf(b), List.of(b, c), List.of())),
        "another 原文 instance");
    assertNull(key(second, a, new PageKeys.Inputs(context, b, b, List.of(b, c), List.of())), "a 解读 now");
    assertNull(key(second, a, new PageKeys.Inputs(context, null, b, List.of(b, copyOf(c)), List.of())),
        "a related record edited");
    assertNull(key(second, a, new PageKeys.Inputs(context, null, b, List.of(b), List.of())),
        "fewer related records");
    assertNull(key(second, a, new PageKeys.Inputs(context, null, b, List.of(b, c),
        List.of(new Views.Change("2026-02", "changed", List.of("title"))))), "a change in the release history");

    // A build that did not note the record (its page could not be digested) passes nothing on.
    PageKeys third = new PageKeys(records, second);
    assertNull(key(third, a, inputs));
  }

  @Test
  void comparingInPlaceAgreesWithMakingTheInputs() throws Exception {
    // sameInputs compares what a record page shows with what the last build noted without making the inputs; it
    // must say what making them and comparing (Inputs.sameAs) says, for any list of the item's records.
    List<DisclosureRecord> records = Example.published().records().subList(0, 8);
    java.util.Random random = new java.util.Random(3);
    int same = 0;
    for (int round = 0; round < 5000; round++) {
      DisclosureRecord r = records.get(random.nextInt(records.size()));
      List<DisclosureRecord> before = randomList(records, r, random);
      List<DisclosureRecord> now = random.nextInt(3) == 0 ? randomList(records, r, random) : before;
      byte[] context = {(byte) random.nextInt(2)};
      DisclosureRecord original = random.nextBoolean() ? null : records.get(random.nextInt(2));
      List<Views.Change> history = random.nextInt(4) == 0 ? List.of(new Views.Change("2026-02", "changed",
          List.of("title"))) : List.of();
      PageKeys.Inputs noted = new PageKeys.Inputs(new byte[] {0}, null, records.get(0), related(before, r),
          List.of());
      PageKeys.Known known = new PageKeys.Known(noted, KEY, "p");
      boolean expected = noted.sameAs(new PageKeys.Inputs(context, null, original, related(now, r), history));
      assertEquals(expected, PageKeys.sameInputs(known, context, null, original, now, r, 5, history),
          "round " + round + ": " + before + " then " + now);
      if (expected) same++;
    }
    assertTrue(same > 200 && same < 4800, "both answers are tried: " + same);
  }

  /** Up to nine of {@code records} in random order, repeats allowed, {@code r} among them or not. */
  private static List<DisclosureRecord> randomList(List<DisclosureRecord> records, DisclosureRecord r,
      java.util.Random random) {
    List<DisclosureRecord> l = new ArrayList<>();
    int n = random.nextInt(10);
    for (int i = 0; i < n; i++) l.add(records.get(random.nextInt(records.size())));
    return l;
  }

  /** The related records as the renderer makes them. */
  private static List<DisclosureRecord> related(List<DisclosureRecord> itemRecords, DisclosureRecord r) {
    return itemRecords.stream().filter(x -> x != r).limit(5).toList();
  }

  @Test
  void aRecordIsFoundAtItsPositionOrWhereverItMoved() throws Exception {
    List<DisclosureRecord> records = Example.published().records();
    PageKeys first = new PageKeys(records, null);
    for (int i = 0; i < records.size(); i++) {
      first.noteRecord(i, new PageKeys.Inputs(new byte[] {(byte) i}, null, null, List.of(), List.of()),
          new byte[] {(byte) i}, "p" + i);
    }
    // The next build: the first record edited (a new instance, as a file read again gives) and moved to the end.
    List<DisclosureRecord> next = new ArrayList<>(records.subList(1, records.size()));
    DisclosureRecord edited = copyOf(records.get(0));
    next.add(edited);
    PageKeys second = new PageKeys(next, first);
    for (int i = 0; i < next.size() - 1; i++) {
      assertEquals("p" + (i + 1), second.known(i, next.get(i)).path(), "found where it moved");
    }
    assertNull(second.known(next.size() - 1, edited), "a new instance, at an old record's place");
    assertNull(second.known(0, edited));
    PageKeys third = new PageKeys(next, second);
    assertNull(third.known(0, next.get(0)), "the second build noted nothing");
    PageKeys unchanged = new PageKeys(records, first);
    for (int i = 0; i < records.size(); i++) assertEquals("p" + i, unchanged.known(i, records.get(i)).path());
  }

  private static byte[] key(PageKeys keys, DisclosureRecord r, PageKeys.Inputs inputs) {
    return PageKeys.recordKey(keys.known(r), inputs);
  }

  @Test
  void otherPageKeysFollowTheValuesTheyWereComputedFrom() throws Exception {
    List<DisclosureRecord> records = Example.published().records();
    byte[] context = {7};
    PageKeys first = new PageKeys(records, null);
    first.notePage("a/index.html", context, "item", values(records.subList(0, 3), "第1页"), KEY);

    PageKeys second = new PageKeys(records, first);
    assertArrayEquals(KEY, second.pageKey("a/index.html", new byte[] {7}, "item",
        values(records.subList(0, 3), "第" + 1 + "页")));
    assertNull(second.pageKey("b/index.html", context, "item", values(records.subList(0, 3), "第1页")),
        "another page");
    assertNull(second.pageKey("a/index.html", context, "domain", values(records.subList(0, 3), "第1页")),
        "another template");
    assertNull(second.pageKey("a/index.html", new byte[] {6}, "item", values(records.subList(0, 3), "第1页")),
        "other whole-build values");
    assertNull(second.pageKey("a/index.html", context, "item", values(records.subList(0, 3), "第2页")),
        "another title");
    assertNull(second.pageKey("a/index.html", context, "item", values(records.subList(1, 4), "第1页")),
        "other records listed");
    List<DisclosureRecord> edited = new ArrayList<>(records.subList(0, 3));
    edited.set(2, copyOf(edited.get(2)));
    assertNull(second.pageKey("a/index.html", context, "item", values(edited, "第1页")), "a listed record edited");
    Map<String, Object> more = values(records.subList(0, 3), "第1页");
    more.put("pageUpdated", "2026-01-01");
    assertNull(second.pageKey("a/index.html", context, "item", more), "one more value");
  }

  private static Map<String, Object> values(List<DisclosureRecord> listed, String title) {
    Map<String, Object> v = new TreeMap<>();
    v.put("records", listed);
    v.put("content", new Views.Content("item", title, "a/", "../"));
    return v;
  }

  /** An equal record, as a new instance. */
  private static DisclosureRecord copyOf(DisclosureRecord r) {
    return Example.withTitle(r, r.title());
  }
}
