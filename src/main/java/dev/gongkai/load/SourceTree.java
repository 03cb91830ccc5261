package dev.gongkai.load;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The site's source folder. Lists files in a stable (sorted) order and resolves publisher-given paths, refusing any
 * that leave the folder they must stay in ({@code ../}, absolute paths, symlinks pointing outside the source).
 */
public final class SourceTree {
  private final Path root;
  private final Path realRoot;
  /** Files read as these bytes instead of what is on disk, by source-relative path. */
  private final java.util.Map<String, byte[]> replaced;

  public SourceTree(Path root) throws IOException {
    this(root, java.util.Map.of());
  }

  /**
   * A source folder in which the files at the given source-relative paths read as the bytes given (an edit made in
   * memory only, for {@code gongkai serve}'s rehearsal). Such a file must exist on disk, where it is listed.
   */
  public SourceTree(Path root, java.util.Map<String, byte[]> replaced) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = this.root.toRealPath();
    this.replaced = java.util.Map.copyOf(replaced);
  }

  /**
   * The stamp of {@code p} ({@link FileStamp#of(Path)}); for a replaced file one that no file on disk has (a negative
   * time), so that no memo takes it for the file it replaces.
   */
  public FileStamp stamp(Path p) throws IOException {
    byte[] r = replaced.get(rel(p));
    return r == null ? FileStamp.of(p) : new FileStamp(r.length, -1, "replaced in memory");
  }

  public Path root() {
    return root;
  }

  /** Source-relative path with forward slashes, as diagnostics show it. */
  public String rel(Path p) {
    return root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /**
   * Regular files under {@code dir} (relative to the root) with one of the extensions, sorted by path. Hidden files
   * and folders are skipped. Symlinks that resolve outside the source are reported and skipped (a linked folder is
   * not entered), as are symlink loops and unreadable folders; a missing folder gives an empty list.
   */
  public List<Path> files(String dir, Diagnostics diags, String... extensions) throws IOException {
    Path base = root.resolve(dir);
    if (!Files.isDirectory(base)) return List.of();
    List<Path> out = new ArrayList<>();
    Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        if (!d.equals(base) && d.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
        if (!insideRoot(d)) {
          diags.report(Code.PATH_OUTSIDE, Location.file(rel(d)), rel(d), rel(d));
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
        String name = p.getFileName().toString();
        if (!attrs.isRegularFile() || name.startsWith(".")) return FileVisitResult.CONTINUE;
        if (extensions.length > 0 && !hasExtension(name, extensions)) return FileVisitResult.CONTINUE;
        if (!insideRoot(p)) {
          diags.report(Code.PATH_OUTSIDE, Location.file(rel(p)), rel(p), rel(p));
          return FileVisitResult.CONTINUE;
        }
        out.add(p);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path p, IOException e) {
        if (Files.isSymbolicLink(p) && !insideRoot(p) && !(e instanceof FileSystemLoopException)) {
          // A dangling link, or one into a folder we may not read: either way it leaves the source.
          diags.report(Code.PATH_OUTSIDE, Location.file(rel(p)), rel(p), rel(p));
        } else {
          String why = e instanceof FileSystemLoopException ? "symbolic link loop" : String.valueOf(e.getMessage());
          diags.report(Code.FILE_UNREADABLE, Location.file(rel(p)), "", why);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    out.sort(null);
    return List.copyOf(out);
  }

  private static boolean hasExtension(String name, String[] extensions) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    for (String e : extensions) if (lower.endsWith(e)) return true;
    return false;
  }

  /** Whether {@code p} exists and, after following symlinks, is inside the source root. */
  public boolean insideRoot(Path p) {
    try {
      return p.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Resolves a path a publisher wrote (e.g. an attachment {@code documents/a.pdf}) against {@code baseDir}.
   *
   * @return the file, or null after reporting why it cannot be used (outside the base folder, or missing)
   */
  public Path resolveInside(String baseDir, Cell written, dev.gongkai.diag.Bi what, Diagnostics diags) {
    String value = written.trimmed().replace('\\', '/');
    Path base = root.resolve(baseDir).normalize();
    if (value.startsWith("/") || value.matches("^[A-Za-z]:.*") || value.contains("\0")) {
      diags.report(Code.PATH_OUTSIDE, written.location(), written.value(), value);
      return null;
    }
    Path p = base.resolve(value).normalize();
    if (!p.startsWith(base)) {
      diags.report(Code.PATH_OUTSIDE, written.location(), written.value(), value);
      return null;
    }
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(p)) {
      diags.report(Code.FILE_MISSING, written.location(), written.value(), what, value);
      return null;
    }
    try {
      if (!p.toRealPath().startsWith(base.toRealPath())) {
        diags.report(Code.PATH_OUTSIDE, written.location(), written.value(), value);
        return null;
      }
    } catch (IOException e) {
      diags.report(Code.FILE_UNREADABLE, written.location(), written.value(), e.getMessage());
      return null;
    }
    return p;
  }

  /**
   * Reads a binary input file (a workbook) whole; empty after reporting a symlink leaving the source, a file over
   * {@link TextChecks#MAX_FILE_BYTES} or an I/O problem, as {@link #read} does for text.
   */
  public java.util.Optional<byte[]> readBytes(Path p, Diagnostics diags) {
    String rel = rel(p);
    if (!insideRoot(p)) {
      diags.report(Code.PATH_OUTSIDE, Location.file(rel), rel, rel);
      return java.util.Optional.empty();
    }
    byte[] instead = replaced.get(rel);
    if (instead != null) return java.util.Optional.of(instead.clone());
    try {
      long size = Files.size(p);
      if (size > TextChecks.MAX_FILE_BYTES) {
        diags.report(Code.TOO_LARGE, Location.file(rel), "", dev.gongkai.diag.Bi.of("文件", "the file"),
            TextChecks.mib(size), TextChecks.mib(TextChecks.MAX_FILE_BYTES));
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(Files.readAllBytes(p));
    } catch (IOException e) {
      diags.report(Code.FILE_UNREADABLE, Location.file(rel), "", String.valueOf(e.getMessage()));
      return java.util.Optional.empty();
    }
  }

  /**
   * Reads and strictly decodes a file, then checks its characters ({@link TextChecks}); empty after reporting an
   * encoding or I/O problem, a file over {@link TextChecks#MAX_FILE_BYTES}, or a symlink leaving the source.
   */
  public java.util.Optional<SourceText> read(Path p, java.nio.charset.Charset charset, Diagnostics diags) {
    String rel = rel(p);
    boolean json = rel.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    return readBytes(p, diags)
        .flatMap(bytes -> TextDecoder.decode(bytes, rel, charset, diags))
        .flatMap(t -> TextChecks.check(rel, t, json, diags));
  }
}
