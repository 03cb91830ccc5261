package dev.gongkai.render;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads that render pages: {@code start} of them at first, up to {@code max} once {@link #widen()} is called.
 * The build starts with one core fewer than the machine has, because the search index stage runs beside rendering;
 * when that stage is done its core renders too, instead of idling through the rest of the pages.
 *
 * <p>Work is handed out one element at a time, so the threads finish together whatever each element costs (an
 * item with thousands of list pages, or one record page). Close it to stop the threads.
 */
final class RenderWorkers implements AutoCloseable {
  /** One element's work. */
  interface Task<T> {
    void render(T t) throws IOException;
  }

  /** One element's work, given the element's position in the list. */
  interface IndexedTask<T> {
    void render(int position, T t) throws IOException;
  }

  private final int max;
  private final int start;
  private final Semaphore permits;
  private final AtomicBoolean widened = new AtomicBoolean();
  private final ExecutorService pool;

  RenderWorkers(int start, int max) {
    this.start = Math.max(1, start);
    this.max = Math.max(this.start, max);
    this.permits = new Semaphore(this.start);
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(this.max, r -> {
      Thread t = new Thread(r, "gongkai-render-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Lets every one of the {@code max} threads render from now on. Thread-safe; only the first call counts. */
  void widen() {
    if (widened.compareAndSet(false, true)) permits.release(max - start);
  }

  /**
   * Runs {@code task} for every element and returns when all are done. The first failure stops the rest and is
   * rethrown as it was: an I/O error, a runtime exception (e.g. a template's diagnostic) or an error.
   */
  <T> void forEach(List<T> elements, Task<T> task) throws IOException {
    forEachIndexed(elements, (i, t) -> task.render(t));
  }

  /** {@link #forEach}, with each element's position. */
  <T> void forEachIndexed(List<T> elements, IndexedTask<T> task) throws IOException {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Future<?>> running = new ArrayList<>();
    for (int w = Math.min(max, elements.size()); w > 0; w--) {
      running.add(pool.submit(() -> {
        for (int i; failure.get() == null && (i = next.getAndIncrement()) < elements.size(); ) {
          try {
            permits.acquire();
          } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            return;
          }
          try {
            task.render(i, elements.get(i));
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          } finally {
            permits.release();
          }
        }
      }));
    }
    try {
      for (Future<?> f : running) f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
    } catch (ExecutionException e) {
      failure.compareAndSet(null, e.getCause());
    }
    Throwable t = failure.get();
    if (t == null) return;
    if (t instanceof InterruptedException) throw new InterruptedIOException("rendering interrupted");
    if (t instanceof IOException io) throw io;
    if (t instanceof RuntimeException r) throw r;
    if (t instanceof Error err) throw err;
    throw new IllegalStateException(t);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
