package dev.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.model.Catalogue;
import dev.gongkai.write.OutputSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** A patched export must be byte for byte the full export of the new documents. */
class SearchPatchTest {
  private static final Catalogue CATALOGUE = catalogue();

  /** The files of an export, by path. */
  private static final class Files implements OutputSink {
    final Map<String, byte[]> previous;
    final Map<String, byte[]> files = new TreeMap<>();
    final List<String> written = new ArrayList<>();

    Files(Map<String, byte[]> previous) {
      this.previous = previous;
    }

    @Override
    public void write(String path, byte[] data) {
      if (files.put(path, data) != null) throw new IllegalStateException("twice: " + path);
      written.add(path);
    }

    @Override
    public void copy(String path, Path source) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void keep(String path) {
      byte[] had = previous.get(path);
      if (had == null) throw new IllegalStateException("nothing to keep at " + path);
      if (files.put(path, had) != null) throw new IllegalStateException("twice: " + path);
    }
  }

  private record Full(Map<String, byte[]> files, SearchExport.Shape shape) {}

  private static Full full(List<SearchDoc> docs) throws IOException {
    Files out = new Files(Map.of());
    try (Directory dir = SearchIndex.build(docs); DirectoryReader r = DirectoryReader.open(dir)) {
      SearchExport.Stats stats = SearchExport.write(r, docs, CATALOGUE, out);
      return new Full(out.files, stats.shape());
    }
  }

  private static Optional<SearchPatch.Result> patch(Full before, List<SearchDoc> beforeDocs, List<SearchDoc> after,
      Files out) throws IOException {
    Optional<SearchPatch.Result> r = SearchPatch.apply(beforeDocs, before.shape(), after, CATALOGUE,
        p -> before.files().get(p).clone(), out);
    if (r.isPresent()) {
      try (Directory d = r.get().changed(); DirectoryReader x = r.get().reader()) {
        // the leak audit would read it; the test only closes it
      }
    }
    return r;
  }

  private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
    assertEquals(expected.keySet(), actual.keySet(), what);
    for (String p : expected.keySet()) assertArrayEquals(expected.get(p), actual.get(p), what + ": " + p);
  }

  @Test
  void patchedEditsEqualTheFullExportStepAfterStep() throws IOException {
    List<SearchDoc> docs = SearchFixtures.synthetic().docs();
    Full current = full(docs);
    assertTrue(current.shape().shards() >= 8, "enough shards to keep most: " + current.shape().shards());
    Random random = new Random(7);
    int facetSteps = 0;
    for (int step = 0; step < 12; step++) {
      List<SearchDoc> next = new ArrayList<>(docs);
      int edits = 1 + step % 4;
      for (int e = 0; e < edits; e++) {
        int i = random.nextInt(docs.size());
        next.set(i, edit(next.get(i), docs.get(random.nextInt(docs.size())), random, step));
      }
      Files out = new Files(current.files());
      SearchPatch.Result r = patch(current, docs, next, out).orElseThrow(() -> new AssertionError("no patch"));
      Full expected = full(next);
      assertSameFiles(expected.files(), out.files, "step " + step);
      assertEquals(expected.shape(), r.shape(), "step " + step);
      assertEquals(expected.files().keySet(), r.paths(), "step " + step);
      assertEquals(r.shardsWritten(), out.written.stream().filter(p -> p.startsWith("search/t/")).count(),
          "step " + step + ": the shards of changed terms are written, the others kept");
      assertTrue(out.written.stream().filter(p -> p.startsWith("search/d/")).count() <= edits,
          "step " + step + ": only the display blocks of edited documents are written");
      boolean facetChanged = false;
      for (int i = 0; i < docs.size(); i++) facetChanged |= !docs.get(i).agency().equals(next.get(i).agency());
      assertEquals(facetChanged, out.written.contains("search/facets.dat"),
          "step " + step + ": the facets are written again only when a facet value changed");
      facetSteps += facetChanged ? 1 : 0;
      docs = next;
      current = expected;
    }
    assertTrue(facetSteps > 0 && facetSteps < 12, "both kinds of step: " + facetSteps);
  }

  @Test
  void aTitleEditRewritesOnlyTheShardsOfTheTitlesTerms() throws IOException {
    List<SearchDoc> docs = SearchFixtures.synthetic().docs();
    Full before = full(docs);
    List<SearchDoc> next = new ArrayList<>(docs);
    next.set(100, with(next.get(100), next.get(100).title() + "更正", next.get(100).body()));
    Files out = new Files(before.files());
    SearchPatch.Result r = patch(before, docs, next, out).orElseThrow();
    assertSameFiles(full(next).files(), out.files, "title edit");
    assertTrue(r.shardsWritten() > 0 && r.shardsWritten() * 2 < r.shape().shards(),
        "a title's terms touch few shards: " + r.shardsWritten() + " of " + r.shape().shards());
    assertEquals(List.of("search/d/c.dat"), out.written.stream().filter(p -> p.startsWith("search/d/")).toList());
    assertFalse(out.written.contains("search/facets.dat"), "the facets are kept");
  }

  @Test
  void theExampleSitesDocumentsPatchToo() throws IOException {
    List<SearchDoc> docs = SearchFixtures.example().docs();
    Full before = full(docs);
    List<SearchDoc> next = new ArrayList<>(docs);
    next.set(3, with(next.get(3), next.get(3).title() + "（修订）", next.get(3).body() + "\n補充說明：ＡＢＣ"));
    Files out = new Files(before.files());
    assertTrue(patch(before, docs, next, out).isPresent());
    assertSameFiles(full(next).files(), out.files, "example");
  }

  @Test
  void changesThatMoveEveryIdfOrDocIdAreLeftToTheFullExport() throws IOException {
    List<SearchDoc> docs = SearchFixtures.synthetic().docs();
    Full before = full(docs);

    List<SearchDoc> added = new ArrayList<>(docs);
    added.add(docs.get(0));
    assertNoPatch(before, docs, added, "a document added");

    List<SearchDoc> moved = new ArrayList<>(docs);
    moved.set(0, docs.get(1));
    moved.set(1, docs.get(0));
    assertNoPatch(before, docs, moved, "two documents swapped");

    // A record that gains a 文号 where it had none changes the field's document count, so every idf of it.
    int blank = -1;
    for (int i = 0; i < docs.size() && blank < 0; i++) if (docs.get(i).number().isBlank()) blank = i;
    if (blank < 0) {
      for (int i = 0; i < docs.size() && blank < 0; i++) if (docs.get(i).title().isBlank()) blank = i;
    }
    List<SearchDoc> gained = new ArrayList<>(docs);
    SearchDoc g = docs.get(Math.max(0, blank));
    gained.set(Math.max(0, blank), blank < 0
        ? new SearchDoc(g.id(), g.kind(), g.title(), "", g.body(), g.url(), g.date(), g.year(), g.domain(),
            g.item(), g.agency(), g.validity(), g.summary())
        : new SearchDoc(g.id(), g.kind(), g.title().isBlank() ? "新标题" : g.title(),
            g.number().isBlank() ? "示应急〔2026〕99号" : g.number(), g.body(), g.url(), g.date(), g.year(), g.domain(),
            g.item(), g.agency(), g.validity(), g.summary()));
    assertNoPatch(before, docs, gained, "a field's document count changed");

    List<SearchDoc> many = new ArrayList<>(docs);
    Random random = new Random(3);
    for (int i = 0; i < docs.size(); i += 10) many.set(i, edit(docs.get(i), docs.get(i + 1), random, i));
    assertNoPatch(before, docs, many, "a tenth of the documents changed");
  }

  private static void assertNoPatch(Full before, List<SearchDoc> docs, List<SearchDoc> after, String what)
      throws IOException {
    Files out = new Files(before.files());
    assertTrue(patch(before, docs, after, out).isEmpty(), what);
    assertTrue(out.files.isEmpty(), what + ": nothing written");
  }

  /** {@code d} with another title and body. */
  private static SearchDoc with(SearchDoc d, String title, String body) {
    return new SearchDoc(d.id(), d.kind(), title, d.number(), body, d.url(), d.date(), d.year(), d.domain(),
        d.item(), d.agency(), d.validity(), d.summary());
  }

  /** An edit that keeps every non-blank field non-blank: words from another document, in title and body. */
  private static SearchDoc edit(SearchDoc d, SearchDoc other, Random random, int step) {
    String title = d.title();
    String body = d.body();
    String agency = d.agency();
    switch (random.nextInt(5)) {
      case 4 -> agency = agency + "（机构改革后）"; // a facet value: the facets are written again
      case 0 -> title = title + " " + other.title();
      case 1 -> body = other.body().isBlank() ? body + "补充" : other.body();
      case 2 -> {
        title = "修订" + step + "：" + title;
        body = body.isBlank() ? body : body.substring(0, body.length() / 2);
      }
      default -> body = body + "\n第" + step + "次更正：相关內容以本通知為準。";
    }
    String summary = body.isBlank() ? d.summary() : body.substring(0, Math.min(body.length(), 40));
    return new SearchDoc(d.id(), d.kind(), title, d.number(), body, d.url(), d.date(), d.year(), d.domain(),
        d.item(), agency, d.validity(), summary);
  }

  private static Catalogue catalogue() {
    try {
      return loadCatalogue();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Catalogue loadCatalogue() throws IOException {
    var d = new dev.gongkai.diag.Diagnostics();
    var site = dev.gongkai.validate.SiteValidator.validate(
        dev.gongkai.load.InputLoader.load(new dev.gongkai.load.SourceTree(SearchFixtures.EXAMPLE), d), d)
        .orElseThrow();
    return site.catalogue();
  }
}
