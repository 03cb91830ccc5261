package dev.gongkai.build;

import dev.gongkai.audit.NeedleMemo;
import dev.gongkai.export.SearchEnginePatch;
import dev.gongkai.index.RecordDocs;
import dev.gongkai.index.SearchState;
import dev.gongkai.render.PageKeys;
import dev.gongkai.render.ViewDigest;
import dev.gongkai.validate.RowsMemo;
import dev.gongkai.validate.SameInstances;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.FutureTask;

/**
 * What one process keeps between builds of the same site ({@code gongkai serve}): the checked rows of each record
 * file ({@link RowsMemo}: unchanged files are neither read nor checked again), the catalogue and datasets when equal
 * to the last build's ({@link SameInstances}), the digests of the model records (kept for the instances the next
 * model still holds, see {@link ViewDigest#ViewDigest(ViewDigest)}), the records' search documents by instance
 * ({@link RecordDocs.Carried}), the pages' keys ({@link PageKeys}: taken again for a page whose values are the same),
 * the dataset tables ({@link dev.gongkai.export.TableMemo}: taken again when made from the same instances), the
 * sitemaps ({@link dev.gongkai.export.SitemapMemo})
 * and the build cache's state, which is then written to disk in the background once the output is committed instead
 * of before the build returns. A build given a warm state produces the same output and diagnostics as one without.
 *
 * <p>What callers must know: one state per source folder and cache folder, used by one build at a time. A build
 * waits for the previous build's cache to be written before it starts; {@link #awaitSave} waits for it too. A process
 * that exits while the cache is being written leaves no state file (it is deleted before each commit and each file
 * is written aside and moved in), so its next build from that cache is a clean one.
 */
public final class WarmState {
  final RowsMemo rows;
  final SameInstances same;
  final dev.gongkai.audit.TextHashes textHashes;
  /** The dataset tables of the last build, taken again when made from the same instances. */
  final dev.gongkai.export.TableMemo tables;
  /** The last build's sitemaps, kept when the page paths and records' dates are the same. */
  final dev.gongkai.export.SitemapMemo sitemap;
  /** The last build's digest, or null. */
  ViewDigest digest;
  /** The last build's records' search documents by instance, or null. */
  RecordDocs.Carried searchDocs;
  /** The last build's page keys, or null. */
  PageKeys pageKeys;
  /** The last build's templates (parsed as pages used them) and the digest of their files, or null. */
  dev.gongkai.render.Templates templates;
  byte[] templatesKey;
  /** The cache state the last build committed, and its folder; null before one. */
  private BuildCache.State state;
  private Path stateDir;
  private FutureTask<Void> saving;
  /** The order of the last save's paths (one save at a time: each build waits for the last). */
  private final BuildCache.KeyOrders orders = new BuildCache.KeyOrders();

  /** Nothing kept yet: the first build is a clean one, or one from the build cache on disk. */
  public WarmState() {
    this(new RowsMemo(), new SameInstances(), new dev.gongkai.audit.TextHashes(), new dev.gongkai.export.TableMemo(),
        new dev.gongkai.export.SitemapMemo());
  }

  private WarmState(RowsMemo rows, SameInstances same, dev.gongkai.audit.TextHashes textHashes,
      dev.gongkai.export.TableMemo tables, dev.gongkai.export.SitemapMemo sitemap) {
    this.rows = rows;
    this.same = same;
    this.textHashes = textHashes;
    this.tables = tables;
    this.sitemap = sitemap;
  }

  /**
   * A state holding what this one holds, for a build whose results must not reach this one's next build (a
   * rehearsal): builds given the fork change only the fork. Call it between builds, once the last build's cache is
   * written ({@link #awaitSaveEnded}).
   */
  WarmState fork() {
    WarmState f = new WarmState(rows.copy(), same.copy(), textHashes.copy(), tables.copy(), sitemap.copy());
    f.digest = digest;
    f.searchDocs = searchDocs;
    f.pageKeys = pageKeys;
    f.templates = templates;
    f.templatesKey = templatesKey;
    f.state = state;
    f.stateDir = stateDir;
    return f;
  }

  /** The committed state for {@code stamp} in {@code dir}: the one held here, else the one on disk. */
  Optional<BuildCache.State> state(Path dir, String stamp) {
    if (state != null && dir.equals(stateDir) && state.stamp().equals(stamp)) return Optional.of(state);
    return BuildCache.load(dir, stamp);
  }

  /** Whether this holds, in memory, the state a build committed to {@code dir} for an output stamped {@code stamp}. */
  boolean holds(Path dir, String stamp) {
    return state != null && dir.equals(stateDir) && state.stamp().equals(stamp);
  }

  /** Forgets the committed state (before a commit changes the output it describes). */
  void forgetState() {
    state = null;
    stateDir = null;
  }

  /** Holds {@code committed} for the next build and writes it (and the side files) to {@code dir} on another thread. */
  void saveInBackground(Path dir, BuildCache.State committed, SearchState search, SearchEnginePatch.Layout layout,
      NeedleMemo needles) {
    state = committed;
    stateDir = dir;
    saving = new FutureTask<>(() -> {
      BuildCache.saveAll(dir, committed, search, layout, needles, orders);
      return null;
    });
    Thread t = new Thread(saving, "gongkai-cache-save");
    t.start();
  }

  /**
   * Waits until the last build's cache is on disk. A failure to write it is thrown here (once); the state held in
   * memory stays valid, so the next build is still incremental.
   */
  public void awaitSave() throws IOException {
    FutureTask<Void> s = saving;
    if (s == null) return;
    saving = null;
    BuildCache.await(s);
  }

  /**
   * Waits until the last build's cache write has ended, leaving a failure of it to the next build (or
   * {@link #awaitSave}), which reports it.
   */
  public void awaitSaveEnded() {
    FutureTask<Void> s = saving;
    if (s == null) return;
    try {
      s.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      // Reported by the next awaitSave.
    }
  }
}
