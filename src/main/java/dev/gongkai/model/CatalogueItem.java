package dev.gongkai.model;

import java.util.List;

/**
 * A level-2 item (二级事项) of the standard catalogue with its disclosure rules.
 *
 * @param code stable code such as {@code aqsc-01-01}; URLs use it
 * @param domainSlug the code's first part ({@code aqsc}), the domain's URL segment
 */
public record CatalogueItem(
    String code,
    String domain,
    String domainSlug,
    String level1,
    String level2,
    String content,
    String basis,
    String timeLimit,
    String publisher,
    List<String> channels,
    List<String> audience,
    String mode,
    List<String> levels) {

  public CatalogueItem {
    channels = List.copyOf(channels);
    audience = List.copyOf(audience);
    levels = List.copyOf(levels);
  }

  /** The item as a path, e.g. {@code 安全生产/政策文件/法律法规}; records may name it this way. */
  public String path() {
    return domain + "/" + level1 + "/" + level2;
  }

  /** Site-relative URL of the item's first list page. */
  public String url() {
    return "catalogue/" + domainSlug + "/" + code + "/";
  }
}
