package dev.gongkai.export;

import dev.gongkai.model.Dataset;
import java.time.LocalDate;
import java.util.List;

/**
 * One exported table, whatever it came from (a published {@link Dataset}, the record metadata of a catalogue item,
 * or the catalogue itself): the metadata its descriptor and download page need, its columns and its rows. Cells are
 * strings exactly as the model holds them (dates {@code YYYY-MM-DD}, numbers as validated, blank = empty); the
 * writers decide how each type is encoded.
 *
 * @param id URL-safe id, the folder under {@code data/} and the file base name
 * @param itemCode the catalogue item it belongs to, or blank
 * @param agency the publishing agency
 * @param issued first publication date
 * @param modified last change
 * @param pageUrl site-relative URL of its portal page, or blank
 * @param columns in file order; {@link Dataset.Column#type()} is {@code string}, {@code integer}, {@code number} or
 *     {@code date}
 * @param enums per column (same order), the values it may take (a Table Schema {@code enum} constraint), or empty
 * @param formats per column (same order), a Table Schema {@code format} such as {@code uri}, or blank
 * @param primaryKey column names; may be empty
 */
public record DatasetTable(
    String id,
    String title,
    String description,
    String itemCode,
    String agency,
    LocalDate issued,
    LocalDate modified,
    String pageUrl,
    List<Dataset.Column> columns,
    List<List<String>> enums,
    List<String> formats,
    List<String> primaryKey,
    List<List<String>> rows) {

  public DatasetTable {
    columns = List.copyOf(columns);
    enums = enums.stream().map(List::copyOf).toList();
    formats = List.copyOf(formats);
    primaryKey = List.copyOf(primaryKey);
    rows = rows.stream().map(List::copyOf).toList();
    if (enums.size() != columns.size() || formats.size() != columns.size()) {
      throw new IllegalArgumentException("enums and formats need one entry per column");
    }
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(id + ": a row has " + row.size() + " cells for " + columns.size() + " columns");
      }
    }
  }

  /** A table whose columns carry no enums or formats. */
  public static DatasetTable of(String id, String title, String description, String itemCode, String agency,
      LocalDate issued, LocalDate modified, String pageUrl, List<Dataset.Column> columns, List<String> primaryKey,
      List<List<String>> rows) {
    List<List<String>> none = columns.stream().map(c -> List.<String>of()).toList();
    List<String> noFormats = columns.stream().map(c -> "").toList();
    return new DatasetTable(id, title, description, itemCode, agency, issued, modified, pageUrl, columns, none,
        noFormats, primaryKey, rows);
  }

  /** The column names in order. */
  public List<String> names() {
    return columns.stream().map(Dataset.Column::name).toList();
  }
}
