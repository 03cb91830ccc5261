package dev.gongkai.export;

import dev.gongkai.render.ViewDigest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The dataset tables one build made, with what each was made from and its digest, kept by a process between builds
 * of one site ({@code gongkai serve}): a table whose inputs are the instances the last build's was made from is
 * taken again, digest included. At 100,000 records, making every item's {@code records-*} table and digesting them
 * (some 30 MB of cells) took a tenth of a second and more of each one-record edit, though only the edited record's
 * item had changed.
 *
 * <p>What callers must know: inputs are compared by identity (model values are immutable, and a serve build keeps
 * the instances of what did not change), strings and dates by value. A table is a function of its inputs, so a kept
 * table is the one that would be made. Thread-safe: datasets are exported in parallel.
 */
public final class TableMemo {
  /** A table, what it was made from, and its digest. */
  private record Made(List<Object> inputs, DatasetTable table, byte[] digest) {}

  private final Map<String, Made> byId = new ConcurrentHashMap<>();
  /** Tables taken again instead of made, over every build so far (for tests). */
  private final java.util.concurrent.atomic.AtomicInteger kept = new java.util.concurrent.atomic.AtomicInteger();

  /** A memo holding the tables this one holds, which the builds given it change without changing this one. */
  public TableMemo copy() {
    TableMemo c = new TableMemo();
    c.byId.putAll(byId);
    return c;
  }

  /**
   * The table with {@code id}: the last one made from the same {@code inputs}, else {@code make}'s (remembered, with
   * its digest, for the next build).
   */
  DatasetTable table(String id, List<Object> inputs, Supplier<DatasetTable> make) {
    Made had = byId.get(id);
    if (had != null && same(had.inputs(), inputs)) {
      kept.incrementAndGet();
      return had.table();
    }
    DatasetTable t = make.get();
    byId.put(id, new Made(inputs, t, digestOf(t)));
    return t;
  }

  /** The digest of {@code t}: the one noted when it was made here (the same instance), else computed. */
  byte[] digest(DatasetTable t) {
    Made m = byId.get(t.id());
    return m != null && m.table() == t ? m.digest() : digestOf(t);
  }

  /** Forgets the tables whose ids the current build did not have. */
  void retain(java.util.Set<String> ids) {
    byId.keySet().retainAll(ids);
  }

  /** How many tables builds took again instead of making them, so far. */
  public int kept() {
    return kept.get();
  }

  /** A table's digest, as every build computes it (with a memo or without). */
  static byte[] digestOf(DatasetTable t) {
    return new ViewDigest().of(t);
  }

  private static boolean same(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      if (x == y) continue;
      if ((x instanceof String || x instanceof LocalDate) && x.equals(y)) continue;
      return false;
    }
    return true;
  }
}
