package dev.gongkai.build;

import dev.gongkai.export.SearchEngineExport;
import dev.gongkai.index.RecordDocs;
import dev.gongkai.index.SearchDoc;
import dev.gongkai.index.SearchDocs;
import dev.gongkai.index.SearchExport;
import dev.gongkai.index.SearchIndex;
import dev.gongkai.index.SearchInputs;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.write.OutputSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;

/**
 * The index stage (search documents → Lucene → the browser index under {@code search/}) on a thread of its own, so it
 * runs while the pages are rendered: both read only the published site and write disjoint files.
 *
 * <p>Callers must {@link #close()} it on every path (it waits for the thread and frees the index), and take the result
 * with {@link #join()} at most once.
 */
final class Indexing implements AutoCloseable {
  /**
   * What the stage produced; the reader stays open for the leak audit and the saved index until closed.
   *
   * @param index the Lucene index, or null when the previous build's search files were kept
   * @param reader its reader, or null likewise
   * @param key the digest of the stage's inputs ({@link SearchInputs})
   * @param paths the files the stage wrote or kept, sorted
   */
  record Indexed(Directory index, DirectoryReader reader, long nanos, byte[] key, java.util.List<String> paths) {
    boolean kept() {
      return index == null;
    }
  }

  /**
   * What the previous build's search stage left, for an incremental build: when its input digest equals
   * {@code key}, its files ({@code files}: path → SHA-256) are kept instead of being computed again.
   */
  record Previous(byte[] key, java.util.Map<String, byte[]> files) {}

  private final CompletableFuture<Indexed> future;

  private Indexing(CompletableFuture<Indexed> future) {
    this.future = future;
  }

  /**
   * Starts the stage: the browser index under {@code search/} and the search-engine exports under
   * {@code search/engines/}, whose checksums go into {@code sums} (synchronise on it to read it before
   * {@link #join()}); records' documents come from {@code memo} when unchanged.
   */
  static Indexing start(PublishedSite site, OutputSink out, java.util.Map<String, String> sums, RecordDocs memo,
      Previous previous, dev.gongkai.render.ViewDigest digest) {
    CompletableFuture<Indexed> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      long t0 = System.nanoTime();
      Directory index = null;
      DirectoryReader reader = null;
      try {
        byte[] key = SearchInputs.digest(site, digest);
        if (previous != null && java.util.Arrays.equals(previous.key(), key)) {
          for (var e : previous.files().entrySet()) {
            out.keep(e.getKey());
            // The search-engine exports are listed in SHA256SUMS (the same digest, in hex).
            if (e.getKey().startsWith(SearchEngineExport.DIR)) {
              synchronized (sums) {
                sums.put(e.getKey(), java.util.HexFormat.of().formatHex(e.getValue()));
              }
            }
          }
          f.complete(new Indexed(null, null, System.nanoTime() - t0, key, List.copyOf(previous.files().keySet())));
          return;
        }
        java.util.Set<String> paths = java.util.concurrent.ConcurrentHashMap.newKeySet();
        OutputSink noted = new OutputSink() {
          @Override
          public void write(String path, byte[] data) throws IOException {
            paths.add(path);
            out.write(path, data);
          }

          @Override
          public void copy(String path, java.nio.file.Path source) throws IOException {
            paths.add(path);
            out.copy(path, source);
          }
        };
        List<SearchDoc> docs = SearchDocs.of(site, memo.forBuild(digest));
        index = SearchIndex.build(docs);
        reader = DirectoryReader.open(index);
        SearchExport.write(reader, docs, site.catalogue(), noted);
        SiteBuild.writeAll(SearchEngineExport.build(docs, site.config().baseUrl()), noted, sums);
        f.complete(new Indexed(index, reader, System.nanoTime() - t0, key, paths.stream().sorted().toList()));
      } catch (Throwable e) {
        closeQuietly(reader, index);
        f.completeExceptionally(e);
      }
    }, "gongkai-index");
    t.setDaemon(true);
    // -Dgongkai.indexAlongside=false runs the stage first, on the caller's thread (for measurements).
    if (Boolean.parseBoolean(System.getProperty("gongkai.indexAlongside", "true"))) t.start();
    else t.run();
    return new Indexing(f);
  }

  /** Waits for the stage and returns its result, rethrowing its failure as it was. */
  Indexed join() throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("indexing interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) throw io;
      if (c instanceof UncheckedIOException u) throw u.getCause();
      if (c instanceof RuntimeException r) throw r;
      if (c instanceof Error err) throw err;
      throw new IllegalStateException(c);
    }
  }

  @Override
  public void close() throws IOException {
    Indexed done;
    try {
      done = future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException e) {
      return; // nothing left open: the thread closed what it had opened
    }
    if (done.kept()) return;
    try (Directory i = done.index(); DirectoryReader r = done.reader()) {
      // closed in reverse order: reader, then index
    }
  }

  private static void closeQuietly(AutoCloseable... resources) {
    for (AutoCloseable c : resources) {
      if (c == null) continue;
      try {
        c.close();
      } catch (Exception ignored) {
        // the stage's own failure is the one reported
      }
    }
  }
}
