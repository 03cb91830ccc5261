package dev.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.model.Disclosure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SearchExportTest {

  @Test
  void exportedFilesAreExactlyWhatTheManifestDescribes() throws IOException {
    for (SearchFixtures.Built site : List.of(SearchFixtures.example(), SearchFixtures.synthetic())) {
      Path search = site.out().resolve("search");
      JsonNode m = new ObjectMapper().readTree(search.resolve("manifest.json").toFile());
      assertEquals(site.docs().size(), m.get("docs").asInt());
      int shards = m.get("shards").asInt();
      assertEquals(Integer.bitCount(shards), 1, "shard count is a power of two");
      Set<String> expected = new TreeSet<>(List.of("manifest.json", "facets.dat", "index.html"));
      for (int i = 0; i < shards; i++) {
        expected.add(String.format(Locale.ROOT, "t/%x.dat", i));
        expected.add(String.format(Locale.ROOT, "p/%x.dat", i));
      }
      int block = m.get("block").asInt();
      for (int i = 0; i * block < site.docs().size(); i++) expected.add(String.format(Locale.ROOT, "d/%x.dat", i));
      for (int i = 0; i < m.get("t2sBuckets").asInt(); i++) expected.add("t2s/" + i + ".txt");
      for (int i = 0; i < m.get("fields").size(); i++) expected.add("n/" + i + ".dat");
      Set<String> actual;
      try (Stream<Path> s = Files.walk(search)) {
        actual = s.filter(Files::isRegularFile).map(p -> search.relativize(p).toString().replace('\\', '/'))
            // search/engines/: the exports for OpenSearch and Solr, not the browser's index (SearchEngineExportTest).
            .filter(p -> !p.startsWith("engines/"))
            .collect(Collectors.toCollection(TreeSet::new));
      }
      assertEquals(expected, actual, site.name());
      if (site.docs().size() > 1000) {
        assertTrue(actual.size() * 2 < site.docs().size(),
            site.name() + ": well under one file per document: " + actual.size() + " files");
      }
    }
  }

  @Test
  void fieldStatisticsInTheManifestAreLucenes() throws IOException {
    SearchFixtures.Built site = SearchFixtures.example();
    JsonNode m = new ObjectMapper().readTree(site.out().resolve("search/manifest.json").toFile());
    var searcher = new org.apache.lucene.search.IndexSearcher(site.reader());
    for (JsonNode f : m.get("fields")) {
      var cs = searcher.collectionStatistics(f.get("name").asText());
      assertEquals(cs.docCount(), f.get("docCount").asLong());
      assertEquals(cs.sumTotalTermFreq(), f.get("sumTotalTermFreq").asLong());
    }
  }

  @Test
  void withheldRecordsAreNotSearchable() throws IOException {
    SearchFixtures.Built site = SearchFixtures.example();
    var d = new dev.gongkai.diag.Diagnostics();
    var all = dev.gongkai.validate.SiteValidator.validate(
        dev.gongkai.load.InputLoader.load(new dev.gongkai.load.SourceTree(SearchFixtures.EXAMPLE), d), d).orElseThrow();
    var withheld = all.records().stream().filter(r -> r.disclosure() != Disclosure.ACTIVE).toList();
    assertTrue(withheld.size() >= 4);
    Searcher searcher = new Searcher(site.reader());
    for (var r : withheld) {
      assertTrue(site.docs().stream().noneMatch(x -> x.id().equals("r:" + r.indexNo())), r.indexNo());
      for (Searcher.Hit h : searcher.search(SearchQuery.of(r.title()), 1000).hits()) {
        assertTrue(!h.id().equals("r:" + r.indexNo()), "withheld record found: " + r.indexNo());
      }
    }
  }
}
