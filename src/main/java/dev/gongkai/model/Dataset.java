package dev.gongkai.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A table published as a page and (later) as open data, e.g. relief fund allocations.
 *
 * @param id lower-case ASCII file base name; the URL segment
 * @param rows cell values in column order, validated against the column types; personal-data columns are masked
 * @param charts charts declared in the schema ({@code "charts"}), checked against the columns
 */
public record Dataset(
    String id,
    String title,
    String itemCode,
    String description,
    String agency,
    LocalDate published,
    Disclosure disclosure,
    List<Column> columns,
    List<String> primaryKey,
    List<List<String>> rows,
    String csvPath,
    List<ChartSpec> charts) {

  public Dataset {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    rows = rows.stream().map(List::copyOf).toList();
    charts = List.copyOf(charts);
  }

  /** A dataset without charts. */
  public Dataset(String id, String title, String itemCode, String description, String agency, LocalDate published,
      Disclosure disclosure, List<Column> columns, List<String> primaryKey, List<List<String>> rows, String csvPath) {
    this(id, title, itemCode, description, agency, published, disclosure, columns, primaryKey, rows, csvPath,
        List.of());
  }

  /** The column named {@code name}, or null. */
  public Column column(String name) {
    for (Column c : columns) if (c.name().equals(name)) return c;
    return null;
  }

  public String url() {
    return "datasets/" + id + "/";
  }

  /**
   * A column of the table.
   *
   * @param type {@code string}, {@code integer}, {@code number} or {@code date}
   * @param unit e.g. 万元, blank when none
   * @param personal {@code id}, {@code phone}, {@code name}, {@code bankcard}, or blank
   */
  public record Column(String name, String title, String type, String unit, String description, String personal) {

    /** The header shown on pages: the title (or name) with the unit, e.g. 金额（万元）. */
    public String label() {
      String base = title.isBlank() ? name : title;
      return unit.isBlank() ? base : base + "（" + unit + "）";
    }

    public boolean numeric() {
      return type.equals("integer") || type.equals("number");
    }
  }
}
