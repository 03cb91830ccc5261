package dev.gongkai.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code gongkai build | validate | serve}. */
@Command(
    name = "gongkai",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Builds a static government-disclosure portal (政务公开) and open data from catalogue/ and content/.",
    subcommands = {BuildCommand.class, ValidateCommand.class, ServeCommand.class, SearchCommand.class, AuditCommand.class, ReportCommand.class, MergeCommand.class, TemplateCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok", "1:input errors (diagnostics printed)", "2:usage error", "3:internal error (use --verbose)"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    // Java 17 prints with the platform charset, which may be ASCII on a bare CI machine: Chinese must survive.
    cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
    cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
    return execute(cl, args);
  }

  /** Runs with the given command line's streams (tests capture them). */
  public static int execute(CommandLine cl, String... args) {
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      boolean verbose = java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("-v");
      line.getErr().println("内部错误 / internal error: " + ex);
      if (verbose) ex.printStackTrace(line.getErr());
      else line.getErr().println("(run with --verbose for details)");
      return ExitCodes.INTERNAL;
    });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      cl.getErr().println("内存不足 / out of memory: give Java more heap, e.g. GONGKAI_JAVA_OPTS=-Xmx4g ./gongkai build");
      return ExitCodes.INTERNAL;
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: build, validate or serve");
  }
}
