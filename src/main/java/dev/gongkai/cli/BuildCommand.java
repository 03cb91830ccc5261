package dev.gongkai.cli;

import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.write.StagedOutput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gongkai build}: validate, then write the portal to the output folder (swapped in whole). */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Validate the site and write the portal to the output folder, replacing it whole on success.")
public final class BuildCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Output folder (default: public/ inside the source folder).")
  Path out;

  @Option(names = "--previous", paramLabel = "DIR",
      description = "The previous release's published folder: publish what changed since (data/changes/).")
  Path previous;

  @Option(names = "--previous-ref", paramLabel = "REF",
      description = "The previous release as a git ref of the source (e.g. a tag); built aside, then compared.")
  String previousRef;

  @Option(names = "--clean",
      description = "Ignore the build cache (.gongkai/cache) and build everything; by default a rebuild renders and"
          + " writes only what changed since the last build into the same output folder.")
  boolean clean;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path target = out != null ? out : common.source.resolve("public");
    if (previous != null && previousRef != null) {
      err.println("--previous 与 --previous-ref 只能选一个 / give --previous or --previous-ref, not both");
      return ExitCodes.USAGE;
    }
    if (previous != null && !java.nio.file.Files.isDirectory(previous)) {
      err.println("找不到上一版本目录 / no such previous release folder: " + previous);
      return ExitCodes.USAGE;
    }
    BuildResult r;
    Path work = null;
    try {
      Path prev = previous;
      if (previousRef != null) {
        work = java.nio.file.Files.createTempDirectory("gongkai-previous-");
        try {
          prev = dev.gongkai.build.PreviousRelease.fromGitRef(common.source, previousRef, work);
        } catch (dev.gongkai.build.PreviousRelease.Unavailable e) {
          err.println("无法构建上一版本 / cannot build the previous release: " + e.getMessage());
          return ExitCodes.USAGE;
        }
      }
      BuildRequest req = new BuildRequest(common.source, target, BuildRequest.defaultIndexDir(common.source), prev)
          .withCache(BuildRequest.defaultCacheDir(common.source));
      if (clean) dev.gongkai.build.SiteBuild.forgetCache(req);
      r = SiteBuild.run(req,
          common.quiet ? dev.gongkai.build.Progress.NONE : new ProgressPrinter(err, common.verbose));
    } catch (StagedOutput.UnsafeOutputException e) {
      err.println("输出目录不安全 / unsafe output folder: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (java.nio.file.NoSuchFileException e) {
      err.println("找不到目录 / no such folder: " + e.getFile());
      return ExitCodes.USAGE;
    } finally {
      if (work != null) StagedOutput.deleteTree(work);
    }
    return report(r, err, common, "built " + r.pages() + " pages, " + r.files() + " files → " + target
        + (r.pagesKept() > 0 ? " (" + r.pagesKept() + " pages unchanged, " + r.filesChanged() + " files written)" : ""));
  }

  /** Prints diagnostics and the summary line; returns the exit code. */
  static int report(BuildResult r, PrintWriter err, CommonOptions common, String success) {
    DiagnosticPrinter p = new DiagnosticPrinter(err, !common.quiet);
    p.print(r.diagnostics());
    if (!r.ok()) {
      p.summary(r.diagnostics());
      err.println("构建失败，已发布的内容保持不变 / build failed; published output left unchanged");
      return ExitCodes.INPUT;
    }
    if (!common.quiet) {
      if (r.diagnostics().warningCount() > 0) p.summary(r.diagnostics());
      err.printf(Locale.ROOT, "%s (%d records published, %d withheld) in %s [%s]%n", success, r.published(),
          r.withheld(), ProgressPrinter.seconds(r.totalNanos()), ProgressPrinter.timings(r));
    }
    return ExitCodes.OK;
  }
}
