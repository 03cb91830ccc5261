package dev.gongkai.serve;

import dev.gongkai.diag.Lang;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Everything a {@link ServeSession} needs. Start from {@link #of} and adjust with the {@code with…} methods.
 *
 * @param builder builds the site; called on one background thread, never concurrently
 * @param workDir where the session keeps its builds ({@code site-1}, {@code site-2}, …), e.g.
 *     {@code <source>/.gongkai/serve}; created if missing. Its {@code site-N} folders are deleted at start and close,
 *     so do not point it at anything else's output. Never watched, even if it lies inside a watched directory.
 * @param host the address to bind; {@link DevServer#DEFAULT_HOST} keeps the preview off the network
 * @param port the port, 0 for an ephemeral one
 * @param watchDirs the directories whose changes trigger a rebuild (recursively; missing ones are ignored)
 * @param exclude absolute paths to ignore when watching (the work directory is always ignored in addition)
 * @param quietPeriod how long changes must stop before a rebuild starts
 * @param log where one line per build (plus one per diagnostic) is printed, e.g. {@code System.err}
 * @param verbose whether to print stack traces of builder crashes
 * @param lang the language of the log lines ({@link Lang#BOTH} by default)
 */
public record ServeOptions(
    SiteBuilder builder,
    Path workDir,
    String host,
    int port,
    List<Path> watchDirs,
    Predicate<Path> exclude,
    Duration quietPeriod,
    PrintStream log,
    boolean verbose,
    Lang lang) {

  /** The port used when none is given (as in Zola). */
  public static final int DEFAULT_PORT = 1111;

  public ServeOptions {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(workDir, "workDir");
    host = host == null || host.isBlank() ? DevServer.DEFAULT_HOST : host;
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    watchDirs = List.copyOf(watchDirs);
    exclude = exclude == null ? WatchExclusions.defaults() : exclude;
    quietPeriod = quietPeriod == null ? SourceWatcher.DEFAULT_QUIET_PERIOD : quietPeriod;
    log = log == null ? System.err : log;
    lang = lang == null ? Lang.BOTH : lang;
  }

  /**
   * Options with the defaults: {@link DevServer#DEFAULT_HOST}, {@link #DEFAULT_PORT}, {@link
   * WatchExclusions#defaults()}, {@link SourceWatcher#DEFAULT_QUIET_PERIOD}, logging to {@code System.err}, not
   * verbose.
   */
  public static ServeOptions of(SiteBuilder builder, Path workDir, List<Path> watchDirs) {
    return new ServeOptions(builder, workDir, null, DEFAULT_PORT, watchDirs, null, null, null, false, null);
  }

  public ServeOptions withHost(String host) {
    return new ServeOptions(builder, workDir, host, port, watchDirs, exclude, quietPeriod, log, verbose, lang);
  }

  public ServeOptions withPort(int port) {
    return new ServeOptions(builder, workDir, host, port, watchDirs, exclude, quietPeriod, log, verbose, lang);
  }

  public ServeOptions withExclude(Predicate<Path> exclude) {
    return new ServeOptions(builder, workDir, host, port, watchDirs, exclude, quietPeriod, log, verbose, lang);
  }

  public ServeOptions withQuietPeriod(Duration quietPeriod) {
    return new ServeOptions(builder, workDir, host, port, watchDirs, exclude, quietPeriod, log, verbose, lang);
  }

  public ServeOptions withLog(PrintStream log) {
    return new ServeOptions(builder, workDir, host, port, watchDirs, exclude, quietPeriod, log, verbose, lang);
  }

  public ServeOptions withVerbose(boolean verbose) {
    return new ServeOptions(builder, workDir, host, port, watchDirs, exclude, quietPeriod, log, verbose, lang);
  }

  public ServeOptions withLang(Lang lang) {
    return new ServeOptions(builder, workDir, host, port, watchDirs, exclude, quietPeriod, log, verbose, lang);
  }
}
