package dev.gongkai.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Writes a build aside, next to the output folder, and swaps it in whole on {@link #commit()}: a failed or
 * interrupted build leaves the previous output untouched. The output folder carries a marker file so that a
 * mistyped {@code --out} can never wipe a folder gongkai did not create.
 */
public final class StagedOutput implements BuildOutput {
  /** Marks a folder as gongkai output (safe to replace). */
  public static final String MARKER = ".gongkai-output";

  private final Path out;
  private final Path staging;
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  /** SHA-256 of every file written, for the build cache's manifest. */
  private final java.util.Map<String, byte[]> hashes = new ConcurrentHashMap<>();
  private boolean committed;

  private StagedOutput(Path out, Path staging) {
    this.out = out;
    this.staging = staging;
  }

  /**
   * Prepares a staging folder beside {@code out}.
   *
   * @throws UnsafeOutputException if {@code out} exists, is not empty and is not a previous gongkai output
   */
  public static StagedOutput open(Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) throw new UnsafeOutputException(target + " exists and is not a folder");
      boolean empty;
      try (Stream<Path> s = Files.list(target)) {
        empty = s.findAny().isEmpty();
      }
      if (!empty && !Files.exists(target.resolve(MARKER))) {
        throw new UnsafeOutputException(target + " is not empty and was not written by gongkai (no " + MARKER
            + "); refusing to replace it");
      }
    }
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, target.getFileName() + ".tmp-");
    StagedOutput o = new StagedOutput(target, staging);
    o.write(MARKER, "This folder is written by gongkai and replaced whole on every build.\n".getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    return o;
  }

  @Override
  public void write(String path, byte[] data) throws IOException {
    Files.write(prepare(path), data);
    hashes.put(path, OutputManifest.sha256(data));
  }

  @Override
  public void copy(String path, Path source) throws IOException {
    Path target = prepare(path);
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    hashes.put(path, OutputManifest.sha256(target));
  }

  @Override
  public java.util.Map<String, Path> files(boolean changedOnly) {
    java.util.Map<String, Path> m = new java.util.TreeMap<>();
    for (String p : written) m.put(p, staging.resolve(p));
    return m;
  }

  @Override
  public OutputManifest manifest() {
    return new OutputManifest(hashes);
  }

  private Path prepare(String path) throws IOException {
    if (committed) throw new IllegalStateException("already committed");
    Path p = staging.resolve(path).normalize();
    if (!p.startsWith(staging)) throw new IOException("output path escapes the output folder: " + path);
    if (!written.add(path)) throw new FileAlreadyExistsException(path, null, "written twice in one build");
    Files.createDirectories(p.getParent());
    return p;
  }

  /** The folder the files are staged in until {@link #commit()} (for checks that read what was written). */
  public Path stagingDir() {
    return staging;
  }

  /** Every path written so far (marker included), in no particular order. */
  @Override
  public java.util.List<String> writtenPaths() {
    return java.util.List.copyOf(written);
  }

  /** Number of files written so far (marker included). */
  @Override
  public int fileCount() {
    return written.size();
  }

  /** Replaces the output folder with the staged one: rename the old aside, rename the new in, delete the old. */
  @Override
  public void commit() throws IOException {
    Path old = null;
    if (Files.exists(out)) {
      old = Files.createTempDirectory(out.getParent(), out.getFileName() + ".old-");
      Files.delete(old);
      Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      if (old != null) Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    committed = true;
    if (old != null) deleteTree(old);
  }

  /** Discards the staged build unless it was committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        deleteTree(staging);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        try {
          Files.delete(p);
        } catch (DirectoryNotEmptyException e) {
          throw e;
        }
      }
    }
  }

  /** The chosen output folder holds something that is not a gongkai build. */
  public static final class UnsafeOutputException extends IOException {
    public UnsafeOutputException(String message) {
      super(message);
    }
  }
}
