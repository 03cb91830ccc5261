package dev.gongkai.serve;

import dev.gongkai.diag.Diagnostic;
import java.util.List;

/** The JSON bodies of {@code /__gongkai/status} and {@code /__gongkai/errors}. */
final class StatusJson {
  private StatusJson() {}

  /** {@code {"build": N, "ok": true|false}}; ok is true while the first build is still running. */
  static String status(SiteState state) {
    return "{\"build\": " + state.build() + ", \"ok\": " + state.ok() + "}";
  }

  /** The latest build's diagnostics (errors and warnings) as a JSON array of objects. */
  static String errors(SiteState state) {
    List<Diagnostic> diagnostics = state.latest() == null ? List.of() : state.latest().diagnostics();
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic d = diagnostics.get(i);
      if (i > 0) out.append(',');
      out.append("\n  {\"path\": ")
          .append(Escaping.json(d.location() == null ? "" : d.location().path()))
          .append(", \"line\": ")
          .append(d.location() == null ? 0 : d.location().line())
          .append(", \"column\": ")
          .append(d.location() == null ? 0 : d.location().column())
          .append(", \"severity\": ")
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
