package dev.gongkai.cli;

import java.util.Locale;
import java.util.Optional;

/**
 * How {@code build} and {@code validate} print diagnostics ({@code --format}). In every format the summary and
 * progress lines go to stderr; stdout carries only {@link #JSON}'s document or {@link #GITHUB}'s workflow commands.
 */
enum DiagnosticFormat {
  /** For people: compiler-style blocks on stderr, in the chosen language ({@link DiagnosticPrinter}). */
  TEXT,
  /** One JSON document on stdout ({@link DiagnosticJson}, {@code docs/schema/diagnostics.schema.json}). */
  JSON,
  /** GitHub Actions workflow commands on stdout, one per diagnostic ({@link GithubAnnotations}). */
  GITHUB;

  static final String NAMES = "text, json, github";

  static Optional<DiagnosticFormat> parse(String name) {
    for (DiagnosticFormat f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(name)) return Optional.of(f);
    }
    return Optional.empty();
  }
}
