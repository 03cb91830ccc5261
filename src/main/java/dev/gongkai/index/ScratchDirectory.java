package dev.gongkai.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;

/**
 * A Lucene directory in a new folder of its own, deleted when closed unless {@link #moveTo} took it: an index being
 * built on disk (memory-mapped for reading) instead of on the heap. Not thread-safe as to moving and closing.
 */
final class ScratchDirectory extends FilterDirectory {
  private Path folder;
  private boolean moved;

  private ScratchDirectory(FSDirectory in, Path folder) {
    super(in);
    this.folder = folder;
  }

  /** A new, empty folder in {@code parent} (created if missing). */
  static ScratchDirectory create(Path parent) throws IOException {
    Files.createDirectories(parent);
    Path folder = Files.createTempDirectory(parent.toAbsolutePath().normalize(), ".index-");
    return new ScratchDirectory(FSDirectory.open(folder), folder);
  }

  /**
   * Moves the folder to {@code target}, replacing what was there, when both are in the same folder (a rename).
   * Returns false, moving nothing, otherwise. Open readers keep reading the moved files.
   */
  boolean moveTo(Path target) throws IOException {
    Path t = target.toAbsolutePath().normalize();
    if (moved || !folder.getParent().equals(t.getParent())) return false;
    if (Files.exists(t)) dev.gongkai.write.StagedOutput.deleteTree(t);
    Files.move(folder, t, StandardCopyOption.ATOMIC_MOVE);
    moved = true;
    folder = t;
    return true;
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      if (!moved && Files.exists(folder)) dev.gongkai.write.StagedOutput.deleteTree(folder);
    }
  }
}
