package dev.gongkai.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standard catalogue as a tree: domains (领域) → level-1 items (一级事项) → level-2 items, in file order (the
 * order of the official tables, which is also the order citizens expect).
 */
public record Catalogue(List<Domain> domains) {

  public Catalogue {
    domains = List.copyOf(domains);
  }

  /** A domain such as 安全生产 with its URL slug. */
  public record Domain(String slug, String name, List<Level1> level1s) {
    public Domain {
      level1s = List.copyOf(level1s);
    }

    public String url() {
      return "catalogue/" + slug + "/";
    }

    public List<CatalogueItem> items() {
      return level1s.stream().flatMap(l -> l.items().stream()).toList();
    }
  }

  /** A level-1 item (一级事项) grouping level-2 items. */
  public record Level1(String name, List<CatalogueItem> items) {
    public Level1 {
      items = List.copyOf(items);
    }
  }

  /** Builds the tree from items in file order. */
  public static Catalogue of(List<CatalogueItem> items) {
    Map<String, Map<String, java.util.List<CatalogueItem>>> tree = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (CatalogueItem it : items) {
      names.putIfAbsent(it.domainSlug(), it.domain());
      tree.computeIfAbsent(it.domainSlug(), k -> new LinkedHashMap<>())
          .computeIfAbsent(it.level1(), k -> new java.util.ArrayList<>())
          .add(it);
    }
    List<Domain> domains = new java.util.ArrayList<>();
    tree.forEach((slug, l1s) -> {
      List<Level1> level1s = new java.util.ArrayList<>();
      l1s.forEach((name, its) -> level1s.add(new Level1(name, its)));
      domains.add(new Domain(slug, names.get(slug), level1s));
    });
    return new Catalogue(domains);
  }

  public List<CatalogueItem> items() {
    return domains.stream().flatMap(d -> d.items().stream()).toList();
  }

  public Optional<CatalogueItem> item(String code) {
    return items().stream().filter(i -> i.code().equals(code)).findFirst();
  }

  public Optional<Domain> domain(String slug) {
    return domains.stream().filter(d -> d.slug().equals(slug)).findFirst();
  }
}
