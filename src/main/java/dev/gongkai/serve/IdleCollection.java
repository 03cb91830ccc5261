package dev.gongkai.serve;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Optional;

/**
 * A full garbage collection while the preview is idle, before the old generation is so full that the collector would
 * have to make one during the next build.
 *
 * <p>At 100,000 records a warm edit promotes up to 200 MB into the old generation, whose live part is about 720 MB of
 * some 1,040 MB committed (with a 2 GiB heap); the collector then compacts it every 3–5 edits, a 0.5–0.9 s pause
 * inside whichever build it falls in. Made between builds instead, once the last build's output is served and its
 * build cache written, the pause is spent while the publisher reads the page.
 *
 * <p>Not thread-safe: one instance per build thread. Small sites never reach {@link #MIN_GROWTH}, so it does nothing
 * for them.
 */
public final class IdleCollection {
  /**
   * How many builds' worth of growth must still fit in the old generation for the next build to be left alone. Above
   * one, because the collector gives up before the generation is full (it keeps room for its average promotion) and
   * because one edit may promote more than the last: at 100,000 records, edits promoted 0–200 MB each.
   */
  static final int HEADROOM_BUILDS = 3;
  /** Growth (bytes since the last look) below which nothing is collected: a small site, or a build that kept all. */
  static final long MIN_GROWTH = 32L << 20;

  private final Optional<MemoryPoolMXBean> oldGen;
  private long lastUsed = -1;

  /** Watches this JVM's old generation (none found: {@link #collectIfDue()} does nothing). */
  public IdleCollection() {
    this(oldGeneration());
  }

  IdleCollection(Optional<MemoryPoolMXBean> oldGen) {
    this.oldGen = oldGen;
  }

  /**
   * Collects now when the old generation has less room left in its committed size than {@link #HEADROOM_BUILDS} times
   * what it grew since the last call. Call it on the build thread after a build, when no other build is waiting: the
   * collection stops every thread for as long as it takes (about 0.6 s with 720 MB live). Returns whether it
   * collected.
   */
  public boolean collectIfDue() {
    if (oldGen.isEmpty()) return false;
    MemoryUsage now = oldGen.get().getUsage();
    // Not the maximum: the throughput collector grows the generation only in a full collection, which it makes when
    // the committed size no longer holds what the young collections promote (measured: at 1,000 of 1,040 MB).
    boolean due = due(lastUsed, now.getUsed(), now.getCommitted());
    if (due) {
      System.gc();
      lastUsed = oldGen.get().getUsage().getUsed();
    } else {
      lastUsed = now.getUsed();
    }
    return due;
  }

  /**
   * Whether to collect, the old generation holding {@code used} bytes of {@code limit} committed, after holding
   * {@code before} at the last look ({@code -1}: no look yet, which only records the figure).
   */
  static boolean due(long before, long used, long limit) {
    if (before < 0 || used <= before) return false;
    long growth = used - before;
    return growth >= MIN_GROWTH && limit - used < HEADROOM_BUILDS * growth;
  }

  /** The heap pool that holds long-lived objects (ParallelGC, G1 and Serial name it so), if any. */
  public static Optional<MemoryPoolMXBean> oldGeneration() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      String name = pool.getName().toLowerCase(Locale.ROOT);
      if (pool.getType() == MemoryType.HEAP && (name.contains("old gen") || name.contains("tenured"))) {
        return Optional.of(pool);
      }
    }
    return Optional.empty();
  }
}
