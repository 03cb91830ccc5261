package dev.gongkai.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A catalogue's items and domains by key, looked up without walking the tree: {@link Catalogue#item} and
 * {@link Catalogue#domain} walk it, which is fine once but showed in profiles when done for each of 100,000 record
 * rows or pages. Where two entries share a key, the first in catalogue order is found, as those methods find it.
 */
public final class CatalogueIndex {
  private final Map<String, CatalogueItem> byCode = new HashMap<>();
  private final Map<String, CatalogueItem> byPath = new HashMap<>();
  private final Map<String, Catalogue.Domain> bySlug = new HashMap<>();

  private CatalogueIndex(Catalogue catalogue) {
    for (Catalogue.Domain d : catalogue.domains()) {
      bySlug.putIfAbsent(d.slug(), d);
      for (CatalogueItem i : d.items()) {
        byCode.putIfAbsent(i.code(), i);
        byPath.putIfAbsent(i.path(), i);
      }
    }
  }

  public static CatalogueIndex of(Catalogue catalogue) {
    return new CatalogueIndex(catalogue);
  }

  /** Whether the catalogue has no items (then item references cannot be checked). */
  public boolean isEmpty() {
    return byCode.isEmpty();
  }

  /** The item with this code, as {@link Catalogue#item}. */
  public Optional<CatalogueItem> item(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The item with this path ({@code 安全生产/政策文件/法律法规}, see {@link CatalogueItem#path}). */
  public Optional<CatalogueItem> itemByPath(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** The domain with this slug, as {@link Catalogue#domain}. */
  public Optional<Catalogue.Domain> domain(String slug) {
    return Optional.ofNullable(bySlug.get(slug));
  }
}
