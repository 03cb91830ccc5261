package dev.gongkai.model;

import java.util.List;

/**
 * The site config from {@code catalogue/site.json}. Template variable {@code config} (as in JBake).
 *
 * @param baseUrl absolute, ends with {@code /}
 * @param regionCode 6-digit 行政区划代码
 */
public record SiteConfig(
    String title,
    String agency,
    String baseUrl,
    String regionCode,
    List<String> languages,
    Contact contact,
    Options options) {

  public SiteConfig {
    languages = List.copyOf(languages);
  }

  /** Contact details shown in the footer and the accessibility statement; blank when not given. */
  public record Contact(String address, String phone, String email, String hours) {}

  /**
   * @param encoding the charset CSV input is read in ({@code UTF-8} or {@code GB18030})
   * @param listOnRequest whether 依申请公开 records are listed (title and index number only)
   * @param indexPrefix the 前段码 new 索引号 get ({@code gongkai new record}); blank when not configured, and then taken
   *     from the existing records or the region code. The build does not use it.
   */
  public record Options(String encoding, int pageSize, boolean listOnRequest, String applyGuide, String indexPrefix) {
    /** Options without an index prefix. */
    public Options(String encoding, int pageSize, boolean listOnRequest, String applyGuide) {
      this(encoding, pageSize, listOnRequest, applyGuide, "");
    }
  }
}
