package dev.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.testing.Example;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memo of record documents, kept between builds in the build cache's {@link SearchState}, gives the documents a
 * fresh computation gives, reusing unchanged ones.
 */
class RecordDocsTest {
  @Test
  void unchangedRecordsAreReusedAndAnEditedOneIsNot(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    PublishedSite site = Example.published();
    RecordDocs first = RecordDocs.empty();
    SearchDocs.Keyed keyed = SearchDocs.keyed(site, first);
    List<SearchDoc> fresh = keyed.docs();
    assertEquals(SearchDocs.of(site), fresh, "a memo changes nothing");
    assertEquals(0, first.reused());

    // The next build reads the sources again: equal records, other instances.
    PublishedSite again = Example.published();
    DisclosureRecord r = again.records().get(0);
    PublishedSite changed = Example.replacing(again, r, Example.withTitle(r, r.title() + "（修订）"));

    // Kept as the build cache keeps it: written to a file and read back by the next build.
    SearchState state = SearchState.of(new byte[] {1, 2}, keyed, new SearchExport.Shape(fresh.size(), 1,
        List.of(new SearchExport.FieldStats(1, 2, 3))));
    state.write(tmp.resolve("state.bin"));
    assertTrue(SearchState.read(tmp.resolve("state.bin"), new byte[] {9}).isEmpty(), "another build's state");
    SearchState read = SearchState.read(tmp.resolve("state.bin"), new byte[] {1, 2}).orElseThrow();
    assertEquals(fresh, read.docs());
    assertEquals(state.keys(), read.keys());
    assertEquals(state.shape(), read.shape());
    assertEquals(site.records().size(), read.keys().stream().filter(k -> !k.isEmpty()).count(), "records keyed");
    RecordDocs second = read.memo();
    List<SearchDoc> docs = SearchDocs.of(changed, second);
    assertEquals(SearchDocs.of(changed), docs, "same documents as without the memo");
    assertEquals(site.records().size() - 1, second.reused(), "every record but the edited one reused");
    SearchDoc doc = docs.stream().filter(x -> x.id().equals("r:" + r.indexNo())).findFirst().orElseThrow();
    assertTrue(doc.title().endsWith("（修订）"), doc.title());
    assertNotEquals(fresh, docs);
  }

  @Test
  void documentsCarriedByInstanceAreThoseOfTheSameRecords() throws IOException {
    PublishedSite site = Example.published();
    RecordDocs first = RecordDocs.empty();
    SearchDocs.Keyed made = SearchDocs.keyed(site, first);

    // The next build in the same process: most records the same instances, one edited (a new instance).
    DisclosureRecord r = site.records().get(0);
    PublishedSite changed = Example.replacing(site, r, Example.withTitle(r, r.title() + "（再改）"));

    // Nothing remembered by key: whatever is reused comes from the instances.
    RecordDocs second = RecordDocs.empty().forBuild(new dev.gongkai.render.ViewDigest(), first.carried());
    SearchDocs.Keyed again = SearchDocs.keyed(changed, second);
    SearchDocs.Keyed fresh = SearchDocs.keyed(changed, RecordDocs.empty());
    assertEquals(fresh.docs(), again.docs(), "the same documents as made afresh");
    assertEquals(fresh.keys(), again.keys(), "and the same keys");
    assertEquals(site.records().size() - 1, second.reused(), "every record but the edited one taken by instance");
    assertNotEquals(made.docs(), again.docs());

    // Another catalogue instance (read again, equal): no record is taken by instance.
    PublishedSite recatalogued = new PublishedSite(site.config(), Example.published().catalogue(), site.records(),
        site.onRequest(), site.datasets(), site.pages(), site.incidents(), site.byItem(), site.lastUpdated());
    RecordDocs third = RecordDocs.empty().forBuild(new dev.gongkai.render.ViewDigest(), first.carried());
    assertEquals(made.docs(), SearchDocs.keyed(recatalogued, third).docs());
    assertEquals(0, third.reused(), "items are other instances: digested, not taken");
  }
}
