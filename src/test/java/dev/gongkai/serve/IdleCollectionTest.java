package dev.gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdleCollectionTest {
  private static final long MB = 1L << 20;

  @Test
  void collectsOnlyWhenTheNextFewBuildsWouldNotFit() {
    // Measured at 100,000 records: 720 MB live, up to 200 MB promoted per edit, 1,040 MB committed.
    assertFalse(IdleCollection.due(-1, 900 * MB, 1040 * MB), "the first look only records");
    assertFalse(IdleCollection.due(720 * MB, 784 * MB, 1040 * MB), "256 MB left is room for three more such builds");
    assertTrue(IdleCollection.due(784 * MB, 968 * MB, 1040 * MB), "72 MB left is not");
    assertFalse(IdleCollection.due(1000 * MB, 1010 * MB, 1040 * MB), "a build that promoted little: a small site");
    assertFalse(IdleCollection.due(979 * MB, 773 * MB, 1040 * MB), "the collector has just made room itself");
    assertTrue(IdleCollection.due(100 * MB, 100 * MB + IdleCollection.MIN_GROWTH, 100 * MB
        + IdleCollection.MIN_GROWTH * IdleCollection.HEADROOM_BUILDS), "the smallest growth that counts");
  }

  @Test
  void readsTheOldGenerationBeforeAndAfterCollecting() {
    // used and committed per read (the maximum is not the limit: the collector grows the generation only when full).
    Deque<MemoryUsage> reads = new ArrayDeque<>(List.of(
        new MemoryUsage(0, 400 * MB, 1000 * MB, 4000 * MB),
        new MemoryUsage(0, 600 * MB, 1000 * MB, 4000 * MB), // grew 200 MB, 400 MB left < 600 MB: collect
        new MemoryUsage(0, 350 * MB, 1000 * MB, 4000 * MB), // read after the collection
        new MemoryUsage(0, 450 * MB, 1000 * MB, 4000 * MB))); // grew 100 MB since then, 550 MB left: wait
    IdleCollection idle = new IdleCollection(Optional.of(pool(reads)));
    assertFalse(idle.collectIfDue());
    assertTrue(idle.collectIfDue());
    assertFalse(idle.collectIfDue(), "growth is counted from what the collection left");
    assertTrue(reads.isEmpty());
  }

  @Test
  void withoutAnOldGenerationItDoesNothing() {
    assertFalse(new IdleCollection(Optional.empty()).collectIfDue());
  }

  @Test
  void findsTheOldGenerationOfThisJvm() {
    Optional<MemoryPoolMXBean> pool = IdleCollection.oldGeneration();
    assertTrue(pool.isPresent(), "HotSpot's ParallelGC, G1 and Serial all name one");
    assertEquals(java.lang.management.MemoryType.HEAP, pool.get().getType());
  }

  /** A memory pool whose usage is the next of {@code reads} each time it is asked. */
  private static MemoryPoolMXBean pool(Deque<MemoryUsage> reads) {
    return (MemoryPoolMXBean) Proxy.newProxyInstance(MemoryPoolMXBean.class.getClassLoader(),
        new Class<?>[] {MemoryPoolMXBean.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getUsage" -> reads.removeFirst();
          case "getName" -> "Test Old Gen";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
