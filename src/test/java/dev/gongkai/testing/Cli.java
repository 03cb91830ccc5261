package dev.gongkai.testing;

import dev.gongkai.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the real command line in-process and captures what it prints. The environment the CLI sees (for its default
 * language) is empty unless a test gives one, so results do not depend on the machine's LANG.
 */
public final class Cli {
  /** Exit code and captured output of one run. */
  public record Run(int exit, String out, String err) {}

  private Cli() {}

  /** Runs with no environment variables: bilingual output, as for an unset locale. */
  public static Run run(String... args) {
    return runWithEnv(Map.of(), args);
  }

  /** Runs as if the process environment were {@code env} (e.g. {@code LANG=zh_CN.UTF-8}). */
  public static Run runWithEnv(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Main(env::get));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = Main.execute(cl, args);
    return new Run(code, out.toString(), err.toString());
  }
}
