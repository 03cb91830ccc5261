package dev.gongkai.cli;

import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.build.WarmState;
import dev.gongkai.diag.Lang;
import dev.gongkai.serve.BuildOutcome;
import dev.gongkai.serve.IdleCollection;
import dev.gongkai.serve.ServeOptions;
import dev.gongkai.serve.ServeSession;
import dev.gongkai.serve.SiteBuilder;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gongkai serve}: builds into {@code .gongkai/serve/} under the source, serves it on 127.0.0.1, rebuilds on
 * every change and reloads open pages; a failed rebuild keeps the last good site and shows the errors as an overlay.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Preview the site on http://127.0.0.1:8080/, rebuilding and reloading on every change.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = {"-p", "--port"}, defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Loopback address to listen on (default: ${DEFAULT-VALUE}); other machines are refused.")
  String host;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path source = common.source.toAbsolutePath().normalize();
    Lang lang = LangOption.resolve(spec);
    if (!Files.isDirectory(source)) {
      spec.commandLine().getErr().println(lang.labelled("error.no-such-folder", source));
      return ExitCodes.USAGE;
    }
    if (!isLoopback(host)) {
      spec.commandLine().getErr().println(lang.text("serve.not-loopback", host));
      return ExitCodes.USAGE;
    }
    PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    ServeOptions options = ServeOptions.of(builder(source, lang), source.resolve(".gongkai/serve"), List.of(
            source.resolve("catalogue"), source.resolve("content"), source.resolve("site-templates")))
        .withHost(host).withPort(port).withVerbose(common.verbose).withLog(log).withLang(lang);
    ServeSession session;
    try {
      session = ServeSession.start(options);
    } catch (java.net.BindException e) {
      spec.commandLine().getErr().println(lang.text("serve.port-in-use", port));
      return ExitCodes.USAGE;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(session::close));
    log.println(lang.labelled("serve.serving-at", session.url()) + "  (" + lang.text("serve.stop") + ")");
    session.awaitClose();
    return ExitCodes.OK;
  }

  /** Whether {@code host} names this machine only (no DNS lookup for other names). */
  static boolean isLoopback(String host) {
    if (host.equals("localhost")) return true;
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) return false;
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** How many unchanged rebuilds serve runs after its first good build, to compile an edit's path early. */
  static final int WARM_UPS = 3;
  /** Edits rehearsed after them, each of another record ({@link SiteBuild#rehearse}). */
  public static final int REHEARSED_EDITS = 2;

  /** {@link #builder(Path, Lang)} with bilingual summaries. */
  static SiteBuilder builder(Path source) {
    return builder(source, Lang.BOTH);
  }

  /**
   * Adapts the pipeline to the preview: every build updates one folder incrementally (build cache beside it), so an
   * edit re-renders only the pages it affects; a failed build leaves the folder as it was. The summary of a good
   * build is one line of the log, in English for bilingual output (as {@code gongkai build}'s English line).
   */
  static SiteBuilder builder(Path source, Lang lang) {
    return new SiteBuilder() {
      /** Kept between this session's builds: an edit reads and checks only the record files that changed. */
      private final WarmState warm = new WarmState();
      private final IdleCollection collection = new IdleCollection();

      @Override
      public BuildOutcome build(Path outDir) throws Exception {
        BuildResult r = SiteBuild.run(request(outDir), Progress.NONE, warm);
        String summary = lang.orEnglish().text("serve.built", r.pages(), r.published(), r.withheld(),
            ProgressPrinter.seconds(r.totalNanos()))
            + (r.pagesKept() > 0 ? lang.orEnglish().text("build.kept", r.pagesKept(), r.filesChanged()) : "");
        return r.ok()
            ? BuildOutcome.success(summary, r.diagnostics().sorted())
            : BuildOutcome.failure(lang.text("diag.summary", r.diagnostics().errorCount(),
                r.diagnostics().warningCount()), r.diagnostics().sorted());
      }

      @Override
      public boolean inPlace() {
        return true;
      }

      /**
       * Rebuilds the unchanged site {@code WARM_UPS} times (each keeps every page and writes nothing), then rehearses
       * {@code REHEARSED_EDITS} edits ({@link SiteBuild#rehearse}: made in memory, committed nowhere), so that the JIT
       * has compiled what the publisher's first edit runs. At 100,000 records the first edit took 2.8-3.2 s without
       * the rebuilds and 1.9-2.6 s after them; after a restart from the build cache, 2.8-3.6 s after the rebuilds
       * alone and 2.4-2.6 s after the rehearsals too (BENCHMARKS.md).
       */
      @Override
      public void warmUp(Path outDir, java.util.function.BooleanSupplier stop) throws Exception {
        for (int i = 0; i < WARM_UPS && !stop.getAsBoolean(); i++) {
          SiteBuild.run(request(outDir), Progress.NONE, warm);
        }
        for (int i = 0; i < REHEARSED_EDITS && !stop.getAsBoolean(); i++) SiteBuild.rehearse(request(outDir), warm, i);
      }

      /**
       * Waits for the build cache to be written, then collects the heap if the next build would probably have to
       * (measured at 100,000 records: BENCHMARKS.md).
       */
      @Override
      public void idle(java.util.function.BooleanSupplier stop) {
        warm.awaitSaveEnded();
        if (!stop.getAsBoolean()) collection.collectIfDue();
      }

      private BuildRequest request(Path outDir) {
        return new BuildRequest(source, outDir).withCache(outDir.resolveSibling("cache"));
      }
    };
  }
}
