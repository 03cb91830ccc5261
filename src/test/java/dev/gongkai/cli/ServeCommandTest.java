package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.serve.ServeOptions;
import dev.gongkai.serve.ServeSession;
import dev.gongkai.testing.TreeDigest;
import dev.gongkai.testing.Txtar;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The preview with the real pipeline: serves the site, shows build errors as an overlay, recovers when fixed. */
@Timeout(60)
class ServeCommandTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(ServeSession s, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(s.url().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void servesRebuildsAndOverlaysErrors(@TempDir Path tmp) throws Exception {
    Path src = Txtar.parse(MainTest.SITE.stripIndent()).writeTo(tmp.resolve("site"));
    Path records = src.resolve("catalogue/records/aqsc-01-01.csv");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ServeOptions options = ServeOptions.of(ServeCommand.builder(src), src.resolve(".gongkai/serve"),
            List.of(src.resolve("catalogue"), src.resolve("content"), src.resolve("site-templates")))
        .withPort(0).withQuietPeriod(Duration.ofMillis(100))
        .withLog(new PrintStream(log, true, StandardCharsets.UTF_8));
    try (ServeSession s = ServeSession.start(options)) {
      assertTrue(s.lastOutcome().ok());
      HttpResponse<String> home = get(s, "/");
      assertEquals(200, home.statusCode());
      assertTrue(home.body().contains("catalogue/aqsc/aqsc-01-01/"), home.body());
      assertTrue(get(s, "/records/015583216-2024-00001/").body().contains("<h1 id=\"h-title\">通知</h1>"));

      // Break the input: the old site stays, with the error as an overlay.
      int before = s.buildNumber();
      Files.writeString(records, "索引号,标题,成文日期,发布日期,公开属性\n015583216/2024-00001,新通知,2024-03-01,2024-02-30,主动公开\n");
      s.awaitBuild(before + 1, Duration.ofSeconds(20));
      assertFalse(s.lastOutcome().ok());
      String broken = get(s, "/records/015583216-2024-00001/").body();
      assertTrue(broken.contains("date-invalid"), broken);
      assertTrue(broken.contains("catalogue/records/aqsc-01-01.csv:2:"), broken);
      assertTrue(broken.contains("<h1 id=\"h-title\">通知</h1>"), "last good page is still served");

      // Fix it: the new content is served without the overlay.
      int failed = s.buildNumber();
      Files.writeString(records, "索引号,标题,成文日期,发布日期,公开属性\n015583216/2024-00001,新通知,2024-03-01,2024-03-02,主动公开\n");
      s.awaitBuild(failed + 1, Duration.ofSeconds(20));
      assertTrue(s.lastOutcome().ok());
      String fixed = get(s, "/records/015583216-2024-00001/").body();
      assertTrue(fixed.contains("<h1 id=\"h-title\">新通知</h1>"), fixed);
      assertFalse(fixed.contains("date-invalid"));
    }
    assertFalse(Files.exists(src.resolve("public")), "serve never writes the real output folder");
  }

  /** Every file under {@code dir} and its modification time (TreeDigest compares the bytes). */
  private static java.util.Map<String, java.nio.file.attribute.FileTime> times(Path dir) throws Exception {
    java.util.Map<String, java.nio.file.attribute.FileTime> files = new java.util.TreeMap<>();
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p));
      }
    }
    return files;
  }

  @Test
  void warmUpRebuildsTheUnchangedSiteWithoutTouchingTheOutput(@TempDir Path tmp) throws Exception {
    Path src = Txtar.parse(MainTest.SITE.stripIndent()).writeTo(tmp.resolve("site"));
    Files.writeString(src.resolve("catalogue/records/aqsc-01-01.csv"), "索引号,标题,成文日期,发布日期,公开属性\n"
        + "015583216/2024-00001,通知,2024-03-01,2024-03-05,主动公开\n015583216/2024-00002,公告,2024-03-02,2024-03-06,主动公开\n");
    dev.gongkai.serve.SiteBuilder builder = ServeCommand.builder(src);
    Path out = tmp.resolve("serve/site-0");
    assertTrue(builder.build(out).ok());
    // The build cache's state file is deleted by every build before it commits, and written again after it.
    Path state = out.resolveSibling("cache").resolve("build-state.bin");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(state) && System.nanoTime() < deadline) Thread.sleep(10);
    assertTrue(Files.exists(state), "the first build's cache is written");
    java.nio.file.attribute.FileTime saved = Files.getLastModifiedTime(state);
    java.util.Map<String, String> before = TreeDigest.of(out);
    java.util.Map<String, java.nio.file.attribute.FileTime> beforeTimes = times(out);

    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    long rehearsals = dev.gongkai.build.SiteBuild.REHEARSALS.sum();
    int asks = ServeCommand.WARM_UPS + ServeCommand.REHEARSED_EDITS;
    builder.warmUp(out, () -> asked.incrementAndGet() > asks);
    assertEquals(asks, asked.get(), "asked before each rebuild and each rehearsal");
    assertEquals(rehearsals + ServeCommand.REHEARSED_EDITS, dev.gongkai.build.SiteBuild.REHEARSALS.sum(),
        "edits rehearsed after them");
    assertTrue(!Files.exists(state) || Files.getLastModifiedTime(state).compareTo(saved) > 0, "the warm-up built");
    assertEquals(before, TreeDigest.of(out), "unchanged rebuilds and a rehearsal write nothing");
    assertEquals(beforeTimes, times(out), "unchanged rebuilds and a rehearsal write nothing");

    asked.set(0);
    builder.warmUp(out, () -> asked.incrementAndGet() > 0);
    assertEquals(2, asked.get(), "a waiting change stops it before it builds, and before it rehearses");
    assertEquals(rehearsals + ServeCommand.REHEARSED_EDITS, dev.gongkai.build.SiteBuild.REHEARSALS.sum(),
        "no edit rehearsed");

    // The builds after it are as before: an edit is served as a clean build of the edited site would be.
    Path records = src.resolve("catalogue/records/aqsc-01-01.csv");
    Files.writeString(records, "索引号,标题,成文日期,发布日期,公开属性\n015583216/2024-00001,新通知,2024-03-01,2024-03-02,主动公开\n");
    assertTrue(builder.build(out).ok());
    Path clean = tmp.resolve("clean");
    assertTrue(dev.gongkai.build.SiteBuild.run(new dev.gongkai.build.BuildRequest(src, clean),
        dev.gongkai.build.Progress.NONE).ok());
    assertEquals(TreeDigest.of(clean), TreeDigest.of(out));
  }

  @Test
  void idleReturnsOnceTheBuildCacheIsWritten(@TempDir Path tmp) throws Exception {
    Path src = Txtar.parse(MainTest.SITE.stripIndent()).writeTo(tmp.resolve("site"));
    dev.gongkai.serve.SiteBuilder builder = ServeCommand.builder(src);
    Path out = tmp.resolve("serve/site-0");
    Path state = out.resolveSibling("cache").resolve("build-state.bin");
    for (int i = 0; i < 3; i++) {
      assertTrue(builder.build(out).ok());
      builder.idle(() -> false);
      // Written in the background after each build: the idle moment waits for it, then collects if due.
      assertTrue(Files.exists(state), "build " + (i + 1) + "'s cache is written when idle returns");
    }
  }
}
