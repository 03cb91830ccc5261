package dev.gongkai.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says about a file without reading it: its size, its modification time to the nanosecond (as
 * far as the file system keeps it) and its identity (inode). Two equal stamps are taken to mean the same content, as
 * make and editors' file watchers do: an edit that keeps the size and lands within the same time tick would go
 * unnoticed, which a file system with nanosecond times (ext4, tmpfs, APFS, NTFS to 100 ns) makes as good as
 * impossible. Only {@code gongkai serve}'s memory between builds relies on it; a build from the command line reads
 * every file.
 */
public record FileStamp(long size, long modifiedNanos, String fileKey) {
  /** The stamp of {@code p}, following symbolic links (what reading it would read). */
  public static FileStamp of(Path p) throws IOException {
    return of(Files.readAttributes(p, BasicFileAttributes.class));
  }

  public static FileStamp of(BasicFileAttributes a) {
    return new FileStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), Objects.toString(a.fileKey(), ""));
  }
}
