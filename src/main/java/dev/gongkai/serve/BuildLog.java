package dev.gongkai.serve;

import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Lang;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The terminal lines of {@code gongkai serve}: one per build, then one per diagnostic (errors of a failed build,
 * warnings of a good one), each as {@code location code message}, in the language of the session's options.
 */
final class BuildLog {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private BuildLog() {}

  /**
   * Prints build {@code build}'s result in {@code lang}.
   *
   * @param trigger what caused the build (e.g. a changed file), or {@code null}
   * @param servingOlder whether an earlier good build is still being served (only mentioned for failed builds)
   */
  static void print(PrintStream out, int build, BuildOutcome outcome, String trigger, boolean servingOlder, Lang lang) {
    StringBuilder line = new StringBuilder().append('[').append(LocalTime.now().format(TIME)).append("] ");
    // "build 3" is what the bilingual log has always shown; zh-CN says 第 3 次构建.
    line.append(lang.orEnglish().text("serve.build", build));
    if (trigger != null && !trigger.isEmpty()) line.append(" (").append(trigger).append(')');
    List<Diagnostic> shown;
    if (outcome.ok()) {
      line.append(": ").append(outcome.summary().isEmpty() ? lang.text("serve.ok") : outcome.summary());
      shown = outcome.diagnostics().stream().filter(d -> !d.isError()).toList();
      if (!shown.isEmpty()) line.append(" — ").append(lang.text("serve.warnings", shown.size()));
    } else {
      shown = outcome.errors();
      line.append(": ").append(shown.isEmpty()
          ? lang.text("serve.failed") : lang.text("serve.failed.errors", shown.size()));
      if (!outcome.summary().isEmpty()) line.append(" — ").append(outcome.summary());
      if (servingOlder) line.append(" (").append(lang.text("serve.still-serving")).append(')');
    }
    synchronized (out) {
      out.println(line);
      for (Diagnostic d : shown) out.println("  " + describe(d, lang));
      out.flush();
    }
  }

  /** {@code location code message}, the message in {@code lang} ({@code messageZh / messageEn} for both). */
  static String describe(Diagnostic d, Lang lang) {
    return d.location() + " " + (d.code() == null ? "" : d.code().id()) + " " + lang.pick(d.messageZh(), d.messageEn());
  }
}
