package dev.gongkai.index;

import dev.gongkai.index.analysis.QueryAnalysis;
import dev.gongkai.index.analysis.SearchAnalyzer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The query semantics shared with the browser client: every whitespace-separated part must match (MUST); a part
 * matches a document when any searched field contains it (SHOULD over fields, scores summed, each field with its
 * boost): a run of Han characters as all of its bigrams ({@link QueryAnalysis#isBigramRun}), anything else as an
 * exact phrase, one term as that term. Facet filters restrict without scoring (FILTER).
 *
 * @param text what the user typed
 * @param filters facet name → exact value ({@link SearchFields#FACETS}); sorted
 */
public record SearchQuery(String text, Map<String, String> filters) {
  private static final SearchAnalyzer ANALYZER = new SearchAnalyzer();

  public SearchQuery {
    filters = new TreeMap<>(filters);
    for (String f : filters.keySet()) {
      if (!SearchFields.FACETS.contains(f)) throw new IllegalArgumentException("unknown facet: " + f);
    }
  }

  public static SearchQuery of(String text) {
    return new SearchQuery(text, Map.of());
  }

  /** The analyzed parts (what the browser client must compute from the same text). */
  public List<List<QueryAnalysis.Term>> parts() {
    return QueryAnalysis.parts(ANALYZER, text);
  }

  /** The Lucene query; matches nothing when the text has no searchable characters. */
  public Query toLucene() {
    List<List<QueryAnalysis.Term>> parts = parts();
    if (parts.isEmpty()) return new MatchNoDocsQuery("no terms");
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (List<QueryAnalysis.Term> part : parts) {
      BooleanQuery.Builder anyField = new BooleanQuery.Builder();
      for (SearchFields.Field f : SearchFields.SEARCHED) {
        Query q = fieldQuery(f.name(), part);
        anyField.add(f.boost() == 1f ? q : new BoostQuery(q, f.boost()), BooleanClause.Occur.SHOULD);
      }
      all.add(anyField.build(), BooleanClause.Occur.MUST);
    }
    filters.forEach((f, v) -> all.add(new TermQuery(new Term(f, v)), BooleanClause.Occur.FILTER));
    return all.build();
  }

  private static Query fieldQuery(String field, List<QueryAnalysis.Term> part) {
    if (part.size() == 1) return new TermQuery(new Term(field, part.get(0).text()));
    if (QueryAnalysis.isBigramRun(part)) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (QueryAnalysis.Term t : part) all.add(new TermQuery(new Term(field, t.text())), BooleanClause.Occur.MUST);
      return all.build();
    }
    PhraseQuery.Builder b = new PhraseQuery.Builder();
    for (QueryAnalysis.Term t : part) b.add(new Term(field, t.text()), t.position());
    return b.build();
  }
}
