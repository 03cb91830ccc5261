package dev.gongkai.write;

import java.util.Arrays;
import java.util.Map;

/**
 * The keys of a map in ascending order, for writing it sorted, remembered for the next map: when its keys are the same
 * set, the last order is given again without sorting. A serve edit's build cache holds maps of 111,583 and 132,587
 * paths at 100,000 records whose keys rarely change between edits; sorting them (as {@code TreeMap}s) took some
 * 170 ms of every save, checking that they are the same takes a few.
 *
 * <p>Thread-safe; the array returned must not be changed.
 */
public final class KeyOrder {
  private String[] last;

  /** The keys of {@code map}, sorted ({@link String#compareTo}). */
  public synchronized String[] sorted(Map<String, ?> map) {
    String[] had = last;
    if (had != null && had.length == map.size() && allIn(had, map)) return had;
    String[] keys = map.keySet().toArray(new String[0]);
    Arrays.sort(keys);
    last = keys;
    return keys;
  }

  /** Whether every one of {@code keys} (distinct) is in {@code map}: with equal sizes, the same set. */
  private static boolean allIn(String[] keys, Map<String, ?> map) {
    for (String k : keys) {
      if (!map.containsKey(k)) return false;
    }
    return true;
  }
}
