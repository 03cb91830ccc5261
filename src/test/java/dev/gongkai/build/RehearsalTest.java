package dev.gongkai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.testing.TreeDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SiteBuild#rehearse}, serve's rehearsal of an edit: it runs an edit's pipeline on an edit made in memory and
 * leaves no trace: the output folder, the build cache, the source and the warm state are as they were, and the next
 * builds give a clean build's bytes.
 */
class RehearsalTest {
  @TempDir
  Path tmp;

  @Test
  void aRehearsalRunsAnEditAndChangesNothing() throws IOException {
    Path site = copyOfExample();
    Path out = tmp.resolve("public");
    Path cache = tmp.resolve("cache");
    BuildRequest req = new BuildRequest(site, out).withCache(cache);
    WarmState warm = new WarmState();
    assertTrue(SiteBuild.run(req, Progress.NONE, warm).ok());
    warm.awaitSave();

    Map<String, String> output = TreeDigest.of(out);
    Map<String, Long> times = modified(out);
    Map<String, String> cacheFiles = TreeDigest.of(cache);
    Map<String, String> source = TreeDigest.of(site);
    List<Path> siblings = list(tmp);

    BuildResult r = SiteBuild.rehearse(req, warm, 0).orElseThrow();
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    assertTrue(r.pagesKept() < r.pages(), "the edited record's pages rendered again");
    assertTrue(r.filesChanged() > 3, "its page, its lists and the exports changed: " + r.filesChanged());
    assertTrue(r.searchPatched(), "the search files patched, as in an edit");

    assertEquals(output, TreeDigest.of(out), "the output's bytes as they were");
    assertEquals(times, modified(out), "no output file touched");
    assertEquals(cacheFiles, TreeDigest.of(cache), "the build cache as it was");
    assertEquals(source, TreeDigest.of(site), "the source as it was");
    assertEquals(siblings, list(tmp), "nothing staged left beside the output");
    warm.rows.publishedTitles(Integer.MAX_VALUE).values().forEach(titles -> titles.forEach(t ->
        assertFalse(t.contains(Rehearsal.MARK), "the warm state holds the rehearsed title: " + t)));

    // The next builds with the same warm state: nothing to do, then a real edit, each a clean build's bytes.
    BuildResult noop = SiteBuild.run(req, Progress.NONE, warm);
    assertTrue(noop.ok());
    assertEquals(noop.pages(), noop.pagesKept(), "every page kept");
    assertEquals(0, noop.filesChanged(), "nothing written after a rehearsal");
    Path records = site.resolve("catalogue/records/aqsc/aqsc-01-03.csv");
    String csv = Files.readString(records, StandardCharsets.UTF_8);
    Files.writeString(records, csv.replace("《示例县2024年安全生产工作要点》", "《示例县2024年安全生产工作要点（二改）》"),
        StandardCharsets.UTF_8);
    BuildResult edit = SiteBuild.run(req, Progress.NONE, warm);
    assertTrue(edit.ok());
    assertTrue(edit.searchPatched());
    Path clean = tmp.resolve("clean");
    assertTrue(SiteBuild.run(new BuildRequest(site, clean), Progress.NONE).ok());
    assertEquals(TreeDigest.of(clean), TreeDigest.of(out), "after a rehearsal, an edit gives a clean build's bytes");
    warm.awaitSave();
  }

  @Test
  void nothingIsRehearsedWithoutACommittedBuild() throws IOException {
    Path site = copyOfExample();
    BuildRequest req = new BuildRequest(site, tmp.resolve("public")).withCache(tmp.resolve("cache"));
    assertEquals(Optional.empty(), SiteBuild.rehearse(req, new WarmState(), 0));
    assertFalse(Files.exists(tmp.resolve("public")), "no clean build made instead");
  }

  @Test
  void theEditAddsTheMarkAfterOneTitleOfARecordFile() throws IOException {
    Path site = copyOfExample();
    WarmState warm = new WarmState();
    assertTrue(SiteBuild.run(new BuildRequest(site, tmp.resolve("public")).withCache(tmp.resolve("cache")),
        Progress.NONE, warm).ok());
    Map.Entry<String, byte[]> edit = Rehearsal.pick(site, warm.rows, 0).orElseThrow();
    byte[] was = Files.readAllBytes(site.resolve(edit.getKey()));
    String before = new String(was, StandardCharsets.UTF_8);
    String after = new String(edit.getValue(), StandardCharsets.UTF_8);
    int at = after.indexOf(Rehearsal.MARK);
    assertTrue(at > 0);
    assertEquals(before, after.substring(0, at) + after.substring(at + Rehearsal.MARK.length()), "only the mark added");
    String title = warm.rows.publishedTitles(1).get(edit.getKey()).get(0);
    assertTrue(after.substring(0, at).endsWith(title), "right after a title: " + title);
    warm.awaitSave();
  }

  @Test
  void bytesAreFoundWhereTheyFirstOccur() {
    byte[] hay = "ab标题ab标题".getBytes(StandardCharsets.UTF_8);
    byte[] title = "标题".getBytes(StandardCharsets.UTF_8);
    assertEquals(2, Rehearsal.indexOf(hay, title, 0));
    assertEquals(10, Rehearsal.indexOf(hay, title, 3));
    assertEquals(-1, Rehearsal.indexOf(hay, title, 11));
    assertEquals(-1, Rehearsal.indexOf(hay, "标题x".getBytes(StandardCharsets.UTF_8), 0));
    assertEquals(8, Rehearsal.indexOf(hay, "ab标题".getBytes(StandardCharsets.UTF_8), 1));
    assertEquals(0, Rehearsal.indexOf(hay, hay, 0));
  }

  private Path copyOfExample() throws IOException {
    Path site = tmp.resolve("site");
    for (String dir : List.of("catalogue", "content", "site-templates")) {
      Path from = Path.of(dir);
      try (Stream<Path> s = Files.walk(from)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          Path target = site.resolve(dir).resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) Files.createDirectories(target);
          else Files.copy(p, target);
        }
      }
    }
    return site;
  }

  private static Map<String, Long> modified(Path dir) throws IOException {
    Map<String, Long> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        m.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p).to(java.util.concurrent.TimeUnit.NANOSECONDS));
      }
    }
    return m;
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
