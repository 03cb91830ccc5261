package dev.gongkai.testing;

import dev.gongkai.write.OutputSink;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** An output that keeps what is written in memory, by path (sorted; safe to write from several threads). */
public final class MemorySink implements OutputSink {
  public final Map<String, byte[]> files = new ConcurrentSkipListMap<>();

  @Override
  public void write(String path, byte[] data) {
    files.put(path, data);
  }

  @Override
  public void copy(String path, Path source) {
    throw new UnsupportedOperationException("a memory sink copies no files: " + path);
  }
}
