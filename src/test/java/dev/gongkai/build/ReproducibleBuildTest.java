package dev.gongkai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.index.SearchIndex;
import dev.gongkai.testing.TreeDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clean builds of the same input are identical: every byte of the output folder, and the saved Lucene index
 * compared by a dump of what it holds (fields, terms, postings with positions, norms, stored fields), since segment
 * files carry ids and timestamps of their own. Run on a synthetic site large enough that pages render on several
 * threads and the index stage runs beside them.
 */
class ReproducibleBuildTest {
  @TempDir static Path tmp;

  @Test
  void twoCleanBuildsAreIdenticalOutputAndIndex() throws Exception {
    Path site = tmp.resolve("site");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "bench/SyntheticSite.java", "2500", site.toString(), "--seed", "7").inheritIO().start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "SyntheticSite timed out");
    assertEquals(0, p.exitValue(), "SyntheticSite failed");

    List<String> digests = new ArrayList<>();
    List<String> dumps = new ArrayList<>();
    for (String run : List.of("a", "b")) {
      Path out = tmp.resolve("public-" + run);
      Path index = tmp.resolve("index-" + run);
      BuildResult r = SiteBuild.run(new BuildRequest(site, out, index), Progress.NONE);
      assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
      digests.add(TreeDigest.of(out).toString());
      try (DirectoryReader reader = SearchIndex.open(index)) {
        dumps.add(dump(reader));
      }
    }
    assertEquals(digests.get(0), digests.get(1), "output folders differ");
    assertTrue(dumps.get(0).length() > 1_000_000, "the dump covers the index: " + dumps.get(0).length());
    assertEquals(dumps.get(0), dumps.get(1), "Lucene indexes differ");
    assertNotEquals(-1, dumps.get(0).indexOf("field title"), "the dump names the fields");

    // The comparison can fail: one changed title changes both the output and the dump.
    Path csv;
    try (var files = Files.list(site.resolve("catalogue/records"))) {
      csv = files.filter(f -> f.toString().endsWith(".csv")).sorted().findFirst().orElseThrow();
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(csv));
    String[] cells = lines.get(1).split(",", -1);
    lines.set(1, lines.get(1).replaceFirst(java.util.regex.Pattern.quote(cells[1]), "〔复现检查〕" + cells[1]));
    Files.write(csv, lines);
    Path out = tmp.resolve("public-c");
    Path index = tmp.resolve("index-c");
    assertTrue(SiteBuild.run(new BuildRequest(site, out, index), Progress.NONE).ok());
    assertNotEquals(digests.get(0), TreeDigest.of(out).toString());
    try (DirectoryReader reader = SearchIndex.open(index)) {
      String changed = dump(reader);
      assertNotEquals(dumps.get(0), changed);
      assertTrue(changed.contains("复现"), "the new title's terms are in the dump");
    }
  }

  /** Everything a search can see, in a canonical text form. */
  static String dump(DirectoryReader reader) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("maxDoc ").append(reader.maxDoc()).append(" numDocs ").append(reader.numDocs()).append('\n');
    for (LeafReaderContext ctx : reader.leaves()) {
      LeafReader leaf = ctx.reader();
      b.append("leaf base ").append(ctx.docBase).append(" maxDoc ").append(leaf.maxDoc()).append('\n');
      List<FieldInfo> fields = new ArrayList<>();
      leaf.getFieldInfos().forEach(fields::add);
      fields.sort((x, y) -> x.name.compareTo(y.name));
      for (FieldInfo fi : fields) {
        b.append("field ").append(fi.name).append(' ').append(fi.getIndexOptions()).append(" norms ")
            .append(fi.hasNorms()).append(" dv ").append(fi.getDocValuesType()).append('\n');
        Terms terms = leaf.terms(fi.name);
        if (terms != null) {
          b.append(" stats ").append(terms.size()).append(' ').append(terms.getSumDocFreq()).append(' ')
              .append(terms.getSumTotalTermFreq()).append(' ').append(terms.getDocCount()).append('\n');
          boolean positions = fi.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
          TermsEnum te = terms.iterator();
          PostingsEnum pe = null;
          for (BytesRef t = te.next(); t != null; t = te.next()) {
            b.append(' ').append(t.utf8ToString()).append(':');
            pe = te.postings(pe, positions ? PostingsEnum.POSITIONS : PostingsEnum.FREQS);
            for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
              b.append(' ').append(d).append('x').append(pe.freq());
              if (positions) for (int i = 0; i < pe.freq(); i++) b.append('@').append(pe.nextPosition());
            }
            b.append('\n');
          }
        }
        if (fi.hasNorms()) {
          NumericDocValues norms = leaf.getNormValues(fi.name);
          b.append(" norms");
          for (int d = norms.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = norms.nextDoc()) {
            b.append(' ').append(d).append('=').append(norms.longValue());
          }
          b.append('\n');
        }
      }
      StoredFields stored = leaf.storedFields();
      for (int d = 0; d < leaf.maxDoc(); d++) {
        b.append("doc ").append(d);
        stored.document(d).getFields().forEach(f -> b.append(String.format(Locale.ROOT, " %s=%s", f.name(),
            f.stringValue() != null ? f.stringValue() : String.valueOf(f.numericValue()))));
        b.append('\n');
      }
    }
    return b.toString();
  }
}
