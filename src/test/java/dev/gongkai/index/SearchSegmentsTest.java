package dev.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.Catalogue;
import dev.gongkai.testing.MemorySink;
import dev.gongkai.validate.SiteValidator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The index is built without merging its segments: its doc ids must still be the documents' order, and the browser
 * export read over many segments must be byte for byte the export of one.
 */
class SearchSegmentsTest {
  static Map<String, byte[]> export(Directory dir, List<SearchDoc> docs) throws Exception {
    MemorySink out = new MemorySink();
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      SearchExport.write(r, docs, catalogue(), out);
    }
    return new TreeMap<>(out.files);
  }

  private static Catalogue catalogue() throws Exception {
    Diagnostics d = new Diagnostics();
    return SiteValidator.validate(InputLoader.load(new SourceTree(SearchFixtures.EXAMPLE), d), d).orElseThrow()
        .catalogue();
  }

  private static void assertDocIdsInOrder(DirectoryReader r, List<SearchDoc> docs) throws Exception {
    StoredFields stored = r.storedFields();
    for (int i = 0; i < docs.size(); i++) {
      assertEquals(docs.get(i).id(), stored.document(i).get(SearchFields.ID), "doc id " + i);
    }
  }

  private static void assertSameExports(Directory a, Directory b, List<SearchDoc> docs) throws Exception {
    Map<String, byte[]> x = export(a, docs);
    Map<String, byte[]> y = export(b, docs);
    assertEquals(x.keySet(), y.keySet());
    for (String p : x.keySet()) assertArrayEquals(x.get(p), y.get(p), p);
  }

  @Test
  void manySegmentsExportAsOne() throws Exception {
    List<SearchDoc> docs = SearchFixtures.example().docs();
    try (Directory one = SearchIndex.build(docs); Directory many = SearchIndex.build(docs, 7)) {
      try (DirectoryReader r = DirectoryReader.open(one)) {
        assertEquals(1, r.leaves().size(), "the example fits one segment");
      }
      try (DirectoryReader r = DirectoryReader.open(many)) {
        assertTrue(r.leaves().size() >= docs.size() / 7, "a segment per 7 documents: " + r.leaves().size());
        assertDocIdsInOrder(r, docs);
      }
      assertSameExports(one, many, docs);
    }
  }
}
