package dev.gongkai.build;

import dev.gongkai.render.PageMemo;
import dev.gongkai.write.OutputManifest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

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
  private static final int FORMAT = 3;

  /**
   * The cached state of one committed build.
   *
   * @param indexKey digest of the search stage's inputs ({@code SearchInputs})
   * @param indexPaths the files the search stage wrote, sorted
   */
  record State(String stamp, OutputManifest manifest, PageMemo pages, byte[] auditDigest, byte[] indexKey,
      java.util.List<String> indexPaths) {
    State {
      indexPaths = java.util.List.copyOf(indexPaths);
    }
  }

  private BuildCache() {}

  /** What the last search stage indexed ({@link dev.gongkai.index.SearchState}), beside the state file. */
  static final String SEARCH_FILE = "search-state.bin";

  /**
   * The search state of the last build in this process, per cache folder: gongkai serve rebuilds in one process and
   * need not read the file again.
   */
  private static final java.util.Map<Path, dev.gongkai.index.SearchState> WARM =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The search state the build described by {@code state} left in {@code dir}, from memory or the file; empty when
   * there is none for it.
   */
  static Optional<dev.gongkai.index.SearchState> searchState(Path dir, State state) {
    if (dir == null || state == null) return Optional.empty();
    dev.gongkai.index.SearchState warm = WARM.get(dir.toAbsolutePath().normalize());
    if (warm != null && java.util.Arrays.equals(warm.key(), state.indexKey())) return Optional.of(warm);
    return dev.gongkai.index.SearchState.read(dir.resolve(SEARCH_FILE), state.indexKey());
  }

  /**
   * Keeps the search state of a build just committed (null: the build kept the previous one, which stands), in
   * memory and, when it changed, in the file.
   */
  static void keepSearchState(Path dir, dev.gongkai.index.SearchState state) throws IOException {
    Path key = dir.toAbsolutePath().normalize();
    if (state == null) return;
    WARM.remove(key);
    state.write(dir.resolve(SEARCH_FILE));
    WARM.put(key, state);
  }

  /** The layout of the search-engine exports of the last build ({@link dev.gongkai.export.SearchEnginePatch}). */
  private static final String ENGINES_FILE = "engines-layout.bin";

  private static final java.util.Map<Path, Object[]> WARM_ENGINES = new java.util.concurrent.ConcurrentHashMap<>();

  /** The search-engine export layout the build described by {@code state} left in {@code dir}, if any. */
  static Optional<dev.gongkai.export.SearchEnginePatch.Layout> engineLayout(Path dir, State state) {
    if (dir == null || state == null) return Optional.empty();
    Object[] warm = WARM_ENGINES.get(dir.toAbsolutePath().normalize());
    if (warm != null && java.util.Arrays.equals((byte[]) warm[0], state.indexKey())) {
      return Optional.of((dev.gongkai.export.SearchEnginePatch.Layout) warm[1]);
    }
    Path f = dir.resolve(ENGINES_FILE);
    if (!Files.isRegularFile(f)) return Optional.empty();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
      if (in.readInt() != FORMAT || !java.util.Arrays.equals(in.readNBytes(in.readInt()), state.indexKey())) {
        return Optional.empty();
      }
      return Optional.of(dev.gongkai.export.SearchEnginePatch.Layout.readFrom(in));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Keeps the layout a build just committed left (null: the build kept the previous one, which stands). */
  static void keepEngineLayout(Path dir, byte[] key, dev.gongkai.export.SearchEnginePatch.Layout layout)
      throws IOException {
    if (layout == null) return;
    Path k = dir.toAbsolutePath().normalize();
    WARM_ENGINES.remove(k);
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ENGINES_FILE, ".tmp");
    try {
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        out.writeInt(FORMAT);
        out.writeInt(key.length);
        out.write(key);
        layout.writeTo(out);
      }
      Files.move(tmp, dir.resolve(ENGINES_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    WARM_ENGINES.put(k, new Object[] {key.clone(), layout});
  }

  /** Which candidate needles each published text contains ({@link dev.gongkai.audit.NeedleMemo}). */
  private static final String NEEDLE_FILE = "leak-needles.bin";

  private static final java.util.Map<Path, dev.gongkai.audit.NeedleMemo> WARM_NEEDLES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The leak audit's memo the last build left in {@code dir} (content-addressed: never stale), or an empty one. */
  static dev.gongkai.audit.NeedleMemo needleMemo(Path dir) {
    if (dir == null) return dev.gongkai.audit.NeedleMemo.empty();
    dev.gongkai.audit.NeedleMemo warm = WARM_NEEDLES.get(dir.toAbsolutePath().normalize());
    if (warm != null) return warm;
    return dev.gongkai.audit.NeedleMemo.read(dir.resolve(NEEDLE_FILE)).orElseGet(dev.gongkai.audit.NeedleMemo::empty);
  }

  static void keepNeedleMemo(Path dir, dev.gongkai.audit.NeedleMemo memo) throws IOException {
    Path key = dir.toAbsolutePath().normalize();
    if (WARM_NEEDLES.get(key) == memo) return;
    WARM_NEEDLES.remove(key);
    memo.write(dir.resolve(NEEDLE_FILE));
    WARM_NEEDLES.put(key, memo);
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
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) return Optional.empty();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
      if (in.readInt() != FORMAT || !in.readUTF().equals(stamp)) return Optional.empty();
      byte[] audit = in.readNBytes(32);
      byte[] indexKey = in.readNBytes(32);
      int n = in.readInt();
      java.util.List<String> indexPaths = new java.util.ArrayList<>(n);
      for (int i = 0; i < n; i++) indexPaths.add(in.readUTF());
      OutputManifest manifest = OutputManifest.readFrom(in);
      PageMemo pages = PageMemo.readFrom(in);
      if (manifest == null) return Optional.empty();
      return Optional.of(new State(stamp, manifest, pages, audit, indexKey, indexPaths));
    } catch (EOFException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Forgets the cached state (before a build changes the output folder). */
  static void invalidate(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE));
  }

  /** Writes the state of a build just committed (written aside, then moved in). */
  static void save(Path dir, State state) throws IOException {
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, FILE, ".tmp");
    try {
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        out.writeInt(FORMAT);
        out.writeUTF(state.stamp());
        out.write(state.auditDigest());
        out.write(state.indexKey());
        out.writeInt(state.indexPaths().size());
        for (String p : state.indexPaths()) out.writeUTF(p);
        state.manifest().writeTo(out);
        state.pages().writeTo(out);
      }
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
