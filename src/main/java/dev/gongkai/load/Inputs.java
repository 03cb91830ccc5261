package dev.gongkai.load;

import java.nio.file.Path;
import java.util.List;

/**
 * Every input file of a site, read and tokenised but not yet interpreted. Files that could not be read are absent
 * (their problems are already reported).
 *
 * @param siteConfig {@code catalogue/site.json}, or null when missing or unreadable
 * @param catalogue {@code catalogue/catalogue.csv}, or null
 * @param records record tables from {@code catalogue/records/} (CSV, JSON and XLSX files), sorted by path
 * @param datasets dataset pairs from {@code catalogue/datasets/}, sorted by id
 * @param content Markdown files from {@code content/} (outside {@code content/documents/}), sorted by path
 * @param documents files under {@code content/documents/} (bodies and attachments), sorted
 */
public record Inputs(
    SourceTree tree,
    SourceText siteConfig,
    Table catalogue,
    List<Table> records,
    List<DatasetSource> datasets,
    List<PageSource> content,
    List<Path> documents) {

  public Inputs {
    records = List.copyOf(records);
    datasets = List.copyOf(datasets);
    content = List.copyOf(content);
    documents = List.copyOf(documents);
  }

  /**
   * A dataset's two files; either may be null when missing (reported by validation, which knows the id).
   *
   * @param schema the {@code .schema.json} text
   * @param table the data table, from the {@code .csv} or the {@code .xlsx}
   * @param csvPath the data file's path (a {@code .csv} or an {@code .xlsx}; {@code <id>.csv} when there is none)
   */
  public record DatasetSource(String id, SourceText schema, Table table, String csvPath, String schemaPath) {}
}
