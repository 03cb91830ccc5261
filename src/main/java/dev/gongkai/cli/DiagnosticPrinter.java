package dev.gongkai.cli;

import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Lang;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints diagnostics for people: a compiler-style first line ({@code path:line:col: error[code]}) that editors and CI
 * annotators recognise, then the message in the publisher's language (Chinese, then English, for {@link Lang#BOTH}),
 * the offending text, and the fix hint.
 */
public final class DiagnosticPrinter {
  private final PrintWriter out;
  private final boolean warnings;
  private final Lang lang;

  /**
   * @param warnings whether warnings are printed (errors always are)
   */
  public DiagnosticPrinter(PrintWriter out, boolean warnings, Lang lang) {
    this.out = out;
    this.warnings = warnings;
    this.lang = lang;
  }

  /** Every kept diagnostic (warnings only if asked for), then how many more were counted but not kept. */
  public void print(Diagnostics diags) {
    for (Diagnostic d : diags.sorted()) {
      if (!d.isError() && !warnings) continue;
      print(d);
    }
    notShown(diags);
  }

  /** {@code … 还有 3 条未显示 / 3 more not shown} when the collector dropped some; nothing otherwise. */
  public void notShown(Diagnostics diags) {
    int more = diags.total() - diags.sorted().size();
    if (more > 0) out.println(lang.text("diag.not-shown", more));
  }

  public void print(Diagnostic d) {
    out.println(headline(d));
    for (String line : body(d, lang)) out.println("    " + line);
  }

  /** {@code path:line:col: error[code]}. */
  static String headline(Diagnostic d) {
    return d.location() + ": " + (d.isError() ? "error" : "warning") + "[" + d.code().id() + "]";
  }

  /** The lines under the headline: message, {@code | offending text}, hint — each in the languages shown. */
  static List<String> body(Diagnostic d, Lang lang) {
    List<String> lines = new ArrayList<>(lang.pickLines(d.messageZh(), d.messageEn()));
    if (!d.text().isBlank()) lines.add("| " + oneLine(d.text()));
    lines.addAll(lang.pickLines(
        dev.gongkai.diag.Messages.CLI_ZH.format("diag.hint", d.hintZh()),
        dev.gongkai.diag.Messages.CLI_EN.format("diag.hint", d.hintEn())));
    return lines;
  }

  /** {@code 1 个错误，0 个警告 / 1 error, 0 warnings}. */
  public void summary(Diagnostics diags) {
    out.println(lang.text("diag.summary", diags.errorCount(), diags.warningCount()));
  }

  private static String oneLine(String s) {
    String t = s.replace("\r", "").replace("\n", "⏎");
    return t.length() > 120 ? t.substring(0, 117) + "…" : t;
  }
}
