package dev.gongkai.export;

import java.time.LocalDate;
import java.util.List;

/**
 * A published dataset as the catalogue-level exports (DCAT, data.json, sitemap, checksums) see it: metadata and its
 * downloadable files. Produced by {@link DatasetExports} for every dataset, every catalogue item's record metadata
 * and the catalogue itself.
 *
 * @param id URL-safe id, the folder under {@code data/}
 * @param itemCode the catalogue item it belongs to, or blank (the catalogue dataset)
 * @param pageUrl site-relative URL of its portal page (e.g. {@code datasets/relief-funds/}), or blank
 * @param distributions its files in display order
 */
public record DatasetInfo(
    String id,
    String title,
    String description,
    String itemCode,
    String agency,
    LocalDate issued,
    LocalDate modified,
    String pageUrl,
    List<Distribution> distributions) {

  public DatasetInfo {
    distributions = List.copyOf(distributions);
  }

  /**
   * One file of a dataset.
   *
   * @param format e.g. {@code CSV}, {@code XLSX}, {@code JSON}, {@code NDJSON}, {@code Data Package}
   * @param path site-relative path
   * @param sha256 lower-case hex digest of the file
   */
  public record Distribution(String format, String path, String mediaType, long size, String sha256) {}
}
