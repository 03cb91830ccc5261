package dev.gongkai.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHitCountCollectorManager;

/** Runs {@link SearchQuery}s against a built index: the ranking the browser client must reproduce. */
public final class Searcher {
  private final IndexSearcher searcher;

  /** A ranked hit. {@code doc} is the Lucene doc id, which is also the browser client's document number. */
  public record Hit(int doc, String id, float score, String title, String url, String date) {}

  /** @param total number of matching documents; {@code hits} the top ones, best first, ties by doc id */
  public record Result(int total, List<Hit> hits) {}

  public Searcher(IndexReader reader) {
    this.searcher = new IndexSearcher(reader);
    // The default similarity is BM25(k1=1.2, b=0.75), which the export and the client assume.
  }

  public Result search(SearchQuery query, int n) throws IOException {
    var q = query.toLucene();
    int total = searcher.search(q, new TotalHitCountCollectorManager());
    TopDocs top = searcher.search(q, Math.max(1, n));
    List<Hit> hits = new ArrayList<>();
    var stored = searcher.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc);
      hits.add(new Hit(sd.doc, d.get(SearchFields.ID), sd.score, d.get(SearchFields.TITLE_STORED),
          d.get(SearchFields.URL), d.get(SearchFields.DATE)));
    }
    return new Result(total, List.copyOf(hits));
  }
}
