package dev.gongkai.cli;

import dev.gongkai.diag.Lang;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --format text|json|github} of {@code build} and {@code validate} (a picocli mixin). */
public final class DiagnosticFormatOption {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "How to print diagnostics: text (default, on stderr), json (one document on stdout, see "
          + "docs/schema/diagnostics.schema.json) or github (GitHub Actions annotations on stdout).")
  String format;

  /** The chosen format; when it is not one, says so on {@code err} and returns empty (exit with USAGE). */
  Optional<DiagnosticFormat> resolve(PrintWriter err, Lang lang) {
    Optional<DiagnosticFormat> f = DiagnosticFormat.parse(format);
    if (f.isEmpty()) err.println(lang.labelled("error.unknown-format", format + " (" + DiagnosticFormat.NAMES + ")"));
    return f;
  }
}
