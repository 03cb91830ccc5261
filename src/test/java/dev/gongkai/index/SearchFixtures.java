package dev.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Normalizer2;
import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.index.analysis.CharFold;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.validate.SiteValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;

/**
 * Built sites shared by the search tests (built once per JVM): the bundled example and a synthetic catalogue from
 * {@code bench/SyntheticSite.java}. Also the folding and query generation the recall and parity tests use.
 */
final class SearchFixtures {
  static final Path EXAMPLE = Path.of("").toAbsolutePath();
  /** Records in the synthetic site: enough for long posting lists and many shards, quick to build. */
  static final int SYNTHETIC_RECORDS = 1500;

  /** A built site: the output folder, its documents in index order and the Lucene index. */
  record Built(String name, Path out, List<SearchDoc> docs, DirectoryReader reader) {}

  private static final Map<String, Built> SITES = new ConcurrentHashMap<>();
  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();

  private SearchFixtures() {}

  static Built example() {
    return SITES.computeIfAbsent("example", k -> build(k, EXAMPLE));
  }

  static Built synthetic() {
    return SITES.computeIfAbsent("synthetic", k -> {
      try {
        Path dir = Files.createTempDirectory("gongkai-synthetic-");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "bench/SyntheticSite.java", String.valueOf(SYNTHETIC_RECORDS), dir.resolve("site").toString(),
            "--seed", "11").inheritIO().start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "SyntheticSite timed out");
        assertEquals(0, p.exitValue(), "SyntheticSite failed");
        return build(k, dir.resolve("site"));
      } catch (IOException | InterruptedException e) {
        throw new AssertionError(e);
      }
    });
  }

  private static Built build(String name, Path source) {
    try {
      Path tmp = Files.createTempDirectory("gongkai-search-" + name + "-");
      Path out = tmp.resolve("public");
      Path index = tmp.resolve("index");
      BuildResult r = SiteBuild.run(new BuildRequest(source, out, index), Progress.NONE);
      assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
      Diagnostics d = new Diagnostics();
      var site = SiteValidator.validate(InputLoader.load(new SourceTree(source), d), d).orElseThrow();
      List<SearchDoc> docs = SearchDocs.of(DisclosureGate.apply(site));
      DirectoryReader reader = SearchIndex.open(index);
      assertEquals(docs.size(), reader.maxDoc());
      return new Built(name, out, docs, reader);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The analyzer's character folding (nfkc_cf, then T→S and brackets), for Ctrl-F style expectations. */
  static String fold(String s) {
    return CharFold.fold(NFKC_CF.normalize(s));
  }

  /** The folded searchable text of each field of a document. */
  static List<String> fields(SearchDoc d) {
    return List.of(fold(d.title()), fold(d.number()), fold(d.body()));
  }

  /**
   * Queries a citizen might type, drawn from the documents: runs of 1–6 Han characters from titles and bodies,
   * some rewritten in Traditional characters or full-width forms. Deterministic for a seed.
   */
  static List<String> sampledQueries(List<SearchDoc> docs, int n, long seed, int minLen) {
    Random rnd = new Random(seed);
    Map<Character, Character> s2t = new java.util.HashMap<>();
    CharFold.traditionalToSimplified().forEach((t, s) -> s2t.putIfAbsent(s, t));
    Set<String> out = new LinkedHashSet<>();
    int guard = 0;
    while (out.size() < n && guard++ < n * 50) {
      SearchDoc d = docs.get(rnd.nextInt(docs.size()));
      String text = rnd.nextInt(3) == 0 ? d.title() : d.body();
      List<String> runs = new ArrayList<>();
      for (String run : text.split("[^\\p{IsHan}]+")) if (run.length() >= minLen) runs.add(run);
      if (runs.isEmpty()) continue;
      String run = runs.get(rnd.nextInt(runs.size()));
      int len = minLen + rnd.nextInt(Math.min(6, run.length()) - minLen + 1);
      int start = rnd.nextInt(run.length() - len + 1);
      String q = run.substring(start, start + len);
      if (rnd.nextInt(4) == 0) { // Traditional characters where they exist
        StringBuilder b = new StringBuilder();
        for (char c : q.toCharArray()) b.append(s2t.getOrDefault(c, c));
        q = b.toString();
      }
      out.add(q);
    }
    return List.copyOf(out);
  }
}
