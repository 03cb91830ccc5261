package dev.gongkai.cli;

import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.PreviousRelease;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.diag.Lang;
import dev.gongkai.write.StagedOutput;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
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

  @Mixin DiagnosticFormatOption format;

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
    Lang lang = LangOption.resolve(spec);
    Optional<DiagnosticFormat> f = format.resolve(err, lang);
    if (f.isEmpty()) return ExitCodes.USAGE;
    Path target = out != null ? out : common.source.resolve("public");
    if (previous != null && previousRef != null) {
      err.println(lang.text("build.previous-both"));
      return ExitCodes.USAGE;
    }
    if (previous != null && !Files.isDirectory(previous)) {
      err.println(lang.labelled("build.no-previous-folder", previous));
      return ExitCodes.USAGE;
    }
    BuildResult r;
    Path work = null;
    try {
      Path prev = previous;
      if (previousRef != null) {
        work = Files.createTempDirectory("gongkai-previous-");
        try {
          prev = PreviousRelease.fromGitRef(common.source, previousRef, work);
        } catch (PreviousRelease.Unavailable e) {
          err.println(lang.labelled("build.previous-unavailable", e.getMessage()));
          return ExitCodes.USAGE;
        }
      }
      BuildRequest req = new BuildRequest(common.source, target, BuildRequest.defaultIndexDir(common.source), prev)
          .withCache(BuildRequest.defaultCacheDir(common.source));
      if (clean) SiteBuild.forgetCache(req);
      r = SiteBuild.run(req, common.quiet ? Progress.NONE : new ProgressPrinter(err, common.verbose, lang));
    } catch (StagedOutput.UnsafeOutputException e) {
      err.println(lang.labelled("build.unsafe-output", e.getMessage()));
      return ExitCodes.USAGE;
    } catch (NoSuchFileException e) {
      err.println(lang.labelled("error.no-such-folder", e.getFile()));
      return ExitCodes.USAGE;
    } finally {
      if (work != null) StagedOutput.deleteTree(work);
    }
    BuildReport report = new BuildReport("build", spec.commandLine().getOut(), err, common, lang, f.get(),
        common.source);
    return report.print(r, l -> l.text("build.done", r.pages(), r.files(), target, r.published(), r.withheld(),
        ProgressPrinter.seconds(r.totalNanos()), ProgressPrinter.timings(r, l))
        + (r.pagesKept() > 0 ? l.text("build.kept", r.pagesKept(), r.filesChanged()) : ""));
  }
}
