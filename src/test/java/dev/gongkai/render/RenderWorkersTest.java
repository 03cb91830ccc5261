package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The render threads: every element once, the first failure as it was, more threads only once widened. */
class RenderWorkersTest {
  private static final List<Integer> ELEMENTS = IntStream.range(0, 400).boxed().toList();

  @Test
  void everyElementIsRenderedOnce() throws Exception {
    try (RenderWorkers w = new RenderWorkers(2, 3)) {
      ConcurrentHashMap<Integer, AtomicInteger> seen = new ConcurrentHashMap<>();
      w.forEach(ELEMENTS, i -> seen.computeIfAbsent(i, k -> new AtomicInteger()).incrementAndGet());
      assertEquals(ELEMENTS.size(), seen.size());
      assertTrue(seen.values().stream().allMatch(n -> n.get() == 1));
      w.forEach(List.of(), i -> {
        throw new IOException("never called");
      });
    }
  }

  @Test
  void theFirstFailureIsRethrownAsItWas() {
    try (RenderWorkers w = new RenderWorkers(1, 2)) {
      IOException io = new IOException("disk full");
      assertSame(io, assertThrows(IOException.class, () -> w.forEach(ELEMENTS, i -> {
        if (i == 7) throw io;
      })));
      IllegalStateException broken = new IllegalStateException("template");
      assertSame(broken, assertThrows(IllegalStateException.class, () -> w.forEach(ELEMENTS, i -> {
        if (i == 350) throw broken;
      })));
    }
  }

  @Test
  void moreThreadsRenderOnlyOnceWidened() throws Exception {
    try (RenderWorkers w = new RenderWorkers(1, 2)) {
      assertEquals(1, maxConcurrency(w), "one thread until widened");
      w.widen();
      w.widen(); // idempotent: never more than the maximum
      int after = 0;
      for (int round = 0; round < 5 && after < 2; round++) after = maxConcurrency(w);
      assertEquals(2, after, "both threads once widened");
    }
  }

  private static int maxConcurrency(RenderWorkers w) throws IOException {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    w.forEach(IntStream.range(0, 40).boxed().toList(), i -> {
      max.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      now.decrementAndGet();
    });
    return max.get();
  }
}
