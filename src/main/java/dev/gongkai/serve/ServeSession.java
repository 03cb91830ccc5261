package dev.gongkai.serve;

import dev.gongkai.diag.Lang;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running {@code gongkai serve}: a {@link DevServer}, a {@link SourceWatcher} and a build loop.
 *
 * <p>Build N is written to {@code <workDir>/site-N}. When it succeeds the server switches to it and older
 * {@code site-*} folders are deleted; when it fails the server keeps the previous site, shows the errors over its
 * pages, and the failed output is deleted. An {@linkplain SiteBuilder#inPlace() in-place} builder instead updates
 * {@code site-0} every time (the CLI's incremental build), which a failed build leaves as it was. Builds run one at a
 * time on a background thread; changes during a build schedule exactly one more build after it. The build number goes
 * up after every build, successful or not, and open pages reload. A builder that throws (or returns {@code null})
 * counts as a failed build; the session lives on. After a good build, while no other waits, the builder is given its
 * {@linkplain SiteBuilder#warmUp warm-up} (the first time) and its {@linkplain SiteBuilder#idle idle moment}.
 *
 * <p>Typical use by the CLI:
 *
 * <pre>{@code
 * ServeSession session = ServeSession.start(ServeOptions.of(builder, workDir, watchDirs).withPort(port));
 * Runtime.getRuntime().addShutdownHook(new Thread(session::close)); // Ctrl-C: stop and delete the site-* folders
 * System.err.println("Serving at " + session.url());
 * session.awaitClose();
 * }</pre>
 */
public final class ServeSession implements AutoCloseable {
  private final ServeOptions options;
  private final Path workDir;
  private final DevServer server;
  private final ExecutorService builds;
  private final Object lock = new Object();
  private SourceWatcher watcher;

  // Guarded by lock.
  private boolean queued;
  private boolean closed;
  private boolean warmedUp;
  private int buildNumber;
  private BuildOutcome lastOutcome;
  private String pendingTrigger;

  private ServeSession(ServeOptions options, Path workDir, DevServer server) {
    this.options = options;
    this.workDir = workDir;
    this.server = server;
    this.builds =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "gongkai-serve-build");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Binds the server, starts watching and runs the first build; returns when that build has finished (whether it
   * succeeded or not — see {@link #lastOutcome()}), so the caller can print the address after the build's log line.
   *
   * @throws IOException if the work directory cannot be created or the address cannot be bound (port in use); an
   *     {@link InterruptedIOException} if the thread is interrupted while waiting for the first build (the session is
   *     closed then)
   */
  public static ServeSession start(ServeOptions options) throws IOException {
    Path workDir = options.workDir().toAbsolutePath().normalize();
    Files.createDirectories(workDir);
    workDir = workDir.toRealPath();
    SiteDirs.deleteAllExcept(workDir, null);
    DevServer server = DevServer.start(options.host(), options.port());
    ServeSession session = new ServeSession(options, workDir, server);
    try {
      session.watcher =
          SourceWatcher.start(
              options.watchDirs(),
              options.exclude().or(WatchExclusions.under(List.of(workDir))),
              options.quietPeriod(),
              session::onChange);
      session.requestBuild("start");
      session.awaitBuild(1, null);
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    } catch (InterruptedException e) {
      session.close();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during the first build");
    } catch (TimeoutException e) {
      throw new AssertionError(e); // No timeout was given.
    }
    return session;
  }

  /** The port the server is bound to. */
  public int port() {
    return server.port();
  }

  /** The address to open in a browser, e.g. {@code http://127.0.0.1:1111/}. */
  public URI url() {
    return server.url();
  }

  /** How many builds have finished, successful or not. */
  public int buildNumber() {
    synchronized (lock) {
      return buildNumber;
    }
  }

  /** The outcome of the latest finished build, or {@code null} before the first one finishes. */
  public BuildOutcome lastOutcome() {
    synchronized (lock) {
      return lastOutcome;
    }
  }

  /**
   * Waits until at least {@code n} builds have finished.
   *
   * @param timeout how long to wait at most; {@code null} waits forever
   * @return the outcome of the latest finished build (build {@code n} or a later one)
   * @throws TimeoutException if fewer than {@code n} builds finished in time
   * @throws IllegalStateException if the session is closed while waiting
   */
  public BuildOutcome awaitBuild(int n, Duration timeout) throws InterruptedException, TimeoutException {
    long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (buildNumber < n) {
        if (closed) throw new IllegalStateException("session closed before build " + n);
        if (timeout == null) {
          lock.wait();
          continue;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new TimeoutException("build " + n + " not finished; builds so far: " + buildNumber);
        lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
      return lastOutcome;
    }
  }

  /** Blocks until {@link #close()} is called from another thread (or the thread is interrupted). */
  public void awaitClose() throws InterruptedException {
    synchronized (lock) {
      while (!closed) lock.wait();
    }
  }

  /** Schedules a rebuild as if a source file had changed (e.g. on a key press). */
  public void rebuild() {
    requestBuild("requested");
  }

  /**
   * Stops watching, lets a running build finish (for up to five seconds), stops the server and deletes the session's
   * {@code site-*} folders. Idempotent.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) return;
      closed = true;
      lock.notifyAll();
    }
    if (watcher != null) watcher.close();
    builds.shutdown();
    try {
      if (!builds.awaitTermination(5, TimeUnit.SECONDS)) builds.shutdownNow();
    } catch (InterruptedException e) {
      builds.shutdownNow();
      Thread.currentThread().interrupt();
    }
    server.close();
    SiteDirs.deleteAllExcept(workDir, null);
  }

  private void onChange(List<Path> changed) {
    String trigger;
    if (changed.isEmpty()) {
      trigger = "changed";
    } else {
      trigger = "changed: " + displayName(changed.get(0));
      if (changed.size() > 1) trigger += " +" + (changed.size() - 1);
    }
    requestBuild(trigger);
  }

  private String displayName(Path p) {
    for (Path dir : options.watchDirs()) {
      Path root = dir.toAbsolutePath().normalize();
      try {
        root = root.toRealPath();
      } catch (IOException e) {
        // Keep the normalised path.
      }
      if (p.startsWith(root) && !p.equals(root)) return root.relativize(p).toString().replace('\\', '/');
    }
    return p.toString();
  }

  private void requestBuild(String trigger) {
    synchronized (lock) {
      if (closed) return;
      pendingTrigger = pendingTrigger == null ? trigger : pendingTrigger;
      if (queued) return;
      queued = true;
    }
    builds.execute(this::runBuild);
  }

  /** Runs one build on the build thread and publishes its result. */
  private void runBuild() {
    int n;
    String trigger;
    synchronized (lock) {
      queued = false;
      if (closed) return;
      n = buildNumber + 1;
      trigger = pendingTrigger;
      pendingTrigger = null;
    }
    // An in-place builder updates the served folder itself, only once its build has succeeded.
    boolean inPlace = options.builder().inPlace();
    Path out = SiteDirs.siteDir(workDir, inPlace ? 0 : n);
    if (!inPlace) SiteDirs.deleteTree(out);
    BuildOutcome outcome = runBuilder(out);
    SiteState previous = server.state();
    Path site = outcome.ok() ? out : previous.site();
    PrintStream log = options.log();
    BuildLog.print(log, n, outcome, trigger, site != null, options.lang());
    server.publish(new SiteState(site, n, outcome));
    synchronized (lock) {
      buildNumber = n;
      lastOutcome = outcome;
      lock.notifyAll();
    }
    SiteDirs.deleteAllExcept(workDir, site);
    if (outcome.ok()) {
      warmUp(out);
      idle();
    }
  }

  /** Gives the builder its moment between builds, unless a build is waiting. */
  private void idle() {
    if (buildWaiting()) return;
    // Tidying only: the next build reports whatever is wrong.
    quietly(() -> options.builder().idle(this::buildWaiting));
  }

  /** After the first good build, lets the builder prepare for the next ones until a build is waiting. */
  private void warmUp(Path built) {
    synchronized (lock) {
      if (warmedUp || queued || closed) return;
      warmedUp = true;
    }
    // Only a head start: the next build reports whatever is wrong with the site.
    quietly(() -> options.builder().warmUp(built, this::buildWaiting));
  }

  /** Something a build may skip or have done by halves: a failure of it is printed with --verbose, else ignored. */
  private void quietly(Hook hook) {
    try {
      hook.run();
    } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
      if (options.verbose()) e.printStackTrace(options.log());
    }
  }

  @FunctionalInterface
  private interface Hook {
    void run() throws Exception;
  }

  private boolean buildWaiting() {
    synchronized (lock) {
      return queued || closed;
    }
  }

  /** Calls the builder, turning crashes and nonsense into failed outcomes. */
  private BuildOutcome runBuilder(Path out) {
    try {
      BuildOutcome outcome = options.builder().build(out);
      Lang lang = options.lang();
      if (outcome == null) return BuildOutcome.failure(lang.text("serve.no-outcome"), List.of());
      if (outcome.ok() && !Files.isDirectory(out)) {
        return BuildOutcome.failure(lang.text("serve.nothing-written", out), outcome.diagnostics());
      }
      return outcome;
    } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
      // Whatever went wrong, the session keeps serving the last good site.
      if (options.verbose()) e.printStackTrace(options.log());
      return BuildOutcome.failure(options.lang().labelled("serve.crashed", describe(e)), List.of());
    }
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    String name = t.getClass().getSimpleName().isEmpty() ? t.getClass().getName() : t.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + message;
  }
}
