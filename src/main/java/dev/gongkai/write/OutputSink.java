package dev.gongkai.write;

import java.io.IOException;
import java.nio.file.Path;

/** Where output stages put files. Paths are site-relative with forward slashes, e.g. {@code records/x/index.html}. */
public interface OutputSink {
  void write(String path, byte[] data) throws IOException;

  /** Copies a source file (attachment, stylesheet) to {@code path}. */
  void copy(String path, Path source) throws IOException;

  /**
   * Keeps the file the previous build wrote at {@code path}, unchanged (incremental builds: the caller knows its
   * inputs are the same). Sinks that always start empty do not support it.
   */
  default void keep(String path) throws IOException {
    throw new UnsupportedOperationException("this output keeps nothing from a previous build: " + path);
  }
}
