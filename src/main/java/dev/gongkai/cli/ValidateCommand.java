package dev.gongkai.cli;

import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.SiteBuild;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code gongkai validate}: check every input and print all problems; writes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check the catalogue, records, datasets and pages and print every problem; writes nothing.")
public final class ValidateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try {
      BuildResult r = SiteBuild.run(new BuildRequest(common.source, null), dev.gongkai.build.Progress.NONE);
      return BuildCommand.report(r, spec.commandLine().getErr(), common, "valid");
    } catch (java.nio.file.NoSuchFileException e) {
      spec.commandLine().getErr().println("找不到目录 / no such folder: " + e.getFile());
      return ExitCodes.USAGE;
    }
  }
}
