package dev.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index built on disk: the same files as on the heap, moved into place when saved, never left behind. */
class ScratchIndexTest {
  @TempDir Path tmp;

  private static List<String> children(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void savedByMovingTheFolderAndReadableAfterwards() throws Exception {
    List<SearchDoc> docs = SearchFixtures.example().docs();
    Path target = tmp.resolve("index");
    Files.createDirectories(target.resolve("old"));
    try (Directory heap = SearchIndex.build(docs); Directory disk = SearchIndex.build(docs, tmp)) {
      assertEquals(2, children(tmp).size(), "a scratch folder beside the old index: " + children(tmp));
      // Segment files carry random ids, so the two are compared by what is exported from them.
      Map<String, byte[]> a = SearchSegmentsTest.export(heap, docs);
      Map<String, byte[]> b = SearchSegmentsTest.export(disk, docs);
      assertEquals(a.keySet(), b.keySet());
      for (String p : a.keySet()) assertArrayEquals(a.get(p), b.get(p), p);
      try (DirectoryReader r = DirectoryReader.open(disk)) {
        SearchIndex.save(disk, target);
        assertEquals(List.of("index"), children(tmp), "moved, not copied");
        assertFalse(Files.exists(target.resolve("old")), "the old index replaced");
        // A reader opened before the move (the leak audit's) goes on reading.
        assertEquals(docs.get(docs.size() - 1).id(), r.storedFields().document(docs.size() - 1).get(SearchFields.ID));
      }
    }
    assertTrue(Files.isDirectory(target), "closing a moved index keeps it");
    try (DirectoryReader r = SearchIndex.open(target)) {
      assertEquals(docs.size(), r.numDocs());
    }
  }

  @Test
  void closedWithoutSavingLeavesNothing() throws Exception {
    try (Directory disk = SearchIndex.build(SearchFixtures.example().docs(), tmp.resolve("cache"))) {
      assertEquals(1, children(tmp.resolve("cache")).size());
    }
    assertEquals(List.of(), children(tmp.resolve("cache")));
  }

  @Test
  void savedElsewhereIsCopied() throws Exception {
    List<SearchDoc> docs = SearchFixtures.example().docs();
    Path target = tmp.resolve("other").resolve("index");
    try (Directory disk = SearchIndex.build(docs, tmp.resolve("cache"))) {
      SearchIndex.save(disk, target);
      assertEquals(1, children(tmp.resolve("cache")).size(), "the scratch folder stays until closed");
    }
    assertEquals(List.of(), children(tmp.resolve("cache")));
    try (DirectoryReader r = SearchIndex.open(target)) {
      assertEquals(docs.size(), r.numDocs());
    }
  }
}
