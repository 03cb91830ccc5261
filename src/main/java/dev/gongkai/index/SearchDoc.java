package dev.gongkai.index;

/**
 * One searchable document: a published record, a dataset (its description and every row) or a content page. Built
 * only from {@link dev.gongkai.model.PublishedSite}, so nothing withheld can be indexed.
 *
 * @param id stable id: {@code r:<index number>}, {@code d:<dataset id>}, {@code p:<url>}
 * @param kind {@code record}, {@code dataset} or {@code page}
 * @param number 文号 and 索引号 (searchable as written, e.g. 示应急〔2024〕12号)
 * @param body plain text of the body, attachment names and text, dataset rows
 * @param url site-relative URL of the page
 * @param date ISO date shown in results (发布日期 for records), or blank
 * @param year facet value, e.g. {@code 2025}, or blank when undated
 * @param domain catalogue domain slug, or blank (pages)
 * @param item catalogue item code, or blank (pages)
 * @param validity 有效 / 失效 / 废止 for records, else blank
 * @param summary the first characters of the body, shown under the title
 */
public record SearchDoc(
    String id,
    String kind,
    String title,
    String number,
    String body,
    String url,
    String date,
    String year,
    String domain,
    String item,
    String agency,
    String validity,
    String summary) {

  /**
   * Each document's facet values are one shared instance per value: the facet pass of every build goes through all
   * documents (100,000 at the scale we measure), and with shared values it compares references and reads a few
   * strings that stay in cache, instead of a string of its own in each document (a year was a new string per record).
   */
  public SearchDoc {
    kind = Canonical.of(kind);
    year = Canonical.of(year);
    domain = Canonical.of(domain);
    item = Canonical.of(item);
    agency = Canonical.of(agency);
    validity = Canonical.of(validity);
  }

  /** The shared instance of each facet value (a few hundred at most: years, agencies, catalogue codes). */
  private static final class Canonical {
    private static final java.util.Map<String, String> VALUES = new java.util.concurrent.ConcurrentHashMap<>();

    static String of(String s) {
      if (s == null) return null;
      String had = VALUES.putIfAbsent(s, s);
      return had == null ? s : had;
    }
  }
}
