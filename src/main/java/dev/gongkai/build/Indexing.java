package dev.gongkai.build;

import dev.gongkai.export.SearchEngineExport;
import dev.gongkai.export.SearchEnginePatch;
import dev.gongkai.index.RecordDocs;
import dev.gongkai.index.SearchDoc;
import dev.gongkai.index.SearchDocs;
import dev.gongkai.index.SearchExport;
import dev.gongkai.index.SearchIndex;
import dev.gongkai.index.SearchInputs;
import dev.gongkai.index.SearchPatch;
import dev.gongkai.index.SearchState;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.render.ViewDigest;
import dev.gongkai.write.NotingSink;
import dev.gongkai.write.OutputSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
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
  /** How the stage made its files. */
  enum Mode {
    /** Every document indexed and every file computed. */
    FULL,
    /** The previous build's files patched for the documents that changed ({@link SearchPatch}). */
    PATCHED,
    /** The previous build's files kept: the stage's inputs were the same. */
    KEPT
  }

  /**
   * What the stage produced; the reader stays open for the leak audit and the saved index until closed.
   *
   * @param index the Lucene index of every document (FULL), of the changed documents (PATCHED), or null (KEPT)
   * @param reader its reader, or null likewise
   * @param key the digest of the stage's inputs ({@link SearchInputs})
   * @param paths the files the stage wrote or kept, in no order (the build cache sorts them when it saves them)
   * @param state what the next build needs, or null when KEPT (the previous state stands)
   * @param engines the layout of the search-engine exports, or null when KEPT
   * @param carried the records' documents by instance, for the next build in this process (when KEPT, those the
   *     stage was given)
   */
  record Indexed(Mode mode, Directory index, DirectoryReader reader, long nanos, byte[] key, List<String> paths,
      SearchState state, SearchEnginePatch.Layout engines, RecordDocs.Carried carried) {
    boolean kept() {
      return mode == Mode.KEPT;
    }
  }

  /**
   * What the previous build's search stage left, for an incremental build whose leak audit searches for the same
   * things: when its input digest equals {@code key}, its files ({@code files}: path → SHA-256) are kept; else they
   * may be patched, read from the output folder {@code dir}.
   */
  record Previous(byte[] key, Map<String, byte[]> files, Path dir) {}

  private final CompletableFuture<Indexed> future;

  private Indexing(CompletableFuture<Indexed> future) {
    this.future = future;
  }

  /**
   * Starts the stage: the browser index under {@code search/} and the search-engine exports under
   * {@code search/engines/}, whose checksums go into {@code sums} (synchronise on it to read it before
   * {@link #join()}). {@code last} gives the previous build's {@link SearchState} (read only when needed): records'
   * documents are taken from it when unchanged, and with a {@link Previous} the files are kept or patched. A full
   * index is built in a new folder of {@code scratch} (null: on the heap).
   *
   * <p>The stage may start before the {@link Previous} is known (the leak audit decides whether the last build's
   * files may be kept or patched): it digests its inputs and, when they differ from {@code lastKey} (the key the last
   * build's files were made for), makes its documents meanwhile, then waits for {@code previousIndex}. Complete it
   * (with null for none) or fail it, or the stage waits for ever.
   *
   * @param lastKey the search key of the last build ({@link Previous#key()} when there is a previous), or null
   * @param carried the last build's records' documents by instance ({@code gongkai serve}), or null
   */
  static Indexing start(PublishedSite site, OutputSink out, Map<String, String> sums,
      Supplier<Optional<SearchState>> last, Supplier<Optional<SearchEnginePatch.Layout>> lastEngines,
      byte[] lastKey, CompletableFuture<Previous> previousIndex, ViewDigest digest, RecordDocs.Carried carried,
      Path scratch) {
    CompletableFuture<Indexed> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      long t0 = System.nanoTime();
      Directory index = null;
      DirectoryReader reader = null;
      try {
        byte[] key = SearchInputs.digest(site, digest);
        // Unless the last build's files are likely kept, the documents are made while the caller decides.
        Optional<SearchState> before = null;
        RecordDocs memo = null;
        SearchDocs.Keyed keyed = null;
        if (!Arrays.equals(key, lastKey)) {
          before = last.get();
          memo = before.map(SearchState::memo).orElseGet(RecordDocs::empty).forBuild(digest, carried);
          keyed = SearchDocs.keyed(site, memo);
        }
        Previous previous = previousIndex.join();
        if (previous != null && Arrays.equals(previous.key(), key)) {
          for (var e : previous.files().entrySet()) {
            out.keep(e.getKey());
            // The search-engine exports are listed in SHA256SUMS (the same digest, in hex).
            if (e.getKey().startsWith(SearchEngineExport.DIR)) {
              synchronized (sums) {
                sums.put(e.getKey(), HexFormat.of().formatHex(e.getValue()));
              }
            }
          }
          f.complete(new Indexed(Mode.KEPT, null, null, System.nanoTime() - t0, key,
              List.copyOf(previous.files().keySet()), null, null, carried));
          return;
        }
        NotingSink noted = new NotingSink(out, previous == null ? 16 : previous.files().size());
        if (keyed == null) {
          before = last.get();
          memo = before.map(SearchState::memo).orElseGet(RecordDocs::empty).forBuild(digest, carried);
          keyed = SearchDocs.keyed(site, memo);
        }
        List<SearchDoc> docs = keyed.docs();
        Optional<SearchPatch.Result> patched = previous == null || before.isEmpty() ? Optional.empty()
            : SearchPatch.apply(before.get().docs(), before.get().shape(), docs, site.catalogue(),
                p -> Files.readAllBytes(previous.dir().resolve(p)), noted);
        Mode mode;
        SearchExport.Shape shape;
        if (patched.isPresent()) {
          mode = Mode.PATCHED;
          index = patched.get().changed();
          reader = patched.get().reader();
          shape = patched.get().shape();
        } else {
          mode = Mode.FULL;
          index = SearchIndex.build(docs, scratch);
          reader = DirectoryReader.open(index);
          shape = SearchExport.write(reader, docs, site.catalogue(), noted).shape();
        }
        SearchEnginePatch.Layout layout = writeEngines(docs, site.config().baseUrl(),
            previous == null ? Optional.empty() : before, lastEngines, previous, noted, sums);
        f.complete(new Indexed(mode, index, reader, System.nanoTime() - t0, key, noted.paths(),
            SearchState.of(key, keyed, shape), layout, memo.carried()));
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

  /**
   * Writes the search-engine exports: patched when the previous build's documents and layout are known (and the
   * change is one a patch can make), else in full. Returns their layout for the next build.
   */
  private static SearchEnginePatch.Layout writeEngines(List<SearchDoc> docs, String baseUrl,
      Optional<SearchState> before, Supplier<Optional<SearchEnginePatch.Layout>> lastEngines, Previous previous,
      OutputSink out, Map<String, String> sums) throws IOException {
    Optional<SearchEnginePatch.Result> patched = before.isEmpty() ? Optional.empty()
        : SearchEnginePatch.apply(before.get().docs(), lastEngines.get().orElse(null), docs, baseUrl,
            p -> Files.readAllBytes(previous.dir().resolve(p)));
    if (patched.isEmpty()) {
      // A part at a time: the whole export would be twice the documents' text on the heap.
      return SearchEngineExport.write(docs, baseUrl, SearchEngineExport.PART_BYTES,
          (f, sha) -> SiteBuild.write(f, sha, out, sums));
    }
    SiteBuild.writeAll(patched.get().files(), out, sums);
    for (var kept : patched.get().kept().entrySet()) {
      out.keep(kept.getKey());
      synchronized (sums) {
        sums.put(kept.getKey(), kept.getValue()); // listed in SHA256SUMS like the files written
      }
    }
    return patched.get().layout();
  }

  /** Completes when the stage has finished, whether it succeeded or failed. */
  java.util.concurrent.CompletionStage<Void> done() {
    return future.handle((indexed, failure) -> null);
  }

  /** Waits for the stage and returns its result, rethrowing its failure as it was. */
  Indexed join() throws IOException {
    return Futures.await(future, "indexing");
  }

  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  /** Waits for the stage and closes what it left open. Only the first call counts. */
  @Override
  public void close() throws IOException {
    if (!closed.compareAndSet(false, true)) return;
    Indexed done;
    try {
      done = future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
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
