package dev.gongkai.build;

import dev.gongkai.audit.NeedleMemo;
import dev.gongkai.export.DatasetMemo;
import dev.gongkai.export.SearchEnginePatch;
import dev.gongkai.index.SearchState;
import dev.gongkai.render.PageMemo;
import dev.gongkai.write.DataFiles;
import dev.gongkai.write.OutputManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The build cache (outside the output folder, by default {@code .gongkai/cache/} in the site): what the last
 * committed build wrote (every file's digest), what each page was rendered from, and what the leak audit searched
 * for. A build that finds a cache describing the output folder as it is rebuilds incrementally: it renders only the
 * pages whose inputs changed and writes only the files whose bytes changed, with the same result as a clean build.
 *
 * <p>What callers must know: the cache is trusted only for the same generator (version and jar), the same output
 * folder, and an output folder whose marker file is the one the cached build left; anything else — or an unreadable
 * cache — means a clean build. It is deleted before a build commits and written after, so a build that dies in
 * between leaves no stale cache. Files changed in the output folder by hand are not noticed: build with
 * {@code --clean} after that.
 */
final class BuildCache {
  private static final String FILE = "build-state.bin";
  private static final int FORMAT = 5;

  /**
   * The cached state of one committed build.
   *
   * @param indexKey digest of the search stage's inputs ({@code SearchInputs})
   * @param indexPaths the files the search stage wrote, in any order (saved sorted)
   * @param datasets what the open-data stage exported for each dataset
   */
  record State(String stamp, OutputManifest manifest, PageMemo pages, byte[] auditDigest, byte[] indexKey,
      java.util.List<String> indexPaths, DatasetMemo datasets) {
    State {
      indexPaths = java.util.List.copyOf(indexPaths);
    }
  }

  private BuildCache() {}

  /** What the last search stage indexed ({@link SearchState}), beside the state file. */
  static final String SEARCH_FILE = "search-state.bin";
  /** The layout of the last build's search-engine exports ({@link SearchEnginePatch}). */
  private static final String ENGINES_FILE = "engines-layout.bin";
  /** What the last leak audit learnt of the published texts ({@link NeedleMemo}). */
  private static final String NEEDLE_FILE = "leak-needles.bin";

  /**
   * A side file's value as the last build in this process left it, with the key it is for (the digest of the
   * search inputs; none for the content-addressed needle memo): gongkai serve rebuilds in one process and need not
   * read the files again.
   */
  private record Held<T>(byte[] key, T value) {
    Optional<T> ifFor(byte[] wanted) {
      return wanted == null || Arrays.equals(key, wanted) ? Optional.of(value) : Optional.empty();
    }
  }

  private static final Map<Path, Held<SearchState>> WARM_SEARCH = new ConcurrentHashMap<>();
  private static final Map<Path, Held<SearchEnginePatch.Layout>> WARM_ENGINES = new ConcurrentHashMap<>();
  private static final Map<Path, Held<NeedleMemo>> WARM_NEEDLES = new ConcurrentHashMap<>();

  private static Path folder(Path dir) {
    return dir.toAbsolutePath().normalize();
  }

  /** The search state the build described by {@code state} left in {@code dir}, if there is one for it. */
  static Optional<SearchState> searchState(Path dir, State state) {
    if (dir == null || state == null) return Optional.empty();
    Held<SearchState> warm = WARM_SEARCH.get(folder(dir));
    if (warm != null && warm.ifFor(state.indexKey()).isPresent()) return Optional.of(warm.value());
    return SearchState.read(dir.resolve(SEARCH_FILE), state.indexKey());
  }

  /** The search-engine export layout the build described by {@code state} left in {@code dir}, if any. */
  static Optional<SearchEnginePatch.Layout> engineLayout(Path dir, State state) {
    if (dir == null || state == null) return Optional.empty();
    Held<SearchEnginePatch.Layout> warm = WARM_ENGINES.get(folder(dir));
    if (warm != null && warm.ifFor(state.indexKey()).isPresent()) return Optional.of(warm.value());
    return DataFiles.read(dir.resolve(ENGINES_FILE), FORMAT,
        in -> Arrays.equals(in.readNBytes(in.readInt()), state.indexKey()) ? SearchEnginePatch.Layout.readFrom(in)
            : null);
  }

  /** The leak audit's memo the last build left in {@code dir} (content-addressed: never stale), or an empty one. */
  static NeedleMemo needleMemo(Path dir) {
    if (dir == null) return NeedleMemo.empty();
    Held<NeedleMemo> warm = WARM_NEEDLES.get(folder(dir));
    if (warm != null) return warm.value();
    return NeedleMemo.read(dir.resolve(NEEDLE_FILE)).orElseGet(NeedleMemo::empty);
  }

  /**
   * Keeps what the search stage and the leak audit of a build just committed leave for the next build, in memory
   * and in the files. A null state or layout means the build kept the previous ones, which stand.
   */
  private static void keepSideFiles(Path dir, byte[] key, SearchState state, SearchEnginePatch.Layout layout,
      NeedleMemo needles) throws IOException {
    Path k = folder(dir);
    if (state != null) {
      WARM_SEARCH.remove(k);
      state.write(dir.resolve(SEARCH_FILE));
      WARM_SEARCH.put(k, new Held<>(key.clone(), state));
    }
    if (layout != null) {
      WARM_ENGINES.remove(k);
      DataFiles.write(dir.resolve(ENGINES_FILE), FORMAT, out -> {
        out.writeInt(key.length);
        out.write(key);
        layout.writeTo(out);
      });
      WARM_ENGINES.put(k, new Held<>(key.clone(), layout));
    }
    Held<NeedleMemo> had = WARM_NEEDLES.get(k);
    if (had == null || had.value() != needles) {
      WARM_NEEDLES.remove(k);
      needles.write(dir.resolve(NEEDLE_FILE));
      WARM_NEEDLES.put(k, new Held<>(new byte[0], needles));
    }
  }

  /** The cache folder the command line uses for a site. */
  static Path defaultDir(Path source) {
    return source.resolve(".gongkai").resolve("cache");
  }

  /**
   * What the cache must match: generator, output folder and its marker's modification time and file identity. The
   * marker is written once per clean build and kept by incremental ones.
   */
  static String stamp(Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    Path marker = target.resolve(dev.gongkai.write.StagedOutput.MARKER);
    String markerId = "-";
    if (Files.isRegularFile(marker)) {
      // Time and file identity (inode): each clean build writes a new marker, even within the clock's resolution.
      var attrs = Files.readAttributes(marker, java.nio.file.attribute.BasicFileAttributes.class);
      markerId = attrs.lastModifiedTime() + " " + attrs.fileKey();
    }
    return String.join("\n", GeneratorVersion.get(), generatorStamp(), target.toString(), markerId);
  }

  /** Where the generator's classes come from and when they were built: bundled templates change with them. */
  static String generatorStamp() {
    try {
      var src = BuildCache.class.getProtectionDomain().getCodeSource();
      if (src == null) return "?";
      Path p = Path.of(src.getLocation().toURI());
      FileTime t = Files.getLastModifiedTime(Files.isDirectory(p)
          ? p.resolve("dev/gongkai/build/BuildCache.class") : p);
      return p + "@" + t;
    } catch (Exception e) {
      return "?";
    }
  }

  /** The state for {@code stamp}, or empty when there is none, it is for something else, or it cannot be read. */
  static Optional<State> load(Path dir, String stamp) {
    return DataFiles.read(dir.resolve(FILE), FORMAT, in -> {
      if (!in.readUTF().equals(stamp)) return null;
      byte[] audit = in.readNBytes(32);
      byte[] indexKey = in.readNBytes(32);
      int n = in.readInt();
      java.util.List<String> indexPaths = new java.util.ArrayList<>(n);
      for (int i = 0; i < n; i++) indexPaths.add(in.readUTF());
      OutputManifest manifest = OutputManifest.readFrom(in);
      PageMemo pages = PageMemo.readFrom(in);
      DatasetMemo datasets = DatasetMemo.readFrom(in);
      return manifest == null ? null : new State(stamp, manifest, pages, audit, indexKey, indexPaths, datasets);
    });
  }

  /** Forgets the cached state (before a build changes the output folder). */
  static void invalidate(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE));
  }

  /**
   * Keeps everything a build just committed leaves for the next one: {@link #keepSideFiles} (the search state is
   * hundreds of megabytes at 100,000 records) on a thread of its own, beside {@link #save} on this one. Returns when
   * both are written; an I/O failure of either is thrown here.
   */
  static void saveAll(Path dir, State state, SearchState search, SearchEnginePatch.Layout layout, NeedleMemo needles)
      throws IOException {
    saveAll(dir, state, search, layout, needles, new KeyOrders());
  }

  /**
   * The orders the last save wrote the output's files and the page memo in: given again to the next save of the same
   * process, which then sorts only when the paths changed.
   */
  record KeyOrders(dev.gongkai.write.KeyOrder files, dev.gongkai.write.KeyOrder pages) {
    KeyOrders() {
      this(new dev.gongkai.write.KeyOrder(), new dev.gongkai.write.KeyOrder());
    }
  }

  /** As {@link #saveAll(Path, State, SearchState, SearchEnginePatch.Layout, NeedleMemo)}, in {@code orders}. */
  static void saveAll(Path dir, State state, SearchState search, SearchEnginePatch.Layout layout, NeedleMemo needles,
      KeyOrders orders) throws IOException {
    java.util.concurrent.FutureTask<Void> side = new java.util.concurrent.FutureTask<>(() -> {
      keepSideFiles(dir, state.indexKey(), search, layout, needles);
      return null;
    });
    new Thread(side, "gongkai-cache").start();
    try {
      save(dir, state, orders);
    } finally {
      await(side);
    }
  }

  /** Waits for a write of the cache on another thread, rethrowing its failure as it was. */
  static void await(java.util.concurrent.FutureTask<Void> side) throws IOException {
    try {
      side.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while writing the build cache");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Writes the state of a build just committed (written aside, then moved in). */
  private static void save(Path dir, State state, KeyOrders orders) throws IOException {
    DataFiles.write(dir.resolve(FILE), FORMAT, out -> {
      out.writeUTF(state.stamp());
      out.write(state.auditDigest());
      out.write(state.indexKey());
      // Sorted here, on the thread that saves, not by the build: the saved file is the same for the same build.
      java.util.List<String> paths = new java.util.ArrayList<>(state.indexPaths());
      paths.sort(null);
      out.writeInt(paths.size());
      for (String p : paths) out.writeUTF(p);
      state.manifest().writeTo(out, orders.files());
      state.pages().writeTo(out, orders.pages());
      state.datasets().writeTo(out);
    });
  }
}
