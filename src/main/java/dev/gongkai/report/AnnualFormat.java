package dev.gongkai.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layout of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号): its six sections and the rows and columns of
 * 表二, 表三 and 表四, read from the bundled {@code gongkai/report/annual-2021-format.json} (see the README next to
 * it for its source and the caveat about how the row lists were sourced).
 */
public record AnnualFormat(
    String source,
    String sourcingNote,
    List<String> sections,
    List<Table2Group> table2,
    List<String> table3Columns,
    List<Table3Row> table3Rows,
    List<Table4Group> table4Groups,
    List<String> table4Columns) {

  public static final String RESOURCE = "gongkai/report/annual-2021-format.json";

  /** Row names of 表二 whose records are chosen by catalogue item (all of 表二 except 行政事业性收费). */
  public static final List<String> COUNTED_ROWS = List.of("规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制");
  /** 表二 rows with 本年制发件数 / 本年废止件数 / 现行有效件数. */
  public static final List<String> DOCUMENT_ROWS = List.of("规章", "行政规范性文件");
  public static final String FEE_ROW = "行政事业性收费";
  public static final String MADE = "本年制发件数";
  public static final String REPEALED = "本年废止件数";
  public static final String VALID = "现行有效件数";
  public static final String DECISIONS = "本年处理决定数量";

  private static final AnnualFormat INSTANCE = load();

  public AnnualFormat {
    sections = List.copyOf(sections);
    table2 = List.copyOf(table2);
    table3Columns = List.copyOf(table3Columns);
    table3Rows = List.copyOf(table3Rows);
    table4Groups = List.copyOf(table4Groups);
    table4Columns = List.copyOf(table4Columns);
  }

  /**
   * One small table of 表二 (a paragraph of 《条例》第二十条).
   *
   * @param columns the value columns (the first column of the form, 信息内容, is the row header)
   */
  public record Table2Group(String caption, String rowHeader, List<String> columns, List<String> rows) {
    public Table2Group {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
    }
  }

  /**
   * A row of 表三.
   *
   * @param id short stable id ({@code new}, {@code denied-3}…), accepted as a data-file key
   * @param key the unambiguous label used as the data-file key, e.g. {@code （三）1.属于国家秘密}
   * @param label the label as the form prints it, e.g. {@code 1.属于国家秘密}
   * @param heading a heading row without numbers (三、本年度办理结果)
   * @param sumOf ids of the rows this row is the sum of (subtotals and （七）总计); empty for detail rows
   */
  public record Table3Row(String id, String key, String label, boolean heading, List<String> sumOf) {
    public Table3Row {
      sumOf = List.copyOf(sumOf);
    }

    /** 0 for 一…四, 1 for （一）…（七）, 2 for the numbered reasons under a category. */
    public int level() {
      if (id.matches(".*-\\d+")) return 2;
      return key.startsWith("（") ? 1 : 0;
    }
  }

  /** A column group of 表四: 行政复议, or a kind of 行政诉讼 ({@code parent}). */
  public record Table4Group(String id, String label, String parent) {
    /** The group as a data-file key: {@code 行政复议}, {@code 行政诉讼/未经复议直接起诉}… */
    public String key() {
      return parent == null ? label : parent + "/" + label;
    }
  }

  /** The bundled format. */
  public static AnnualFormat get() {
    return INSTANCE;
  }

  public Optional<Table3Row> table3Row(String idOrKey) {
    return table3Rows.stream().filter(r -> r.id().equals(idOrKey) || r.key().equals(idOrKey)).findFirst();
  }

  /** The 表二 group holding {@code row}. */
  public Optional<Table2Group> table2Group(String row) {
    return table2.stream().filter(g -> g.rows().contains(row)).findFirst();
  }

  private static AnnualFormat load() {
    try (InputStream in = AnnualFormat.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      JsonNode n = new ObjectMapper().readTree(in);
      List<Table2Group> t2 = new ArrayList<>();
      for (JsonNode g : n.get("table2")) {
        List<String> cols = strings(g.get("columns"));
        t2.add(new Table2Group(g.get("caption").asText(), cols.get(0), cols.subList(1, cols.size()),
            strings(g.get("rows"))));
      }
      JsonNode t3 = n.get("table3");
      List<Table3Row> rows = new ArrayList<>();
      for (JsonNode r : t3.get("rows")) {
        rows.add(new Table3Row(r.get("id").asText(), r.get("key").asText(), r.get("label").asText(),
            r.path("heading").asBoolean(false), r.has("sum_of") ? strings(r.get("sum_of")) : List.of()));
      }
      JsonNode t4 = n.get("table4");
      List<Table4Group> groups = new ArrayList<>();
      for (JsonNode g : t4.get("groups")) {
        groups.add(new Table4Group(g.get("id").asText(), g.get("label").asText(),
            g.get("parent").isNull() ? null : g.get("parent").asText()));
      }
      return new AnnualFormat(n.get("source").asText(), n.get("sourcing_note").asText(), strings(n.get("sections")),
          t2, strings(t3.get("columns")), rows, groups, strings(t4.get("columns")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : array) out.add(s.asText());
    return out;
  }
}
