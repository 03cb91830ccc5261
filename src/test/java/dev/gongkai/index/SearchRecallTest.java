package dev.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Recall: for every query of two or more Han characters, every published document whose folded text contains the
 * query string is found, as Ctrl-F would find it, including queries typed in Traditional characters or full-width
 * digits. Latin letters and digits match as whole words (UAX #29), by design: {@code 1号} must not find {@code 12号};
 * so sampled queries are Han runs, and the fixed ones use whole numbers.
 */
class SearchRecallTest {

  @Test
  void everyDocumentContainingTheQueryIsFoundInTheExample() throws IOException {
    checkRecall(SearchFixtures.example(), 300, 1);
  }

  @Test
  void everyDocumentContainingTheQueryIsFoundInASyntheticCatalogue() throws IOException {
    checkRecall(SearchFixtures.synthetic(), 200, 2);
  }

  private static void checkRecall(SearchFixtures.Built site, int n, long seed) throws IOException {
    List<String> queries = new ArrayList<>(SearchFixtures.sampledQueries(site.docs(), n, seed, 2));
    queries.addAll(List.of("應急管理", "救災資金", "行政處罰決定書", "安全生产", "应急", "２０２５年度"));
    Searcher searcher = new Searcher(site.reader());
    int traditional = 0;
    for (String q : queries) {
      String folded = SearchFixtures.fold(q);
      if (!folded.equals(q)) traditional++;
      Set<String> expected = new HashSet<>();
      for (SearchDoc d : site.docs()) {
        if (SearchFixtures.fields(d).stream().anyMatch(f -> f.contains(folded))) expected.add(d.id());
      }
      Searcher.Result r = searcher.search(SearchQuery.of(q), site.docs().size());
      Set<String> found = new HashSet<>();
      r.hits().forEach(h -> found.add(h.id()));
      Set<String> missing = new HashSet<>(expected);
      missing.removeAll(found);
      assertTrue(missing.isEmpty(), () -> site.name() + ": query " + q + " misses " + missing);
      assertEquals(r.total(), found.size());
    }
    assertTrue(traditional >= queries.size() / 10, "the sample must include Traditional-character queries");
  }
}
