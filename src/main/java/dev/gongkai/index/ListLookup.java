package dev.gongkai.index;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds values by key in two lists of the same length (the key at {@code i} for the value at {@code i}), as a map
 * would, without building the map for a build that asks for few keys: a one-record edit at 100,000 records looks up
 * one or two, and building a hash map of every key took a tenth of a second or more of the search stage each time.
 *
 * <p>A lookup first tries the position the caller expects the key at (the same place as in the last build), then
 * scans the list; after {@code scans} scans it builds the map once and uses it from then on. Keys compare by identity
 * or by {@code equals}, as chosen; with equal keys the scan finds the first and the map the last, so equal keys must
 * have interchangeable values. Thread-safe; the lists must not change.
 */
final class ListLookup<K, V> {
  /** Scans before the map is built: each costs a pass over the keys, some 0.1 ms at 100,000. */
  static final int SCANS = 32;

  private final List<K> keys;
  private final List<V> values;
  private final boolean identity;
  private final int scans;
  private final AtomicInteger scanned = new AtomicInteger();
  private volatile Map<K, V> map;

  /**
   * @param identity keys compare by identity ({@code ==}), else by {@code equals}
   * @param scans lookups answered by scanning before the map is built (0: the map from the first miss)
   */
  ListLookup(List<K> keys, List<V> values, boolean identity, int scans) {
    if (keys.size() != values.size()) throw new IllegalArgumentException("one value per key");
    this.keys = keys;
    this.values = values;
    this.identity = identity;
    this.scans = scans;
  }

  ListLookup(List<K> keys, List<V> values, boolean identity) {
    this(keys, values, identity, SCANS);
  }

  /** An empty lookup. */
  static <K, V> ListLookup<K, V> empty() {
    return new ListLookup<>(List.of(), List.of(), true, 0);
  }

  /** The value of {@code key}, looked for first at {@code at} (any int: out of range is skipped); null when absent. */
  V get(int at, K key) {
    if (at >= 0 && at < keys.size() && same(keys.get(at), key)) return values.get(at);
    if (keys.isEmpty()) return null;
    Map<K, V> m = map;
    if (m == null && scanned.getAndIncrement() < scans) {
      for (int i = 0; i < keys.size(); i++) if (same(keys.get(i), key)) return values.get(i);
      return null;
    }
    return (m != null ? m : map()).get(key);
  }

  /** Whether the map has been built (for tests). */
  boolean mapped() {
    return map != null;
  }

  private boolean same(K a, K b) {
    return identity ? a == b : a.equals(b);
  }

  private synchronized Map<K, V> map() {
    if (map == null) {
      Map<K, V> m = identity ? new IdentityHashMap<>(keys.size()) : new HashMap<>(keys.size() + keys.size() / 3);
      for (int i = 0; i < keys.size(); i++) m.put(keys.get(i), values.get(i));
      map = m;
    }
    return map;
  }
}
