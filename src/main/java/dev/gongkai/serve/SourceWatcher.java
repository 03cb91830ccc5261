package dev.gongkai.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Watches directory trees for changes and reports each burst of changes once.
 *
 * <p>Every directory below the given roots is watched, including ones created later; roots that do not exist are
 * skipped (they are not picked up if created later, so watch their parent if that matters). Paths for which the
 * exclusion predicate is true are ignored, and excluded directories are not descended into. After the first change
 * the watcher waits until no change has been seen for the quiet period (at most {@link #MAX_DELAY} in all), then calls
 * the callback once with the changed paths. The callback runs on the watcher's daemon thread and should return quickly;
 * exceptions it throws are swallowed so that watching goes on.
 *
 * <p>Uses {@link WatchService}: immediate on Linux and Windows; on macOS the JDK polls, so changes may take a few
 * seconds to be noticed.
 */
public final class SourceWatcher implements AutoCloseable {
  /** The quiet period gongkai serve uses: long enough to swallow an editor's save dance, short enough to feel instant. */
  public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(150);

  /** The longest a burst is collected before the callback runs, even if changes keep coming. */
  public static final Duration MAX_DELAY = Duration.ofSeconds(2);

  private final WatchService service;
  private final List<Path> roots;
  private final Predicate<Path> excluded;
  private final long quietNanos;
  private final Consumer<List<Path>> onChange;
  private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  private SourceWatcher(
      WatchService service, List<Path> roots, Predicate<Path> excluded, Duration quiet, Consumer<List<Path>> onChange) {
    this.service = service;
    this.roots = roots;
    this.excluded = excluded;
    this.quietNanos = Math.max(1, quiet.toNanos());
    this.onChange = onChange;
    this.thread = new Thread(this::run, "gongkai-serve-watch");
    thread.setDaemon(true);
  }

  /**
   * Starts watching. All existing directories are registered before this returns, so any change made afterwards is
   * reported.
   *
   * @param dirs the roots to watch recursively; missing ones are ignored
   * @param excluded true for absolute paths to ignore (e.g. {@link WatchExclusions#defaults()}); roots are never
   *     tested
   * @param quietPeriod how long no change must be seen before a burst is reported (e.g. {@link #DEFAULT_QUIET_PERIOD})
   * @param onChange called once per burst with the changed paths (absolute, sorted; deleted ones included)
   * @throws IOException if the watch service cannot be created
   */
  public static SourceWatcher start(
      Collection<Path> dirs, Predicate<Path> excluded, Duration quietPeriod, Consumer<List<Path>> onChange)
      throws IOException {
    Objects.requireNonNull(excluded, "excluded");
    Objects.requireNonNull(onChange, "onChange");
    List<Path> roots = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) continue;
      try {
        roots.add(dir.toRealPath());
      } catch (IOException e) {
        // Vanished or unreadable: treated like a missing directory.
      }
    }
    WatchService service = FileSystems.getDefault().newWatchService();
    SourceWatcher watcher = new SourceWatcher(service, List.copyOf(roots), excluded, quietPeriod, onChange);
    for (Path root : watcher.roots) watcher.registerTree(root, true);
    watcher.thread.start();
    return watcher;
  }

  /** The directories currently watched (for diagnostics and tests). */
  public Set<Path> watchedDirectories() {
    return Set.copyOf(keys.values());
  }

  /** Stops watching; no callback starts after this returns (one already running may finish). */
  @Override
  public void close() {
    closed = true;
    try {
      service.close();
    } catch (IOException e) {
      // Nothing left to release.
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    try {
      while (!closed) {
        WatchKey first = service.take();
        Set<Path> changed = new TreeSet<>();
        boolean overflow = drain(first, changed);
        long start = System.nanoTime();
        while (true) {
          long left = Math.min(quietNanos, MAX_DELAY.toNanos() - (System.nanoTime() - start));
          if (left <= 0) break;
          WatchKey next = service.poll(left, TimeUnit.NANOSECONDS);
          if (next == null) break;
          overflow |= drain(next, changed);
        }
        if (overflow) {
          // Events were lost: directories may have appeared unseen.
          for (Path root : roots) registerTree(root, true);
        }
        if (closed) return;
        if (overflow || !changed.isEmpty()) {
          try {
            onChange.accept(List.copyOf(changed));
          } catch (RuntimeException e) {
            // The callback's problem; keep watching.
          }
        }
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // Closed: the thread ends.
    }
  }

  /** Collects the key's events into {@code changed}; returns whether events were lost. */
  private boolean drain(WatchKey key, Set<Path> changed) {
    Path dir = keys.get(key);
    boolean overflow = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        overflow = true;
        continue;
      }
      if (dir == null || !(event.context() instanceof Path name)) continue;
      Path child = dir.resolve(name);
      if (excluded.test(child)) continue;
      changed.add(child);
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        registerTree(child, false);
      }
    }
    if (!key.reset()) keys.remove(key);
    return overflow;
  }

  /** Registers {@code top} and every non-excluded directory below it; unreadable parts are skipped. */
  private void registerTree(Path top, boolean isRoot) {
    try {
      Files.walkFileTree(
          top,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!(isRoot && dir.equals(top)) && excluded.test(dir)) return FileVisitResult.SKIP_SUBTREE;
              try {
                keys.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
              } catch (IOException | ClosedWatchServiceException e) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // Vanished while walking; the parent's events already triggered a rebuild.
    }
  }
}
