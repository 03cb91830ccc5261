package dev.gongkai.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json|github} of {@code build} and {@code validate} (a picocli mixin). */
public final class DiagnosticFormatOption {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "How to print diagnostics: text (default, on stderr), json (one document on stdout, see "
          + "docs/schema/diagnostics.schema.json) or github (GitHub Actions annotations on stdout).")
  String format;
}
