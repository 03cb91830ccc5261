package dev.gongkai.cli;

import dev.gongkai.diag.Lang;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Prints a command-line mistake in the publisher's language: what was wrong (unknown option, missing option, bad
 * {@code --lang}; picocli's own English text for the rarer kinds), the close matches picocli suggests, and the
 * {@code --help} to run. Exit code {@link ExitCodes#USAGE}.
 */
final class UsageErrors {
  private UsageErrors() {}

  static int print(CommandLine.ParameterException ex, Lang lang) {
    CommandLine line = ex.getCommandLine();
    PrintWriter err = line.getErr();
    err.println(message(ex, lang));
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      err.println(lang.text("usage.suggestions", String.join(", ", u.getSuggestions())));
    }
    err.println(lang.text("usage.help", line.getCommandSpec().qualifiedName()));
    err.flush();
    return ExitCodes.USAGE;
  }

  static String message(CommandLine.ParameterException ex, Lang lang) {
    if (ex instanceof UsageError) return ex.getMessage();
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      return lang.text("usage.unknown-argument", String.join(" ", u.getUnmatched()));
    }
    if (ex instanceof CommandLine.MissingParameterException m) {
      List<String> names = new ArrayList<>();
      for (ArgSpec a : m.getMissing()) names.add(name(a));
      return lang.text("usage.missing-parameter", String.join(", ", names));
    }
    if (ex.getArgSpec() instanceof OptionSpec o && o.longestName().equals(LangOption.NAME)) {
      return lang.text("usage.unknown-lang", ex.getValue() == null ? "" : ex.getValue());
    }
    return lang.labelled("usage.error", ex.getMessage());
  }

  private static String name(ArgSpec a) {
    if (a instanceof OptionSpec o) return o.longestName();
    if (a instanceof PositionalParamSpec p) return p.paramLabel();
    return String.valueOf(a);
  }
}
