package dev.gongkai.index;

import java.util.List;

/**
 * The searchable fields, their boosts, and the facet fields. The browser client gets the same list (in the manifest)
 * and must score with the same boosts.
 */
public final class SearchFields {
  private SearchFields() {}

  /** A searchable (analyzed) field: terms with freqs, positions and norms. */
  public record Field(String name, float boost) {}

  /**
   * Title first: a citizen who types the words of a title wants that document on top. 文号/索引号 next: typing a
   * document number means "that document". Body last. BM25 per field, summed: a document matching in its title and
   * body outranks one matching in its body only.
   */
  public static final List<Field> SEARCHED = List.of(
      new Field("title", 3f),
      new Field("number", 2f),
      new Field("body", 1f));

  /** Facet fields: indexed as exact keywords (StringField) for filtering, not scored. */
  public static final List<String> FACETS = List.of("domain", "item", "year", "agency", "validity", "kind");

  /** Stored only, for the command line's result lines. */
  public static final String ID = "id";
  public static final String URL = "url";
  public static final String TITLE_STORED = "title_s";
  public static final String DATE = "date";
}
