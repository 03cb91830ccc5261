package dev.gongkai.audit;

import dev.gongkai.write.OutputSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The leak audit of files as a build writes them, beside rendering and indexing, instead of reading them all back
 * after the last one: at 100,000 records that read-back was some 15 s at the end of a clean build, with one core
 * often idle before it while the search stage finished. {@link LeakAudit#scan(Map, LeakAudit.Plan,
 * org.apache.lucene.index.IndexReader, LeakPrescan)} then takes these results and reads only the files this did not
 * scan.
 *
 * <p>Callers must know: files go through {@link #sink}, whose {@code write} hands the same bytes to the target and
 * then to a scanning thread, so a caller must not change an array after writing it (the stages write fresh arrays,
 * as {@code SerialWriter} already requires). A path written more than once, copied, kept or a zip container is left
 * to the read-back, as is a file whose scan failed (the read-back reports the failure). At most {@value #QUEUE}
 * files wait; beyond that the writing thread scans its file itself, so memory stays bounded.
 */
public final class LeakPrescan implements AutoCloseable {
  private static final int QUEUE = 64;
  /** A path whose result this does not give: the read-back scans it. */
  private static final Object READ_BACK = new Object();

  private final LeakAudit.Plan plan;
  private final ThreadPoolExecutor pool;
  /** Path → a pending token (an Object of its own), its {@link LeakAudit.Hits}, or {@link #READ_BACK}. */
  private final Map<String, Object> results = new ConcurrentHashMap<>();

  private LeakPrescan(LeakAudit.Plan plan) {
    this.plan = plan;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    pool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
      Thread t = new Thread(r, "gongkai-audit");
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** A prescan with {@code plan}, or null when the plan withholds nothing (the audit then reads nothing). */
  public static LeakPrescan start(LeakAudit.Plan plan) {
    return plan.withholdsNothing() ? null : new LeakPrescan(plan);
  }

  /** {@code target}, each file written through it also scanned. */
  public OutputSink sink(OutputSink target) {
    return new OutputSink() {
      @Override
      public void write(String path, byte[] data) throws IOException {
        target.write(path, data);
        scan(path, data);
      }

      @Override
      public void copy(String path, Path source) throws IOException {
        target.copy(path, source);
        results.put(path, READ_BACK);
      }

      @Override
      public void keep(String path) throws IOException {
        target.keep(path);
        results.put(path, READ_BACK);
      }
    };
  }

  /**
   * Scans, on one of this prescan's threads, the files written before it started ({@code files}: path → where it is
   * now), so that the read-back after the last write need not: the open-data files, which are written before the
   * audit's plan is known. Call it before writing through {@link #sink} again; a path written through it later is read
   * back as any path written twice.
   */
  public void scanWritten(Map<String, Path> files) {
    Map<String, Path> todo = new java.util.TreeMap<>();
    Map<String, Object> tokens = new HashMap<>();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      Object token = new Object();
      if (results.putIfAbsent(e.getKey(), token) == null) {
        todo.put(e.getKey(), e.getValue());
        tokens.put(e.getKey(), token);
      }
    }
    if (todo.isEmpty()) return;
    // One task for all of them: the pool's queue stays free for the files being written, which the writing threads
    // would otherwise scan themselves.
    pool.execute(() -> {
      for (Map.Entry<String, Path> e : todo.entrySet()) {
        Object result;
        try {
          // The file, rather than the bytes only, lets a zip container's entries be read too.
          result = LeakAudit.scanBytes(e.getKey(), java.nio.file.Files.readAllBytes(e.getValue()), e.getValue(), plan);
        } catch (IOException | RuntimeException x) {
          result = READ_BACK;
        }
        Object r = result;
        Object token = tokens.get(e.getKey());
        results.computeIfPresent(e.getKey(), (k, v) -> v == token ? r : v);
      }
    });
  }

  private void scan(String path, byte[] data) {
    Object token = new Object();
    Object now = results.merge(path, token, (old, t) -> READ_BACK); // a second write: read back
    if (now != token) return;
    if (LeakFiles.isZip(data)) { // its entries are read through a file: left to the read-back
      results.put(path, READ_BACK);
      return;
    }
    pool.execute(() -> {
      Object result;
      try {
        result = LeakAudit.scanBytes(path, data, null, plan);
      } catch (IOException | RuntimeException e) {
        result = READ_BACK;
      }
      Object r = result;
      results.computeIfPresent(path, (k, v) -> v == token ? r : v);
    });
  }

  /**
   * Waits for the scans and gives their results by path (files left to the read-back absent). Only for the plan
   * this was started with.
   */
  Map<String, LeakAudit.Hits> finish(LeakAudit.Plan plan) {
    if (plan != this.plan) throw new IllegalArgumentException("a prescan is read with the plan it scanned for");
    pool.shutdown();
    try {
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // scans of large files: keep waiting
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of(); // everything is read back
    }
    Map<String, LeakAudit.Hits> out = new HashMap<>();
    results.forEach((path, r) -> {
      if (r instanceof LeakAudit.Hits h) out.put(path, h);
    });
    return out;
  }

  /** Stops scanning (a build that failed); results are not read after this. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
