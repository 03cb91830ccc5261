package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * serve's sitemap memo keeps the last build's files only when the sitemaps would be byte for byte the same; each
 * case where they would not is made anew and compared with {@link SitemapExport}'s output.
 */
class SitemapMemoTest {
  private static final int MAX = 7; // several sitemap files for the example's pages

  /** The pages of the example's records, plus a few others and non-page files. */
  private static List<String> written(PublishedSite s) {
    List<String> w = new ArrayList<>(List.of("index.html", "about/index.html", "search/index.html", "search/t/1.dat",
        "data/catalog.jsonld", "404.html"));
    for (DisclosureRecord r : s.records()) w.add(r.url() + "index.html");
    return w;
  }

  /** The output a build committed with these files: path → SHA-256. */
  private static Map<String, byte[]> output(List<String> written, SitemapMemo.Result sitemaps) {
    Map<String, byte[]> m = new HashMap<>();
    for (String p : written) m.put(p, new byte[32]);
    sitemaps.sha256().forEach((p, hex) -> m.put(p, HexFormat.of().parseHex(hex)));
    return m;
  }

  private static void assertMadeAsTheExportMakesThem(PublishedSite s, List<String> written, SitemapMemo.Result r) {
    assertFalse(r.kept(), "made anew");
    List<ExportFile> expected = SitemapExport.build(s, written, MAX);
    assertEquals(expected.size(), r.files().size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).path(), r.files().get(i).path());
      assertArrayEquals(expected.get(i).data(), r.files().get(i).data(), expected.get(i).path());
      assertEquals(Checksums.sha256(expected.get(i).data()), r.sha256().get(expected.get(i).path()));
    }
    assertEquals(expected.size(), r.sha256().size());
  }

  private static PublishedSite withRecords(PublishedSite s, List<DisclosureRecord> records) {
    return new PublishedSite(s.config(), s.catalogue(), records, s.onRequest(), s.datasets(), s.pages(),
        s.incidents(), s.byItem(), s.lastUpdated());
  }

  private static DisclosureRecord published(DisclosureRecord r, java.time.LocalDate day) {
    return new DisclosureRecord(r.indexNo(), r.slug(), r.title(), r.agency(), r.written(), day, r.docNo(),
        r.subject(), r.validity(), r.disclosure(), r.scope(), r.itemCode(), r.markdown(), r.bodyPath(),
        r.attachments(), r.interpretation(), r.original(), r.origin());
  }

  @Test
  void theSameInputsKeepTheLastFiles() {
    PublishedSite s = DcatFixtures.site();
    List<String> written = written(s);
    SitemapMemo memo = new SitemapMemo();
    SitemapMemo.Result first = memo.build(s, written, null, MAX);
    assertMadeAsTheExportMakesThem(s, written, first);
    assertTrue(first.sha256().size() > 2, "an index and several sitemaps: " + first.sha256().keySet());

    // Same pages (in another order) and records with other instances but the same slugs and dates: kept.
    List<String> again = new ArrayList<>(written);
    java.util.Collections.reverse(again);
    List<DisclosureRecord> copies = s.records().stream().map(r -> published(r, r.published())).toList();
    SitemapMemo.Result second = memo.build(withRecords(s, copies), again, output(written, first), MAX);
    assertTrue(second.kept());
    assertTrue(second.files().isEmpty());
    assertEquals(first.sha256(), second.sha256());
    assertEquals(1, memo.taken());
  }

  @Test
  void anythingTheSitemapsShowMakesThemAnew() {
    PublishedSite s = DcatFixtures.site();
    List<String> written = written(s);

    // A record re-dated: its <lastmod> changes.
    SitemapMemo memo = new SitemapMemo();
    SitemapMemo.Result first = memo.build(s, written, null, MAX);
    List<DisclosureRecord> redated = new ArrayList<>(s.records());
    redated.set(3, published(redated.get(3), redated.get(3).published().minusDays(1)));
    PublishedSite s2 = withRecords(s, redated);
    assertMadeAsTheExportMakesThem(s2, written, memo.build(s2, written, output(written, first), MAX));

    // A page gone (the output had it: no new path, one page fewer).
    memo = new SitemapMemo();
    first = memo.build(s, written, null, MAX);
    List<String> fewer = new ArrayList<>(written);
    fewer.remove("about/index.html");
    assertMadeAsTheExportMakesThem(s, fewer, memo.build(s, fewer, output(written, first), MAX));

    // A new path: the caller passes no previous output.
    memo = new SitemapMemo();
    memo.build(s, written, null, MAX);
    List<String> more = new ArrayList<>(written);
    more.add("guide/index.html");
    assertMadeAsTheExportMakesThem(s, more, memo.build(s, more, null, MAX));

    // The committed output's sitemaps are not the memo's (a later build that failed made these).
    memo = new SitemapMemo();
    first = memo.build(s, written, null, MAX);
    Map<String, byte[]> other = output(written, first);
    other.put("sitemap-1.xml", new byte[32]);
    assertMadeAsTheExportMakesThem(s, written, memo.build(s, written, other, MAX));

    // Another size of sitemap file.
    memo = new SitemapMemo();
    first = memo.build(s, written, null, MAX);
    SitemapMemo.Result bigger = memo.build(s, written, output(written, first), MAX + 1);
    assertFalse(bigger.kept());

    // A path spelled with a leading slash: two spellings could be one page, so nothing is counted or remembered.
    memo = new SitemapMemo();
    List<String> slashed = new ArrayList<>(written);
    slashed.add("/about/index.html");
    first = memo.build(s, slashed, null, MAX);
    assertMadeAsTheExportMakesThem(s, slashed, memo.build(s, slashed, output(slashed, first), MAX));
    assertEquals(0, memo.taken());
  }
}
