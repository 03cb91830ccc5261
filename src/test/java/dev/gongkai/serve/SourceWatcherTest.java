package dev.gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWatcherTest {
  @TempDir Path tmp;

  @Test
  void reportsBurstsOnceAndIgnoresExcludedPaths() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("src")).toRealPath();
    Files.createDirectories(root.resolve("target"));
    LinkedBlockingQueue<List<Path>> bursts = new LinkedBlockingQueue<>();
    try (SourceWatcher watcher =
        SourceWatcher.start(
            List.of(root, tmp.resolve("absent")), WatchExclusions.defaults(), Duration.ofMillis(300), bursts::add)) {
      assertFalse(watcher.watchedDirectories().contains(root.resolve("target")));

      // Excluded files first, then real ones: the burst must hold only the real ones.
      Files.writeString(root.resolve(".a.md.swp"), "x");
      Files.writeString(root.resolve("target/out.html"), "x");
      Files.writeString(root.resolve("a.md"), "a");
      Files.writeString(root.resolve("b.md"), "b");
      List<Path> burst = bursts.poll(10, TimeUnit.SECONDS);
      assertNotNull(burst);
      assertTrue(burst.contains(root.resolve("a.md")) && burst.contains(root.resolve("b.md")), burst.toString());
      assertFalse(burst.contains(root.resolve(".a.md.swp")), burst.toString());
      assertFalse(burst.stream().anyMatch(p -> p.startsWith(root.resolve("target"))), burst.toString());

      // New directories are watched as they appear.
      Path sub = Files.createDirectories(root.resolve("sub"));
      assertNotNull(bursts.poll(10, TimeUnit.SECONDS));
      Files.writeString(sub.resolve("c.md"), "c");
      List<Path> next = bursts.poll(10, TimeUnit.SECONDS);
      assertNotNull(next);
      assertTrue(next.contains(sub.resolve("c.md")), next.toString());
    }
  }

  @Test
  void ignoresEditorAndOfficeTemporaryFiles() {
    for (String name :
        List.of(".git", "target", ".gongkai", "a.swp", "a.md~", ".#a.md", "#a.md#", "4913", "~$目录.xlsx",
            ".~lock.目录.csv#", "a.md___jb_tmp___")) {
      assertTrue(WatchExclusions.isIgnoredName(name), name);
    }
    for (String name : List.of("a.md", "目录.csv", "site.json", "#", "targets")) {
      assertFalse(WatchExclusions.isIgnoredName(name), name);
    }
  }
}
