package dev.gongkai.cli;

import dev.gongkai.diag.Lang;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Entry point: {@code gongkai build | validate | serve | search | audit | report | merge | init | new record}. */
@Command(
    name = "gongkai",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Builds a static government-disclosure portal (政务公开) and open data from catalogue/ and content/.",
      "Messages are printed in zh-CN, English or both: every command takes --lang zh-CN|en|both; without it "
          + "LC_ALL, LC_MESSAGES, LANG or LANGUAGE decide (zh* gives zh-CN, en* gives en, otherwise both)."
    },
    subcommands = {BuildCommand.class, ValidateCommand.class, ServeCommand.class, SearchCommand.class, AuditCommand.class, ReportCommand.class, MergeCommand.class, InitCommand.class, NewCommand.class, TemplateCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok", "1:input errors (diagnostics printed)", "2:usage error", "3:internal error (use --verbose)"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LangOption lang;

  private final Function<String, String> environment;

  /** The command line of this process: the language comes from its environment. */
  public Main() {
    this(System::getenv);
  }

  /**
   * A command line whose environment variables ({@link Lang#ENVIRONMENT}) are looked up in {@code environment}, so
   * tests can choose the default language without touching the process environment.
   */
  public Main(Function<String, String> environment) {
    this.environment = environment;
  }

  /** Looks up an environment variable (null when unset). */
  Function<String, String> environment() {
    return environment;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    // Java 17 prints with the platform charset, which may be ASCII on a bare CI machine: Chinese must survive.
    cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    return execute(cl, args);
  }

  /** Runs with the given command line's streams (tests capture them). */
  public static int execute(CommandLine cl, String... args) {
    Function<String, String> env = cl.getCommand() instanceof Main m ? m.environment : System::getenv;
    Lang early = LangOption.fromArgs(args, env);
    cl.setParameterExceptionHandler((ex, a) -> UsageErrors.print(ex, LangOption.fromArgs(a, env)));
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      Lang lang = LangOption.resolve(line.getCommandSpec());
      boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
      line.getErr().println(lang.labelled("error.internal", ex));
      if (verbose) ex.printStackTrace(line.getErr());
      else line.getErr().println(lang.text("error.internal.verbose"));
      return ExitCodes.INTERNAL;
    });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      cl.getErr().println(early.text("error.out-of-memory"));
      return ExitCodes.INTERNAL;
    }
  }

  @Override
  public void run() {
    throw new UsageError(spec.commandLine(), LangOption.resolve(spec).text("usage.missing-command"));
  }
}
