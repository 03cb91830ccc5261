package dev.gongkai.serve;

import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Location;
import java.util.List;

/** The JSON bodies of {@code /__gongkai/status} and {@code /__gongkai/errors}. */
final class StatusJson {
  private StatusJson() {}

  /** {@code {"build": N, "ok": true|false}}; ok is true while the first build is still running. */
  static String status(SiteState state) {
    return "{\"build\": " + state.build() + ", \"ok\": " + state.ok() + "}";
  }

  /**
   * The latest build's diagnostics (errors and warnings) as a JSON array of objects. {@code location} is the place as
   * the terminal prints it ({@code path:line:col}, or {@code path!Sheet1!D37} in a workbook); {@code line} and
   * {@code column} are 0 when unknown and for a workbook, which has {@code sheet} and {@code cell} instead ({@code cell}
   * empty for a whole sheet).
   */
  static String errors(SiteState state) {
    List<Diagnostic> diagnostics = state.latest() == null ? List.of() : state.latest().diagnostics();
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic d = diagnostics.get(i);
      Location at = d.location() == null ? Location.file("") : d.location();
      boolean book = at.inWorkbook();
      if (i > 0) out.append(',');
      out.append("\n  {\"location\": ")
          .append(Escaping.json(at.toString()))
          .append(", \"path\": ")
          .append(Escaping.json(at.path()))
          .append(", \"line\": ")
          .append(book ? 0 : at.line())
          .append(", \"column\": ")
          .append(book ? 0 : at.column());
      if (book) {
        out.append(", \"sheet\": ")
            .append(Escaping.json(at.sheet()))
            .append(", \"cell\": ")
            .append(Escaping.json(at.cellRef()));
      }
      out.append(", \"severity\": ")
          .append(Escaping.json(d.isError() ? "error" : "warning"))
          .append(", \"code\": ")
          .append(Escaping.json(d.code() == null ? "" : d.code().id()))
          .append(", \"messageZh\": ")
          .append(Escaping.json(d.messageZh()))
          .append(", \"messageEn\": ")
          .append(Escaping.json(d.messageEn()))
          .append(", \"text\": ")
          .append(Escaping.json(d.text()))
          .append(", \"hintZh\": ")
          .append(Escaping.json(d.hintZh()))
          .append(", \"hintEn\": ")
          .append(Escaping.json(d.hintEn()))
          .append('}');
    }
    return out.append(diagnostics.isEmpty() ? "]\n" : "\n]\n").toString();
  }
}
