package dev.gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ServeSessionTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path tmp;
  private Path source;
  private Path workDir;
  private final FakeSiteBuilder builder = new FakeSiteBuilder();
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private ServeSession session;
  private TestHttp http;

  @BeforeEach
  void start() throws Exception {
    source = Files.createDirectories(tmp.resolve("source"));
    Files.createDirectories(source.resolve("content"));
    Files.writeString(source.resolve("content/a.md"), "# a");
    // As in real use: the work directory lies inside the watched source and must not trigger rebuilds itself.
    workDir = source.resolve(".gongkai/serve");
    session =
        ServeSession.start(
            ServeOptions.of(builder, workDir, List.of(source, tmp.resolve("missing")))
                .withPort(0)
                .withExclude(WatchExclusions.defaults())
                .withQuietPeriod(Duration.ofMillis(100))
                .withLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8)));
    http = new TestHttp(session.port());
  }

  @AfterEach
  void stop() {
    session.close();
  }

  private String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void firstBuildIsServed() throws Exception {
    assertEquals(1, session.buildNumber());
    assertTrue(session.lastOutcome().ok());
    assertTrue(Files.isDirectory(workDir.resolve("site-1")));
    assertTrue(http.get("/").body().contains("<h1>v1</h1>"));
    assertTrue(log().contains("build 1 (start): built 4 pages (v1)"), log());
    assertTrue(session.url().toString().startsWith("http://127.0.0.1:"));
  }

  @Test
  void changeTriggersRebuildAndNewContentIsServed() throws Exception {
    builder.title = "v2";
    Files.writeString(source.resolve("content/a.md"), "# a changed");
    assertTrue(session.awaitBuild(2, WAIT).ok());
    assertTrue(http.get("/").body().contains("<h1>v2</h1>"));
    assertTrue(http.get("/").body().contains("var served=" + session.buildNumber() + ";"));
    assertTrue(log().contains("changed: content/a.md"), log());
    assertFalse(Files.exists(workDir.resolve("site-1")), "older builds are deleted");
    assertTrue(Files.isDirectory(workDir.resolve("site-2")) || session.buildNumber() > 2);

    // A directory created after start is watched too.
    Path fresh = Files.createDirectories(source.resolve("content/new"));
    int seen = session.buildNumber();
    session.awaitBuild(seen + 1, WAIT);
    seen = session.buildNumber();
    Files.writeString(fresh.resolve("b.md"), "# b");
    session.awaitBuild(seen + 1, WAIT);
  }

  @Test
  void failedBuildKeepsOldSiteWithOverlayUntilFixed() throws Exception {
    builder.fail = true;
    session.rebuild();
    BuildOutcome failed = session.awaitBuild(2, WAIT);
    assertFalse(failed.ok());

    String page = http.get("/").body();
    assertTrue(page.contains("<h1>v1</h1>"), "last good site still served");
    assertTrue(page.contains("role=\"alertdialog\""));
    assertTrue(page.contains("content/公告.md:3:7") && page.contains("date-invalid"));
    assertTrue(page.contains("日期无效 &lt;script&gt;") && page.contains("invalid date &lt;script&gt;"));
    assertFalse(page.contains("<script>alert"));
    assertEquals("{\"build\": 2, \"ok\": false}", http.get(LiveReload.STATUS_PATH).body());
    assertTrue(log().contains("build failed, 1 error"), log());
    assertTrue(log().contains("content/公告.md:3:7 date-invalid 日期无效"), log());
    assertFalse(Files.exists(workDir.resolve("site-2")), "failed output is removed");

    builder.fail = false;
    builder.title = "v3";
    session.rebuild();
    assertTrue(session.awaitBuild(3, WAIT).ok());
    page = http.get("/").body();
    assertTrue(page.contains("<h1>v3</h1>"));
    assertFalse(page.contains("role=\"alertdialog\""));
    assertEquals("{\"build\": 3, \"ok\": true}", http.get(LiveReload.STATUS_PATH).body());
  }

  @Test
  void crashingBuilderIsAFailedBuild() throws Exception {
    builder.crash = new IllegalStateException("disk <full>");
    session.rebuild();
    BuildOutcome crashed = session.awaitBuild(2, WAIT);
    assertFalse(crashed.ok());
    assertTrue(crashed.summary().contains("IllegalStateException: disk <full>"));
    String page = http.get("/").body();
    assertTrue(page.contains("<h1>v1</h1>") && page.contains("disk &lt;full&gt;"));
    assertFalse(log().contains("\tat "), "no stack trace unless verbose");

    builder.crash = null;
    session.rebuild();
    assertTrue(session.awaitBuild(3, WAIT).ok());
  }

  @Test
  void noGoodBuildAtAllShowsErrorPage(@TempDir Path other) throws Exception {
    FakeSiteBuilder broken = new FakeSiteBuilder();
    broken.fail = true;
    try (ServeSession s =
        ServeSession.start(
            ServeOptions.of(broken, other.resolve("work"), List.of()).withPort(0).withLog(new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))) {
      assertEquals(1, s.buildNumber());
      TestHttp h = new TestHttp(s.port());
      assertEquals(500, h.get("/").statusCode());
      assertTrue(h.get("/").body().contains("date-invalid"));
    }
  }

  @Test
  void buildsNeverOverlapAndChangesDuringABuildGetOneMoreBuild() throws Exception {
    java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger maxRunning = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch inBuild = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    FakeSiteBuilder fresh = new FakeSiteBuilder();
    SiteBuilder slow =
        out -> {
          maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            inBuild.countDown();
            release.await();
            return fresh.build(out);
          } finally {
            running.decrementAndGet();
          }
        };
    try (ServeSession s =
        ServeSession.start(
            ServeOptions.of(
                    outDir -> fresh.calls.get() == 0 ? fresh.build(outDir) : slow.build(outDir),
                    tmp.resolve("work2"),
                    List.of())
                .withPort(0)
                .withLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))) {
      s.rebuild(); // build 2 starts and blocks
      assertTrue(inBuild.await(5, java.util.concurrent.TimeUnit.SECONDS));
      s.rebuild(); // queued: build 3
      s.rebuild(); // merged into build 3
      s.rebuild();
      release.countDown();
      s.awaitBuild(3, WAIT);
      assertEquals(1, maxRunning.get());
      assertEquals(3, fresh.calls.get());
    }
  }

  /** A builder whose warm-up runs until it is told to stop, counting its calls. */
  private static final class WarmingBuilder implements SiteBuilder {
    final FakeSiteBuilder fake = new FakeSiteBuilder();
    final java.util.concurrent.atomic.AtomicInteger warmUps = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.CountDownLatch warming = new java.util.concurrent.CountDownLatch(1);

    @Override
    public BuildOutcome build(Path out) throws Exception {
      return fake.build(out);
    }

    @Override
    public void warmUp(Path outDir, java.util.function.BooleanSupplier stop) throws Exception {
      warmUps.incrementAndGet();
      warming.countDown();
      while (!stop.getAsBoolean()) Thread.sleep(5);
    }
  }

  private ServeSession startWith(SiteBuilder b, String dir) throws Exception {
    return ServeSession.start(ServeOptions.of(b, tmp.resolve(dir), List.of()).withPort(0)
        .withLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
  }

  @Test
  void warmUpFollowsTheFirstGoodBuildOnceAndGivesWayToAChange() throws Exception {
    WarmingBuilder b = new WarmingBuilder();
    try (ServeSession s = startWith(b, "work-warm")) {
      assertTrue(b.warming.await(5, java.util.concurrent.TimeUnit.SECONDS), "no warm-up after the first build");
      b.fake.title = "v2";
      s.rebuild(); // the warm-up never ends by itself: this build runs only if it stops when a build waits
      BuildOutcome second = s.awaitBuild(2, WAIT);
      assertTrue(second.ok());
      assertTrue(new TestHttp(s.port()).get("/").body().contains("<h1>v2</h1>"));
      s.rebuild();
      s.awaitBuild(3, WAIT);
      assertEquals(1, b.warmUps.get(), "one warm-up per session");
    }
  }

  @Test
  void warmUpWaitsForAGoodBuild() throws Exception {
    WarmingBuilder b = new WarmingBuilder();
    b.fake.fail = true;
    try (ServeSession s = startWith(b, "work-warm-late")) {
      assertFalse(s.lastOutcome().ok());
      b.fake.fail = false;
      s.rebuild();
      assertTrue(s.awaitBuild(2, WAIT).ok());
      assertTrue(b.warming.await(5, java.util.concurrent.TimeUnit.SECONDS), "no warm-up after the first good build");
      assertEquals(2, b.fake.calls.get(), "the warm-up is not a build of its own");
    }
  }

  /** A builder that notes the builds after which it was given its idle moment, and can hold a build until told. */
  private static final class IdlingBuilder implements SiteBuilder {
    final FakeSiteBuilder fake = new FakeSiteBuilder();
    final List<Integer> idledAfter = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    final java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
    volatile java.util.concurrent.CountDownLatch hold;

    @Override
    public BuildOutcome build(Path out) throws Exception {
      started.incrementAndGet();
      java.util.concurrent.CountDownLatch h = hold;
      hold = null;
      if (h != null) h.await();
      return fake.build(out);
    }

    @Override
    public void idle(java.util.function.BooleanSupplier stop) {
      idledAfter.add(started.get());
    }
  }

  private static void awaitSize(List<?> list, int size) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (list.size() < size && System.nanoTime() < deadline) Thread.sleep(5);
  }

  @Test
  void idleFollowsEachGoodBuildUnlessAnotherWaits() throws Exception {
    IdlingBuilder b = new IdlingBuilder();
    try (ServeSession s = startWith(b, "work-idle")) {
      awaitSize(b.idledAfter, 1);
      assertEquals(List.of(1), b.idledAfter, "after the first build");
      b.fake.fail = true;
      s.rebuild();
      assertFalse(s.awaitBuild(2, WAIT).ok());
      b.fake.fail = false;
      java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
      b.hold = hold;
      s.rebuild(); // build 3, held until build 4 is waiting
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (b.started.get() < 3 && System.nanoTime() < deadline) Thread.sleep(5);
      s.rebuild();
      hold.countDown();
      assertTrue(s.awaitBuild(4, WAIT).ok());
      awaitSize(b.idledAfter, 2);
      Thread.sleep(50); // an idle moment after build 3 (none is due) would have been noted by now
      assertEquals(List.of(1, 4), b.idledAfter, "none after a failed build, none while a build waits");
    }
  }
}
