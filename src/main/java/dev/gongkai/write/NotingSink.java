package dev.gongkai.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link OutputSink} that passes everything on and notes the paths it wrote, copied or kept. Thread-safe. */
public final class NotingSink implements OutputSink {
  private final OutputSink out;
  private final Set<String> paths;

  public NotingSink(OutputSink out) {
    this(out, 16);
  }

  /** A sink that expects about {@code paths} paths (its set is sized for them: no rehashing while it fills). */
  public NotingSink(OutputSink out, int paths) {
    this.out = out;
    this.paths = ConcurrentHashMap.newKeySet(Math.max(16, paths + paths / 3));
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

  /**
   * The paths so far, in no order (sorting some 20,000 search files showed on {@code gongkai serve}'s hot path: a
   * caller that needs them sorted sorts them where it is off that path).
   */
  public List<String> paths() {
    return List.copyOf(paths);
  }

  /** A read-only view of the paths, as they are noted. */
  public Set<String> pathSet() {
    return java.util.Collections.unmodifiableSet(paths);
  }
}
