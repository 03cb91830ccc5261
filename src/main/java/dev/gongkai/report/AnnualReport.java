package dev.gongkai.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One year's 政府信息公开工作年度报告 in the format of 国办公开办函〔2021〕30号, as far as the site can fill it in:
 * 表二 (主动公开政府信息情况) counted from the published records, 表三 and 表四 from the year's data file
 * ({@code catalogue/annual-report/<year>.json}), and the text of the sections the data file writes about. Made by
 * {@link AnnualSource#report}; printed by {@link AnnualOutput} and rendered by {@code site-templates/report.html}.
 *
 * <h2>How 表二 is counted</h2>
 *
 * Only published (主动公开) records count. Which records belong to a row is decided by catalogue item: by default
 * the items whose 二级事项 is named as in {@link AnnualSource#DEFAULT_ITEMS} (部门和地方规章 → 规章, 其他政策文件 →
 * 行政规范性文件, 行政许可, 行政处罚, 行政强制); the data file's {@code categories} replace a row's items, and may
 * also name single records by 索引号. A choice holds for later years until a later data file sets the row again.
 * For year Y:
 *
 * <ul>
 *   <li>本年制发件数: records whose 成文日期 is in Y.
 *   <li>本年废止件数: records whose 有效性 is 废止 or 失效 and that stopped being in force in Y. Records carry no
 *       repeal date, so the year is taken from the {@code repealed} list of a data file (a record listed in
 *       {@code <Y>.json} ended in Y); a 废止/失效 record no data file lists is assumed to have ended in the year of its
 *       发布日期, and the report names every record counted on that assumption.
 *   <li>现行有效件数: records with 成文日期 on or before 31 December Y that were in force at the end of Y: 有效性
 *       有效, or 废止/失效 in a later year than Y.
 *   <li>本年处理决定数量 (行政许可, 行政处罚, 行政强制): records whose 成文日期 is in Y. A record is not always one
 *       decision (a 公示 may list several), so the data file's {@code table2} may give the figure the agency kept;
 *       the report then shows that figure and says how many records the site has.
 *   <li>本年收费金额 (行政事业性收费): only from the data file.
 * </ul>
 *
 * Cross-year check: 现行有效(Y) must equal 现行有效(Y−1) + 制发(Y) − 废止(Y). Counted from the same records it holds
 * by construction; it fails when figures given in a data file, or different {@code categories} in the two years,
 * break it, and the report then warns with both numbers. Y−1 is counted with its own data file's categories, or
 * Y's when it has none.
 *
 * @param dataFile the data file's path relative to the site source, or null when the year has none
 * @param texts section heading → paragraphs, for sections the data file writes about
 * @param table3 null when the data file has no 表三
 * @param table4 null when the data file has no 表四
 * @param basis which items and records each counted 表二 row was counted from
 * @param notes how figures were arrived at, where the reader should know (given figures, assumed repeal years)
 * @param issues errors (the data file breaks a rule) and warnings (cross-year checks), sorted
 */
public record AnnualReport(
    int year,
    String agency,
    String formatSource,
    String dataFile,
    List<String> sections,
    Map<String, List<String>> texts,
    List<Table2> table2,
    Table3 table3,
    Table4 table4,
    List<Basis> basis,
    List<Note> notes,
    List<AnnualIssue> issues) {

  public AnnualReport {
    sections = List.copyOf(sections);
    table2 = List.copyOf(table2);
    basis = List.copyOf(basis);
    notes = List.copyOf(notes);
    issues = List.copyOf(issues);
  }

  /** Site-relative URL of the year's portal page. */
  public static String url(int year) {
    return "reports/annual-" + year + "/";
  }

  public String url() {
    return url(year);
  }

  public boolean hasErrors() {
    return issues.stream().anyMatch(AnnualIssue::error);
  }

  public List<AnnualIssue> errors() {
    return issues.stream().filter(AnnualIssue::error).toList();
  }

  public List<AnnualIssue> warnings() {
    return issues.stream().filter(i -> !i.error()).toList();
  }

  /** The text of a section ({@code 一、总体情况}…), empty when the data file gives none. */
  public List<String> text(String section) {
    return texts.getOrDefault(section, List.of());
  }

  /** The 表二 cell of {@code row} and {@code column}. */
  public Optional<Cell> cell(String row, String column) {
    return table2.stream().flatMap(t -> t.rows().stream()).filter(r -> r.name().equals(row))
        .flatMap(r -> r.cells().stream()).filter(c -> c.column().equals(column)).findFirst();
  }

  /** A text in both languages. */
  public record Note(String zh, String en) {}

  /** One small table of 表二, with its caption (the paragraph of 《条例》第二十条). */
  public record Table2(String caption, String rowHeader, List<String> columns, List<Row2> rows) {}

  public record Row2(String name, List<Cell> cells) {}

  /**
   * A 表二 cell.
   *
   * @param value the figure reported, null when there is none (a fee the data file does not give)
   * @param counted what the published records count, null for figures that are not counted (fees)
   * @param given whether {@code value} was given by the data file
   */
  public record Cell(String column, BigDecimal value, Long counted, boolean given) {
    /** The figure as printed: plain digits ({@code 25}, {@code 1.5}), empty when there is none. */
    public String text() {
      return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    public boolean hasValue() {
      return value != null;
    }
  }

  /**
   * 表三 with its header rows laid out for an accessible HTML table.
   *
   * @param columns the 7 value columns (自然人, 5 kinds of 法人或其他组织, 总计)
   * @param header header rows of the HTML table, the first cell being the row-header column's
   */
  public record Table3(List<String> columns, List<List<Header>> header, List<Row3> rows) {
    public Optional<Row3> row(String id) {
      return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }
  }

  /**
   * A row of 表三.
   *
   * @param key the unambiguous label ({@code （三）1.属于国家秘密}), used by CSV/JSON output
   * @param label the label as the form prints it
   * @param level 0 for 一…四, 1 for （一）…（七）, 2 for numbered reasons
   * @param cells empty for the heading row 三、本年度办理结果
   */
  public record Row3(String id, String key, String label, int level, boolean heading, String headerId,
      List<DataCell> cells) {
    public List<Long> values() {
      return cells.stream().map(DataCell::value).toList();
    }
  }

  /** 表四: header rows and the single row of 15 figures. */
  public record Table4(List<List<Header>> header, List<Group4> groups, List<DataCell> cells) {}

  /** A column group of 表四 with its 5 figures (结果维持, 结果纠正, 其他结果, 尚未审结, 总计). */
  public record Group4(String key, List<Long> values) {}

  /**
   * A header cell of an HTML table.
   *
   * @param scope {@code col}, {@code colgroup}, or empty for the corner cell
   */
  public record Header(String id, String label, int colspan, int rowspan, String scope) {}

  /** A figure with the ids of the header cells that describe it (the {@code headers} attribute). */
  public record DataCell(long value, String headers) {}

  /**
   * What a counted 表二 row was counted from.
   *
   * @param dataFileYear the year of the data file whose {@code categories} chose them (this year's, or the latest
   *     earlier one that sets the row), or null when the default item names did
   */
  public record Basis(String row, List<Link> items, List<Link> records, Integer dataFileYear) {
    public boolean fromDataFile() {
      return dataFileYear != null;
    }
  }

  /** A link to a catalogue item or record page (site-relative URL). */
  public record Link(String code, String label, String url) {}
}
