package dev.gongkai.serve;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * The numbered build directories {@code site-N} in a serve work directory. Deletion only ever touches directories
 * named {@code site-<digits>} directly inside the work directory, never follows symbolic links, and is best effort
 * (on Windows a file still open by a request cannot be deleted; it goes with the next clean-up).
 */
final class SiteDirs {
  private static final Pattern NAME = Pattern.compile("site-[0-9]+");

  private SiteDirs() {}

  static Path siteDir(Path workDir, int build) {
    return workDir.resolve("site-" + build);
  }

  /** Deletes every {@code site-N} in {@code workDir} except {@code keep} (which may be {@code null}). */
  static void deleteAllExcept(Path workDir, Path keep) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(workDir)) {
      for (Path entry : entries) {
        if (NAME.matcher(entry.getFileName().toString()).matches() && !entry.equals(keep)) deleteTree(entry);
      }
    } catch (IOException e) {
      // Missing or unreadable work directory: nothing to clean.
    }
  }

  /** Deletes {@code dir} and everything below it, best effort; a symbolic link is removed, not followed. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              deleteQuietly(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              deleteQuietly(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) {
              deleteQuietly(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // Best effort.
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // Best effort: left for the next clean-up.
    }
  }
}
