package dev.gongkai.model;

import dev.gongkai.diag.Location;
import java.time.LocalDate;
import java.util.List;

/**
 * One piece of government information (政府信息) with its standard metadata.
 *
 * @param slug URL-safe form of the index number, unique ({@code 015583216-2024-00012})
 * @param docNo 文号, blank when the document has none
 * @param markdown the body as Markdown (inline or from {@code bodyPath}); blank when the record has none
 * @param bodyPath source-relative path of the body file, or null for an inline body
 * @param interpretation index number of the 解读 record, or blank
 * @param original index number of the 原文 record, or blank
 * @param origin where the record was defined, for diagnostics
 */
public record DisclosureRecord(
    String indexNo,
    String slug,
    String title,
    String agency,
    LocalDate written,
    LocalDate published,
    String docNo,
    String subject,
    Validity validity,
    Disclosure disclosure,
    String scope,
    String itemCode,
    String markdown,
    String bodyPath,
    List<Attachment> attachments,
    String interpretation,
    String original,
    Location origin) {

  public DisclosureRecord {
    attachments = List.copyOf(attachments);
  }

  /** The folder every record's page is in: a record's URL is this, its slug and a slash. */
  public static final String URL_PREFIX = "records/";

  public String url() {
    return URL_PREFIX + slug + "/";
  }

  /**
   * Newest first, then by index number: the order of every record list. Written out rather than composed from
   * {@code Comparator.comparing}: sorts of 100,000 records call it millions of times, and the composed form's shared
   * key-extractor call sites are not inlined.
   */
  public static final java.util.Comparator<DisclosureRecord> NEWEST_FIRST = (a, b) -> {
    int c = b.published.compareTo(a.published);
    return c != 0 ? c : a.indexNo.compareTo(b.indexNo);
  };

  /** By index number (unique among the records of a site). */
  public static final java.util.Comparator<DisclosureRecord> BY_INDEX_NO = (a, b) -> a.indexNo.compareTo(b.indexNo);

  /** URL-safe slug of an index number: lower-case ASCII letters, digits and '-' only. */
  public static String slugOf(String indexNo) {
    StringBuilder b = new StringBuilder();
    for (char c : indexNo.toCharArray()) {
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-') b.append(c);
      else b.append('-');
    }
    return b.toString().toLowerCase(java.util.Locale.ROOT);
  }
}
