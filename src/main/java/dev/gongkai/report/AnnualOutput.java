package dev.gongkai.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link AnnualReport} as the command line prints it: aligned text for people, or CSV (one figure per line:
 * {@code table,row,column,value,counted,source}) and JSON for programs. Deterministic; lines end with {@code \n}.
 */
public final class AnnualOutput {
  private AnnualOutput() {}

  /** The report as text: a title, then each section with its tables and notes. */
  public static String text(AnnualReport r) {
    StringBuilder b = new StringBuilder();
    b.append(r.agency()).append(r.year()).append("年政府信息公开工作年度报告\n");
    b.append("格式 / format: ").append(r.formatSource()).append('\n');
    b.append("数据文件 / data file: ")
        .append(r.dataFile() == null ? "无 / none (" + AnnualData.pathOf(r.year()) + ")" : r.dataFile()).append('\n');
    List<String> sections = r.sections();
    for (int s = 0; s < sections.size(); s++) {
      String heading = sections.get(s);
      b.append('\n').append(heading).append('\n');
      for (String p : r.text(heading)) b.append("  ").append(p.replace("\n", "\n  ")).append('\n');
      switch (s) {
        case 1 -> table2(b, r);
        case 2 -> {
          if (r.table3() == null) b.append("  （数据文件没有表三，本节无数据 / no table 三 in the data file）\n");
          else table3(b, r.table3());
        }
        case 3 -> {
          if (r.table4() == null) b.append("  （数据文件没有表四，本节无数据 / no table 四 in the data file）\n");
          else table4(b, r.table4());
        }
        default -> {
          if (r.text(heading).isEmpty()) b.append("  （数据文件未提供本节内容 / not given in the data file）\n");
        }
      }
    }
    return b.toString();
  }

  private static void table2(StringBuilder b, AnnualReport r) {
    for (AnnualReport.Table2 t : r.table2()) {
      b.append("  ").append(t.caption()).append('\n');
      List<List<String>> rows = new ArrayList<>();
      List<String> head = new ArrayList<>();
      head.add(t.rowHeader());
      head.addAll(t.columns());
      rows.add(head);
      for (AnnualReport.Row2 row : t.rows()) {
        List<String> line = new ArrayList<>();
        line.add(row.name());
        for (AnnualReport.Cell c : row.cells()) line.add(c.hasValue() ? c.text() + (c.given() ? "*" : "") : "—");
        rows.add(line);
      }
      grid(b, rows, 1);
    }
    b.append("  * 取自数据文件 / figure given in the data file\n");
    b.append("  统计依据 / counted from:\n");
    for (AnnualReport.Basis basis : r.basis()) {
      List<String> from = new ArrayList<>();
      basis.items().forEach(l -> from.add(l.code() + " " + l.label()));
      basis.records().forEach(l -> from.add(l.code()));
      b.append("    ").append(basis.row()).append("：").append(from.isEmpty() ? "（无 / none）" : String.join("；", from))
          .append(basis.fromDataFile() ? "（" + basis.dataFileYear() + " 年数据文件指定 / chosen by the data file of "
              + basis.dataFileYear() + "）" : "").append('\n');
    }
    if (!r.notes().isEmpty()) {
      b.append("  说明 / notes:\n");
      for (AnnualReport.Note n : r.notes()) b.append("    - ").append(n.zh()).append("\n      ").append(n.en()).append('\n');
    }
  }

  /** 表三 with the figures first and the (long) row label last, so the columns stay aligned in a terminal. */
  private static void table3(StringBuilder b, AnnualReport.Table3 t) {
    List<List<String>> rows = new ArrayList<>();
    List<String> head = new ArrayList<>(t.columns());
    head.add("项目");
    rows.add(head);
    for (AnnualReport.Row3 row : t.rows()) {
      List<String> line = new ArrayList<>();
      for (int c = 0; c < t.columns().size(); c++) line.add(row.heading() ? "" : String.valueOf(row.values().get(c)));
      line.add("  ".repeat(row.level()) + row.label());
      rows.add(line);
    }
    grid(b, rows, 0);
  }

  private static void table4(StringBuilder b, AnnualReport.Table4 t) {
    List<List<String>> rows = new ArrayList<>();
    List<String> head = new ArrayList<>();
    head.add("");
    head.addAll(AnnualFormat.get().table4Columns());
    rows.add(head);
    for (AnnualReport.Group4 g : t.groups()) {
      List<String> line = new ArrayList<>();
      line.add(g.key());
      g.values().forEach(v -> line.add(String.valueOf(v)));
      rows.add(line);
    }
    grid(b, rows, 1);
  }

  /** Columns padded to their display width; the first {@code leftColumns} left-aligned, the rest right-aligned. */
  private static void grid(StringBuilder b, List<List<String>> rows, int leftColumns) {
    int n = rows.get(0).size();
    int[] w = new int[n];
    for (List<String> row : rows) for (int c = 0; c < n; c++) w[c] = Math.max(w[c], width(row.get(c)));
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < n; c++) {
        String cell = row.get(c);
        String pad = " ".repeat(w[c] - width(cell));
        boolean left = c < leftColumns || (leftColumns == 0 && c == n - 1);
        if (c > 0) line.append("  ");
        line.append(left ? cell + pad : pad + cell);
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** Display width in a terminal: East Asian wide and full-width characters count 2. */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
          || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
          || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
      w += wide ? 2 : 1;
    }
    return w;
  }

  /** One line per figure: {@code table,row,column,value,counted,source} (source: records, data-file or none). */
  public static String csv(AnnualReport r) {
    StringBuilder b = new StringBuilder();
    csvLine(b, "table", "row", "column", "value", "counted", "source");
    for (AnnualReport.Table2 t : r.table2()) {
      for (AnnualReport.Row2 row : t.rows()) {
        for (AnnualReport.Cell c : row.cells()) {
          String source = c.given() ? "data-file" : c.hasValue() ? "records" : "none";
          csvLine(b, "二", row.name(), c.column(), c.text(), c.counted() == null ? "" : c.counted().toString(), source);
        }
      }
    }
    if (r.table3() != null) {
      for (AnnualReport.Row3 row : r.table3().rows()) {
        if (row.heading()) continue;
        for (int c = 0; c < r.table3().columns().size(); c++) {
          csvLine(b, "三", row.key(), r.table3().columns().get(c), String.valueOf(row.values().get(c)), "", "data-file");
        }
      }
    }
    if (r.table4() != null) {
      List<String> cols = AnnualFormat.get().table4Columns();
      for (AnnualReport.Group4 g : r.table4().groups()) {
        for (int c = 0; c < cols.size(); c++) {
          csvLine(b, "四", g.key(), cols.get(c), String.valueOf(g.values().get(c)), "", "data-file");
        }
      }
    }
    return b.toString();
  }

  private static void csvLine(StringBuilder b, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) b.append(',');
      String f = fields[i];
      if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
        b.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        b.append(f);
      }
    }
    b.append('\n');
  }

  /** The whole report as a JSON object (figures as numbers; absent figures as null). */
  public static String json(AnnualReport r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("year", r.year());
    o.put("agency", r.agency());
    o.put("format", r.formatSource());
    o.put("dataFile", r.dataFile());
    List<Object> sections = new ArrayList<>();
    for (String s : r.sections()) sections.add(map("heading", s, "text", r.text(s)));
    o.put("sections", sections);
    List<Object> t2 = new ArrayList<>();
    for (AnnualReport.Table2 t : r.table2()) {
      List<Object> rows = new ArrayList<>();
      for (AnnualReport.Row2 row : t.rows()) {
        List<Object> cells = new ArrayList<>();
        for (AnnualReport.Cell c : row.cells()) {
          cells.add(map("column", c.column(), "value", number(c.value()), "counted", c.counted(), "given", c.given()));
        }
        rows.add(map("row", row.name(), "cells", cells));
      }
      t2.add(map("caption", t.caption(), "rows", rows));
    }
    o.put("table2", t2);
    if (r.table3() == null) {
      o.put("table3", null);
    } else {
      List<Object> rows = new ArrayList<>();
      for (AnnualReport.Row3 row : r.table3().rows()) {
        if (!row.heading()) rows.add(map("id", row.id(), "row", row.key(), "values", row.values()));
      }
      o.put("table3", map("columns", r.table3().columns(), "rows", rows));
    }
    if (r.table4() == null) {
      o.put("table4", null);
    } else {
      List<Object> groups = new ArrayList<>();
      for (AnnualReport.Group4 g : r.table4().groups()) groups.add(map("group", g.key(), "values", g.values()));
      o.put("table4", map("columns", AnnualFormat.get().table4Columns(), "groups", groups));
    }
    List<Object> basis = new ArrayList<>();
    for (AnnualReport.Basis bs : r.basis()) {
      basis.add(map("row", bs.row(), "items", bs.items().stream().map(AnnualReport.Link::code).toList(),
          "records", bs.records().stream().map(AnnualReport.Link::code).toList(), "dataFileYear", bs.dataFileYear()));
    }
    o.put("basis", basis);
    o.put("notes", r.notes().stream().map(n -> map("zh", n.zh(), "en", n.en())).toList());
    o.put("issues", r.issues().stream().map(i -> map("location", i.location().toString(), "severity", i.severity(),
        "code", i.code(), "key", i.key(), "zh", i.zh(), "en", i.en())).toList());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object number(BigDecimal v) {
    if (v == null) return null;
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() <= 0 ? (Object) s.longValueExact() : s;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
