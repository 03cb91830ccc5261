package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Incremental dataset exports on the bundled example: a dataset whose inputs and files are unchanged keeps its files,
 * everything else is exported again, and the result always describes what a clean export writes.
 */
class DatasetMemoTest {
  private static final PublishedSite SITE = DisclosureGate.apply(DatasetExportsTest.exampleSite());
  private static final Provenance P = DatasetExportsTest.PROVENANCE;
  private static final Predicate<DatasetInfo.Distribution> ALL_THERE = d -> true;

  @Test
  void aCleanExportWithAMemoIsTheCleanExportAndRemembersEveryDataset() {
    DatasetExports.Result clean = DatasetExports.build(SITE, P);
    DatasetExports.Result first = DatasetExports.build(SITE, P, DatasetMemo.EMPTY, ALL_THERE);
    assertSame(clean, first);
    assertEquals(List.of(), first.kept());
    assertEquals(ids(clean), first.memo().datasets().keySet());
    assertEquals(DatasetMemo.EMPTY, DatasetExports.build(SITE, P).memo(), "no memo without one to start from");
  }

  @Test
  void anUnchangedSiteKeepsEveryFileAndDescribesThemAsBefore() {
    DatasetExports.Result first = DatasetExports.build(SITE, P, DatasetMemo.EMPTY, ALL_THERE);
    DatasetExports.Result again = DatasetExports.build(SITE, P, first.memo(), ALL_THERE);
    assertEquals(List.of(), again.files());
    assertEquals(first.datasets(), again.datasets());
    assertEquals(first.downloads(), again.downloads());
    assertEquals(first.files().stream().map(ExportFile::path).toList(),
        again.kept().stream().map(DatasetInfo.Distribution::path).toList());
    for (int i = 0; i < again.kept().size(); i++) {
      assertEquals(DatasetExports.sha256(first.files().get(i).data()), again.kept().get(i).sha256());
    }
    assertEquals(first.memo().datasets().keySet(), again.memo().datasets().keySet());
  }

  @Test
  void anEditedRecordExportsOnlyItsItemsDatasetAgain() {
    DatasetExports.Result first = DatasetExports.build(SITE, P, DatasetMemo.EMPTY, ALL_THERE);
    DisclosureRecord target = SITE.records().get(SITE.records().size() / 2);
    PublishedSite edited = retitled(SITE, target, target.title() + "（修订）");
    DatasetExports.Result after = DatasetExports.build(edited, P, first.memo(), ALL_THERE);

    String id = DatasetExports.RECORDS_PREFIX + target.itemCode();
    assertEquals(Set.of("data/" + id + "/"), after.files().stream()
        .map(f -> f.path().substring(0, f.path().lastIndexOf('/') + 1)).collect(Collectors.toSet()));
    assertSame(DatasetExports.build(edited, P), withKeptBytes(after, first));
  }

  @Test
  void tablesMadeFromTheSameInstancesAreTakenAgainAndTheExportIsTheSame() {
    // As serve does: one table memo across builds. An unchanged site takes every table but the catalogue's (made
    // fresh each time, and small); an edited record's item has its table made again; the results are a clean
    // build's throughout, memo keys included.
    TableMemo tables = new TableMemo();
    DatasetExports.Result first = DatasetExports.build(SITE, P, DatasetMemo.EMPTY, ALL_THERE, tables);
    assertSame(DatasetExports.build(SITE, P), first);
    assertSameMemo(DatasetExports.build(SITE, P, DatasetMemo.EMPTY, ALL_THERE).memo(), first.memo());
    assertEquals(0, tables.kept());
    int all = first.datasets().size();

    DatasetExports.Result again = DatasetExports.build(SITE, P, first.memo(), ALL_THERE, tables);
    assertEquals(all - 1, tables.kept(), "every table but the catalogue's");
    assertEquals(List.of(), again.files());
    assertSameMemo(DatasetExports.build(SITE, P, first.memo(), ALL_THERE).memo(), again.memo());

    DisclosureRecord target = SITE.records().get(SITE.records().size() / 2);
    PublishedSite edited = retitled(SITE, target, target.title() + "（修订）");
    DatasetExports.Result after = DatasetExports.build(edited, P, again.memo(), ALL_THERE, tables);
    assertEquals(2 * (all - 1) - 1, tables.kept(), "all but the catalogue's and the edited item's");
    String id = DatasetExports.RECORDS_PREFIX + target.itemCode();
    assertEquals(Set.of("data/" + id + "/"), after.files().stream()
        .map(f -> f.path().substring(0, f.path().lastIndexOf('/') + 1)).collect(Collectors.toSet()));
    assertSame(DatasetExports.build(edited, P), withKeptBytes(after, first));
    assertSameMemo(DatasetExports.build(edited, P, again.memo(), ALL_THERE).memo(), after.memo());
  }

  private static void assertSameMemo(DatasetMemo expected, DatasetMemo actual) {
    assertEquals(expected.datasets().keySet(), actual.datasets().keySet());
    expected.datasets().forEach((id, e) -> {
      assertTrue(actual.datasets().get(id).isFor(e.key()), id);
      assertEquals(e.files(), actual.datasets().get(id).files(), id);
    });
  }

  @Test
  void aFileNoLongerInTheOutputOrANewProvenanceExportsAgain() {
    DatasetExports.Result first = DatasetExports.build(SITE, P, DatasetMemo.EMPTY, ALL_THERE);
    String gone = "data/catalogue/catalogue.xlsx";
    DatasetExports.Result after = DatasetExports.build(SITE, P, first.memo(), d -> !d.path().equals(gone));
    assertEquals(Set.of("data/catalogue/"), after.files().stream()
        .map(f -> f.path().substring(0, f.path().lastIndexOf('/') + 1)).collect(Collectors.toSet()));

    Provenance later = new Provenance(P.generator(), P.commit(), Instant.parse("2026-03-01T00:00:00Z"));
    DatasetExports.Result moved = DatasetExports.build(SITE, later, first.memo(), ALL_THERE);
    assertEquals(List.of(), moved.kept(), "the XLSX and descriptors carry the provenance");
    assertSame(DatasetExports.build(SITE, later), moved);
  }

  @Test
  void theMemoReadsBackAsWritten() throws Exception {
    DatasetMemo memo = DatasetExports.build(SITE, P, DatasetMemo.EMPTY, ALL_THERE).memo();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    memo.writeTo(new DataOutputStream(bytes));
    DatasetMemo back = DatasetMemo.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertEquals(memo.datasets().keySet(), back.datasets().keySet());
    memo.datasets().forEach((id, e) -> {
      assertArrayEquals(e.key(), back.datasets().get(id).key(), id);
      assertEquals(e.files(), back.datasets().get(id).files(), id);
    });
    byte[] other = bytes.toByteArray();
    other[3] = 99; // another format: nothing is trusted
    assertEquals(DatasetMemo.EMPTY, DatasetMemo.readFrom(new DataInputStream(new ByteArrayInputStream(other))));
  }

  /** Same files (bytes), datasets and downloads. */
  private static void assertSame(DatasetExports.Result expected, DatasetExports.Result actual) {
    assertEquals(expected.datasets(), actual.datasets());
    assertEquals(expected.downloads(), actual.downloads());
    assertEquals(expected.files().size(), actual.files().size());
    for (int i = 0; i < expected.files().size(); i++) {
      assertEquals(expected.files().get(i).path(), actual.files().get(i).path());
      assertArrayEquals(expected.files().get(i).data(), actual.files().get(i).data(), expected.files().get(i).path());
    }
  }

  /** {@code r} with its kept files' bytes taken from {@code before}, in the clean export's order. */
  private static DatasetExports.Result withKeptBytes(DatasetExports.Result r, DatasetExports.Result before) {
    Map<String, ExportFile> all = new HashMap<>();
    before.files().forEach(f -> all.put(f.path(), f));
    r.files().forEach(f -> all.put(f.path(), f));
    List<ExportFile> files = new ArrayList<>();
    for (DatasetInfo ds : r.datasets()) {
      for (DatasetInfo.Distribution d : ds.distributions()) files.add(all.get(d.path()));
    }
    assertTrue(files.stream().allMatch(f -> f != null));
    return new DatasetExports.Result(r.datasets(), files, List.of(), r.downloads(), r.memo());
  }

  private static Set<String> ids(DatasetExports.Result r) {
    return r.datasets().stream().map(DatasetInfo::id).collect(Collectors.toCollection(TreeSet::new));
  }

  private static PublishedSite retitled(PublishedSite s, DisclosureRecord r, String title) {
    DisclosureRecord n = new DisclosureRecord(r.indexNo(), r.slug(), title, r.agency(), r.written(), r.published(),
        r.docNo(), r.subject(), r.validity(), r.disclosure(), r.scope(), r.itemCode(), r.markdown(), r.bodyPath(),
        r.attachments(), r.interpretation(), r.original(), r.origin());
    Map<String, List<DisclosureRecord>> byItem = new HashMap<>();
    s.byItem().forEach((k, v) -> byItem.put(k, v.stream().map(x -> x == r ? n : x).toList()));
    return new PublishedSite(s.config(), s.catalogue(), s.records().stream().map(x -> x == r ? n : x).toList(),
        s.onRequest(), s.datasets(), s.pages(), s.incidents(), byItem, s.lastUpdated());
  }
}
