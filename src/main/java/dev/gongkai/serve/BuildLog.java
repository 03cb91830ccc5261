package dev.gongkai.serve;

import dev.gongkai.diag.Diagnostic;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The terminal lines of {@code gongkai serve}: one per build, then one per diagnostic (errors of a failed build,
 * warnings of a good one), each as {@code location code messageZh / messageEn}.
 */
final class BuildLog {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private BuildLog() {}

  /**
   * Prints build {@code build}'s result.
   *
   * @param trigger what caused the build (e.g. a changed file), or {@code null}
   * @param servingOlder whether an earlier good build is still being served (only mentioned for failed builds)
   */
  static void print(PrintStream out, int build, BuildOutcome outcome, String trigger, boolean servingOlder) {
    StringBuilder line = new StringBuilder().append('[').append(LocalTime.now().format(TIME)).append("] ");
    line.append(String.format(Locale.ROOT, "build %d", build));
    if (trigger != null && !trigger.isEmpty()) line.append(" (").append(trigger).append(')');
    List<Diagnostic> shown;
    if (outcome.ok()) {
      line.append(": ").append(outcome.summary().isEmpty() ? "ok" : outcome.summary());
      shown = outcome.diagnostics().stream().filter(d -> !d.isError()).toList();
      if (!shown.isEmpty()) {
        line.append(
            String.format(
                Locale.ROOT,
                " — %d 个警告 / %d warning%s",
                shown.size(),
                shown.size(),
                shown.size() == 1 ? "" : "s"));
      }
    } else {
      shown = outcome.errors();
      if (shown.isEmpty()) {
        line.append(": 构建失败 / build failed");
      } else {
        line.append(
            String.format(
                Locale.ROOT,
                ": 构建失败，%d 个错误 / build failed, %d error%s",
                shown.size(),
                shown.size(),
                shown.size() == 1 ? "" : "s"));
      }
      if (!outcome.summary().isEmpty()) line.append(" — ").append(outcome.summary());
      if (servingOlder) line.append(" (仍在显示上一次成功的构建 / still serving the last good build)");
    }
    synchronized (out) {
      out.println(line);
      for (Diagnostic d : shown) out.println("  " + describe(d));
      out.flush();
    }
  }

  /** {@code location code messageZh / messageEn}. */
  static String describe(Diagnostic d) {
    return d.location() + " " + (d.code() == null ? "" : d.code().id()) + " " + d.messageZh() + " / " + d.messageEn();
  }
}
