package dev.gongkai.testing;

import dev.gongkai.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process and captures what it prints. */
public final class Cli {
  /** Exit code and captured output of one run. */
  public record Run(int exit, String out, String err) {}

  private Cli() {}

  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = Main.execute(cl, args);
    return new Run(code, out.toString(), err.toString());
  }
}
