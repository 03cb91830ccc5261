package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.index.SearchDoc;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A patched search-engine export must be byte for byte the full export of the new documents. */
class SearchEnginePatchTest {
  private static final String BASE = "https://x.example/";
  /** Small parts, so that a few hundred documents make many of them. */
  private static final long PART = 6 * 1024;
  private static final String WORDS = "应急管理安全生产防汛抗旱森林防火救灾物资储备值班值守预案演练隐患排查整改通知公告关于做好工作的";

  private static String text(Random r, int chars) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < chars; i++) b.append(WORDS.charAt(r.nextInt(WORDS.length())));
    return b.toString();
  }

  private static SearchDoc doc(Random r, int i) {
    return new SearchDoc(String.format("r:015583216/2024-%05d", (i * 7919) % 100000), "record", text(r, 8 + r.nextInt(20)),
        "示应急〔2024〕" + i + "号", text(r, 50 + r.nextInt(400)), "records/" + i + "/", "2024-03-05", "2024", "aqsc",
        "aqsc-01-01", "示例县应急管理局", "有效", text(r, 30));
  }

  private static List<SearchDoc> docs(Random r, int n) {
    List<SearchDoc> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) docs.add(doc(r, i));
    return docs;
  }

  private static Map<String, byte[]> files(List<ExportFile> files) {
    Map<String, byte[]> m = new TreeMap<>();
    for (ExportFile f : files) m.put(f.path(), f.data());
    return m;
  }

  @Test
  void patchedEditsEqualTheFullExportStepAfterStep() throws IOException {
    Random r = new Random(11);
    List<SearchDoc> docs = docs(r, 400);
    SearchEngineExport.Built built = SearchEngineExport.buildWithLayout(docs, BASE, PART);
    assertTrue(built.layout().bulk().size() > 20, "many parts: " + built.layout().bulk().size());
    Map<String, byte[]> current = files(built.files());
    SearchEnginePatch.Layout layout = built.layout();
    int keptSome = 0;
    for (int step = 0; step < 15; step++) {
      List<SearchDoc> next = new ArrayList<>(docs);
      for (int e = 0; e <= step % 3; e++) {
        int i = r.nextInt(docs.size());
        SearchDoc d = next.get(i);
        // Longer, shorter or the same length: parts after it shift, or not.
        String body = switch (step % 3) {
          case 0 -> d.body() + text(r, 300);
          case 1 -> d.body().substring(0, d.body().length() / 3);
          default -> text(r, d.body().length());
        };
        next.set(i, new SearchDoc(d.id(), d.kind(), d.title(), d.number(), body, d.url(), d.date(), d.year(),
            d.domain(), d.item(), d.agency(), d.validity(), d.summary()));
      }
      Map<String, byte[]> previous = current;
      SearchEnginePatch.Result p = SearchEnginePatch.apply(docs, layout, next, BASE, PART, previous::get)
          .orElseThrow(() -> new AssertionError("no patch"));
      SearchEngineExport.Built full = SearchEngineExport.buildWithLayout(next, BASE, PART);
      Map<String, byte[]> patched = files(p.files());
      p.kept().forEach((path, sha) -> {
        assertEquals(sha, Checksums.sha256(previous.get(path)), path);
        patched.put(path, previous.get(path));
      });
      Map<String, byte[]> expected = files(full.files());
      assertEquals(expected.keySet(), patched.keySet(), "step " + step);
      for (String path : expected.keySet()) assertArrayEquals(expected.get(path), patched.get(path), path);
      assertArrayEquals(full.layout().bulkSizes(), p.layout().bulkSizes());
      assertArrayEquals(full.layout().solrSizes(), p.layout().solrSizes());
      assertEquals(full.layout().bulk(), p.layout().bulk());
      assertEquals(full.layout().solr(), p.layout().solr());
      assertArrayEquals(full.layout().order(), p.layout().order(), "the id order carried over is the documents'");
      if (!p.kept().isEmpty()) keptSome++;
      docs = next;
      current = expected;
      layout = roundTrip(p.layout()); // as the build cache keeps it between builds
    }
    assertTrue(keptSome >= 10, "parts before an edit are kept: " + keptSome);
  }

  private static SearchEnginePatch.Layout roundTrip(SearchEnginePatch.Layout layout) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    layout.writeTo(new java.io.DataOutputStream(bytes));
    SearchEnginePatch.Layout read = SearchEnginePatch.Layout.readFrom(
        new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
    assertArrayEquals(layout.order(), read.order());
    assertArrayEquals(layout.bulkSizes(), read.bulkSizes());
    assertEquals(layout.bulk(), read.bulk());
    return read;
  }

  @Test
  void otherChangesAreLeftToTheFullExport() throws IOException {
    Random r = new Random(5);
    List<SearchDoc> docs = docs(r, 100);
    SearchEngineExport.Built built = SearchEngineExport.buildWithLayout(docs, BASE, PART);
    Map<String, byte[]> files = files(built.files());
    List<SearchDoc> added = new ArrayList<>(docs);
    added.add(doc(r, 100));
    assertEquals(Optional.empty(), SearchEnginePatch.apply(docs, built.layout(), added, BASE, PART, files::get));
    assertEquals(Optional.empty(),
        SearchEnginePatch.apply(docs, built.layout(), docs, "https://y.example/", PART, files::get));
    assertEquals(Optional.empty(), SearchEnginePatch.apply(docs, built.layout(), docs, BASE, PART * 2, files::get));
    List<SearchDoc> many = new ArrayList<>(docs);
    for (int i = 0; i < 40; i++) many.set(i, doc(r, i));
    assertEquals(Optional.empty(), SearchEnginePatch.apply(docs, built.layout(), many, BASE, PART, files::get));
    // Nothing changed: every part kept, nothing but the static files and the manifest written.
    SearchEnginePatch.Result same = SearchEnginePatch.apply(docs, built.layout(), docs, BASE, PART, files::get).get();
    assertEquals(built.layout().bulk().size() + built.layout().solr().size(), same.kept().size());
  }
}
