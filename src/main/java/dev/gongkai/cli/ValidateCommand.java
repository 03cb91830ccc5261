package dev.gongkai.cli;

import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.diag.Lang;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code gongkai validate}: check every input and print all problems; writes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check the catalogue, records, datasets and pages and print every problem; writes nothing.")
public final class ValidateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin DiagnosticFormatOption format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Lang lang = LangOption.resolve(spec);
    Optional<DiagnosticFormat> f = format.resolve(err, lang);
    if (f.isEmpty()) return ExitCodes.USAGE;
    BuildResult r;
    try {
      r = SiteBuild.run(new BuildRequest(common.source, null), Progress.NONE);
    } catch (NoSuchFileException e) {
      err.println(lang.labelled("error.no-such-folder", e.getFile()));
      return ExitCodes.USAGE;
    }
    BuildReport report = new BuildReport("validate", spec.commandLine().getOut(), err, common, lang, f.get(),
        common.source);
    return report.print(r, l -> l.text("validate.done", r.published(), r.withheld(),
        ProgressPrinter.seconds(r.totalNanos()), ProgressPrinter.timings(r, l)));
  }
}
