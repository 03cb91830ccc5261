package dev.gongkai.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link OutputSink} that passes everything on and notes the paths it wrote, copied or kept. Thread-safe. */
public final class NotingSink implements OutputSink {
  private final OutputSink out;
  private final Set<String> paths = ConcurrentHashMap.newKeySet();

  public NotingSink(OutputSink out) {
    this.out = out;
  }

  @Override
  public void write(String path, byte[] data) throws IOException {
    paths.add(path);
    out.write(path, data);
  }

  @Override
  public void copy(String path, Path source) throws IOException {
    paths.add(path);
    out.copy(path, source);
  }

  @Override
  public void keep(String path) throws IOException {
    paths.add(path);
    out.keep(path);
  }

  /** Whether {@code path} went through this sink. */
  public boolean has(String path) {
    return paths.contains(path);
  }

  /** The paths so far, sorted. */
  public List<String> paths() {
    return paths.stream().sorted().toList();
  }
}
