package dev.gongkai.cli;

import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints diagnostics for people: a compiler-style first line ({@code path:line:col: error[code]}) that editors and CI
 * annotators recognise, then the message in Chinese and English, the offending text, and the fix hint.
 */
public final class DiagnosticPrinter {
  private final PrintWriter out;
  private final boolean warnings;

  public DiagnosticPrinter(PrintWriter out, boolean warnings) {
    this.out = out;
    this.warnings = warnings;
  }

  public void print(Diagnostics diags) {
    for (Diagnostic d : diags.sorted()) {
      if (!d.isError() && !warnings) continue;
      print(d);
    }
    int shown = diags.sorted().size();
    int total = diags.total();
    if (total > shown) {
      out.printf(Locale.ROOT, "… 还有 %d 条未显示 / %d more not shown%n", total - shown, total - shown);
    }
  }

  public void print(Diagnostic d) {
    String sev = d.isError() ? "error" : "warning";
    out.printf(Locale.ROOT, "%s: %s[%s]%n", d.location(), sev, d.code().id());
    out.println("    " + d.messageZh());
    out.println("    " + d.messageEn());
    if (!d.text().isBlank()) out.println("    | " + oneLine(d.text()));
    out.println("    提示：" + d.hintZh());
    out.println("    hint: " + d.hintEn());
  }

  public void summary(Diagnostics diags) {
    out.printf(Locale.ROOT, "%d 个错误，%d 个警告 / %d error%s, %d warning%s%n",
        diags.errorCount(), diags.warningCount(),
        diags.errorCount(), diags.errorCount() == 1 ? "" : "s",
        diags.warningCount(), diags.warningCount() == 1 ? "" : "s");
  }

  private static String oneLine(String s) {
    String t = s.replace("\r", "").replace("\n", "⏎");
    return t.length() > 120 ? t.substring(0, 117) + "…" : t;
  }
}
