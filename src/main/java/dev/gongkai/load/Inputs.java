package dev.gongkai.load;

import dev.gongkai.diag.Diagnostics;
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
 * @param recordFiles every record file, sorted by path: those read (their tables are in {@code records}) and those
 *     left unread because the loader's {@link InputLoader.Known} already knew them
 * @param context when the loader was given a {@link InputLoader.Known}: the SHA-256 of everything a record row's
 *     checks read besides its own file (see {@link InputLoader#load(SourceTree, Diagnostics, InputLoader.Known)});
 *     else empty
 */
public record Inputs(
    SourceTree tree,
    SourceText siteConfig,
    Table catalogue,
    List<Table> records,
    List<DatasetSource> datasets,
    List<PageSource> content,
    List<Path> documents,
    List<RecordFile> recordFiles,
    byte[] context) {

  public Inputs {
    records = List.copyOf(records);
    datasets = List.copyOf(datasets);
    content = List.copyOf(content);
    documents = List.copyOf(documents);
    recordFiles = List.copyOf(recordFiles);
    context = context.clone();
  }

  @Override
  public byte[] context() {
    return context.clone();
  }

  /**
   * One file of {@code catalogue/records/}.
   *
   * @param rel its source-relative path
   * @param stamp its {@link FileStamp} (null when the loader was given no {@link InputLoader.Known})
   * @param table what was read from it: null when it was left unread ({@code unread}) or could not be read
   *     (reported)
   * @param unread whether the loader left it unread because its stamp and the context were known
   * @param diagnostics what reading it reported (already added to the build's diagnostics too)
   */
  public record RecordFile(String rel, FileStamp stamp, Table table, boolean unread,
      dev.gongkai.diag.Diagnostics diagnostics) {}

  /**
   * A dataset's two files; either may be null when missing (reported by validation, which knows the id).
   *
   * @param schema the {@code .schema.json} text
   * @param table the data table, from the {@code .csv} or the {@code .xlsx}
   * @param csvPath the data file's path (a {@code .csv} or an {@code .xlsx}; {@code <id>.csv} when there is none)
   */
  public record DatasetSource(String id, SourceText schema, Table table, String csvPath, String schemaPath) {}
}
