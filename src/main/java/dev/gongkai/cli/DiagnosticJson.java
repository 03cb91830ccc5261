package dev.gongkai.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format json}: the diagnostics of one run as one JSON document, described by
 * {@code docs/schema/diagnostics.schema.json} (format version {@value #FORMAT_VERSION}). Messages and hints are
 * always given in both languages, whatever {@code --lang} says; {@code --quiet} does not drop warnings.
 *
 * <p>Compatibility: a new optional member may be added within a format version (consumers should ignore members
 * they do not know); renaming, removing or changing the meaning of one increases {@link #FORMAT_VERSION}.
 */
final class DiagnosticJson {
  static final String FORMAT = "gongkai-diagnostics";
  static final int FORMAT_VERSION = 1;

  private DiagnosticJson() {}

  /**
   * The document, pretty-printed, ending with a newline.
   *
   * @param command {@code build} or {@code validate}
   * @param ok whether the run succeeded (no errors; for build, the output was written)
   */
  static String write(String command, boolean ok, Diagnostics diags) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("name", "gongkai");
    tool.put("version", Version.get());
    root.put("tool", tool);
    root.put("command", command);
    root.put("ok", ok);
    List<Diagnostic> sorted = diags.sorted();
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("errors", diags.errorCount());
    counts.put("warnings", diags.warningCount());
    counts.put("omitted", diags.total() - sorted.size());
    root.put("counts", counts);
    List<Object> list = new ArrayList<>();
    for (Diagnostic d : sorted) list.add(diagnostic(d));
    root.put("diagnostics", list);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One diagnostic; {@code text} and {@code hint} are null when it has none, {@code line}/{@code column} when unknown.
   * A place in a workbook has no line or column (null): it has {@code sheet} and, for a cell, {@code cell}
   * ({@code D37}); text files have neither member.
   */
  static Map<String, Object> diagnostic(Diagnostic d) {
    Location at = d.location();
    boolean book = at.inWorkbook();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", d.isError() ? "error" : "warning");
    m.put("code", d.code().id());
    m.put("location", at.toString());
    m.put("path", at.path());
    m.put("line", !book && at.line() > 0 ? at.line() : null);
    m.put("column", !book && at.line() > 0 && at.column() > 0 ? at.column() : null);
    if (book) {
      m.put("sheet", at.sheet());
      if (!at.cellRef().isEmpty()) m.put("cell", at.cellRef());
    }
    m.put("message", texts(d.messageZh(), d.messageEn()));
    m.put("text", d.text().isEmpty() ? null : d.text());
    m.put("hint", d.hintZh().isBlank() && d.hintEn().isBlank() ? null : texts(d.hintZh(), d.hintEn()));
    return m;
  }

  private static Map<String, String> texts(String zh, String en) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("zh-CN", zh);
    m.put("en", en);
    return m;
  }
}
