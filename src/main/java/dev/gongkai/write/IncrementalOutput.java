package dev.gongkai.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Updates a committed output folder in place, for incremental builds: files whose bytes are the same as in the
 * previous build's {@link OutputManifest} are not written at all, changed and new files are staged beside the folder,
 * and only {@link #commit()} moves them in (each with an atomic rename) and deletes the files this build no longer
 * produced. A failed build (no commit) leaves the folder exactly as it was.
 *
 * <p>What callers must know: unlike {@link StagedOutput} the folder is not swapped whole, so a reader may see the
 * old and new versions of different files for the moment the renames take; every single file is always whole. The
 * previous manifest must describe the folder as it is (the build cache checks this before choosing this sink).
 */
public final class IncrementalOutput implements BuildOutput {
  private final Path out;
  private final Path staging;
  private final OutputManifest previous;
  /** Sized for the previous build's files: growing a concurrent map while every render thread adds to it showed. */
  private final Map<String, byte[]> current;
  private final Map<String, Boolean> changed = new ConcurrentHashMap<>();
  /** Whether a path not in the previous output was written or copied. */
  private final java.util.concurrent.atomic.AtomicBoolean fresh = new java.util.concurrent.atomic.AtomicBoolean();
  private boolean committed;
  /** {@link #removedPaths()} as last computed, when the build had produced {@code files} files. */
  private volatile Removed removed;

  private record Removed(int files, List<String> paths) {}

  private IncrementalOutput(Path out, Path staging, OutputManifest previous) {
    this.out = out;
    this.staging = staging;
    this.previous = previous;
    int files = previous.files().size();
    this.current = new ConcurrentHashMap<>(Math.max(16, files + files / 3));
  }

  /** Opens {@code out} (a committed gongkai output described by {@code previous}) for an incremental build. */
  public static IncrementalOutput open(Path out, OutputManifest previous) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    if (!Files.isRegularFile(target.resolve(StagedOutput.MARKER))) {
      throw new StagedOutput.UnsafeOutputException(target + " is not a gongkai output (no " + StagedOutput.MARKER + ")");
    }
    Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp-");
    IncrementalOutput o = new IncrementalOutput(target, staging, previous);
    o.keep(StagedOutput.MARKER);
    return o;
  }

  @Override
  public void write(String path, byte[] data) throws IOException {
    byte[] hash = OutputManifest.sha256(data);
    claim(path, hash);
    if (same(path, hash)) return;
    Path p = stagedPath(path);
    Files.createDirectories(p.getParent());
    Files.write(p, data);
    changed.put(path, Boolean.TRUE);
  }

  @Override
  public void copy(String path, Path source) throws IOException {
    byte[] hash = OutputManifest.sha256(source);
    claim(path, hash);
    if (same(path, hash)) return;
    Path p = stagedPath(path);
    Files.createDirectories(p.getParent());
    Files.copy(source, p, StandardCopyOption.REPLACE_EXISTING);
    changed.put(path, Boolean.TRUE);
  }

  @Override
  public void keep(String path) throws IOException {
    byte[] had = previous.files().get(path);
    if (had == null) throw new IllegalStateException("nothing to keep at " + path);
    claim(path, had);
  }

  /** Whether the previous output has {@code path} with these bytes; notes a path it does not have at all. */
  private boolean same(String path, byte[] hash) {
    if (previous.same(path, hash)) return true;
    if (!previous.files().containsKey(path)) fresh.set(true);
    return false;
  }

  /**
   * Whether every path this build has written, copied or kept so far is in the previous output (none is new): then
   * a stage that depends only on which paths exist need only count them to compare with the previous build.
   */
  public boolean onlyPreviousPaths() {
    return !fresh.get();
  }

  /** The previous build's files (path → SHA-256), read-only. */
  public Map<String, byte[]> previousFiles() {
    return previous.files();
  }

  private void claim(String path, byte[] hash) throws IOException {
    if (committed) throw new IllegalStateException("already committed");
    if (current.putIfAbsent(path, hash) != null) {
      throw new FileAlreadyExistsException(path, null, "written twice in one build");
    }
  }

  private Path stagedPath(String path) throws IOException {
    Path p = staging.resolve(path).normalize();
    if (!p.startsWith(staging)) throw new IOException("output path escapes the output folder: " + path);
    return p;
  }

  @Override
  public List<String> writtenPaths() {
    return List.copyOf(current.keySet());
  }

  @Override
  public int fileCount() {
    return current.size();
  }

  /** The files whose bytes changed or are new, by path, staged where they can be read until {@link #commit()}. */
  public Map<String, Path> changedFiles() {
    Map<String, Path> m = new TreeMap<>();
    for (String p : changed.keySet()) m.put(p, staging.resolve(p));
    return m;
  }

  /**
   * Paths of the previous output this build did not produce (deleted on commit), sorted. Computed once for as many
   * files as the build has produced so far (files are only ever added): a build asks before and at its commit, and
   * each asking looks up every previous file.
   */
  public List<String> removedPaths() {
    Removed r = removed;
    int now = current.size();
    if (r != null && r.files() == now) return r.paths();
    List<String> gone = new ArrayList<>();
    for (String p : previous.files().keySet()) if (!current.containsKey(p)) gone.add(p);
    gone.sort(null);
    removed = new Removed(now, List.copyOf(gone));
    return removed.paths();
  }


  @Override
  public Map<String, Path> files(boolean changedOnly) {
    if (changedOnly) return changedFiles();
    Map<String, Path> m = new TreeMap<>();
    for (String p : current.keySet()) m.put(p, changed.containsKey(p) ? staging.resolve(p) : out.resolve(p));
    return m;
  }

  @Override
  public OutputManifest manifest() {
    // Once committed, nothing changes the map any more: the manifest takes it as it is.
    return committed ? OutputManifest.owning(current) : new OutputManifest(current);
  }

  /** Moves the changed files in and deletes the removed ones. */
  @Override
  public void commit() throws IOException {
    // Removed files first: a path that was a file may now be a folder (or the reverse).
    List<String> gone = removedPaths();
    TreeSet<Path> dirs = new TreeSet<>(Comparator.reverseOrder());
    for (String p : gone) {
      Path f = out.resolve(p);
      try {
        Files.delete(f);
      } catch (NoSuchFileException ignored) {
        // already gone: the result is the same
      }
      for (Path d = f.getParent(); d != null && d.startsWith(out) && !d.equals(out); d = d.getParent()) dirs.add(d);
    }
    for (Map.Entry<String, Path> e : changedFiles().entrySet()) {
      Path target = out.resolve(e.getKey());
      Files.createDirectories(target.getParent());
      Files.move(e.getValue(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    for (Path d : dirs) {
      try {
        Files.delete(d);
      } catch (DirectoryNotEmptyException | NoSuchFileException ignored) {
        // still holds files of this build
      }
    }
    committed = true;
    StagedOutput.deleteTree(staging);
  }

  @Override
  public void close() {
    if (!committed) {
      try {
        StagedOutput.deleteTree(staging);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
