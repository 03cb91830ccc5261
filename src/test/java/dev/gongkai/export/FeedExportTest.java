package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Incident;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.render.Views;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** The Atom feeds, read back as a feed reader would (ROME), on the bundled example and on edge cases. */
class FeedExportTest {
  static final ZoneOffset CST = ZoneOffset.ofHours(8);

  static Feed atom(ExportFile f) throws Exception {
    WireFeedInput in = new WireFeedInput();
    Feed feed = (Feed) in.build(new InputSource(new ByteArrayInputStream(f.data())));
    assertEquals("atom_1.0", feed.getFeedType(), f.path());
    return feed;
  }

  static SyndFeed synd(ExportFile f) throws Exception {
    return new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(f.data()), StandardCharsets.UTF_8));
  }

  static Date midnight(LocalDate d) {
    return Date.from(d.atStartOfDay().atOffset(CST).toInstant());
  }

  static Map<String, ExportFile> byPath(List<ExportFile> files) {
    Map<String, ExportFile> m = new HashMap<>();
    for (ExportFile f : files) m.put(f.path(), f);
    assertEquals(files.size(), m.size(), "paths are unique");
    return m;
  }

  static String alternate(Entry e) {
    List<Link> links = e.getAlternateLinks();
    assertEquals(1, links.size());
    assertEquals("text/html", links.get(0).getType());
    return links.get(0).getHref();
  }

  @Test
  void theSiteFeedHasTheNewestRecordsAndTheIncidentUpdates() throws Exception {
    PublishedSite s = DcatFixtures.site();
    List<ExportFile> files = FeedExport.build(s, DcatFixtures.PROVENANCE, Map.of());
    ExportFile site = files.get(0);
    assertEquals("feed.xml", site.path());
    assertEquals("application/atom+xml", site.mediaType());
    Feed feed = atom(site);
    String base = s.config().baseUrl();
    assertEquals(base + "feed.xml", feed.getId());
    assertEquals(s.config().title(), feed.getTitleEx().getValue());
    assertTrue(feed.getOtherLinks().stream().anyMatch(l -> "self".equals(l.getRel())
        && (base + "feed.xml").equals(l.getHref())), "self link");
    assertEquals(base, feed.getAlternateLinks().get(0).getHref());
    assertEquals(s.config().agency(), feed.getAuthors().get(0).getName());

    int updates = s.incidents().stream().mapToInt(i -> i.updates().size()).sum();
    assertTrue(updates > 0, "the example has incident updates");
    assertTrue(s.records().size() > 50);
    List<Entry> entries = feed.getEntries();
    assertEquals(50 + Math.min(50, updates), entries.size());

    List<Entry> recordEntries = entries.stream().filter(e -> alternate(e).startsWith(base + "records/")).toList();
    assertEquals(50, recordEntries.size());
    // exactly the 50 newest records (no history: by 发布日期), with their metadata
    Map<String, DisclosureRecord> byUrl = new HashMap<>();
    for (DisclosureRecord r : s.records()) byUrl.put(base + r.url(), r);
    LocalDate oldestListed = LocalDate.MAX;
    for (Entry e : recordEntries) {
      DisclosureRecord r = byUrl.get(alternate(e));
      assertNotNull(r, alternate(e));
      assertEquals(r.title(), e.getTitleEx().getValue());
      assertEquals("tag:yjj.example.gov.cn," + r.published() + ":" + r.indexNo(), e.getId());
      assertEquals(midnight(r.published()), e.getPublished());
      assertEquals(midnight(r.published()), e.getUpdated());
      assertEquals(r.agency(), e.getAuthors().get(0).getName());
      assertTrue(e.getSummary().getValue().contains(r.indexNo()));
      assertEquals(r.itemCode(), e.getCategories().get(0).getTerm());
      if (r.published().isBefore(oldestListed)) oldestListed = r.published();
    }
    for (DisclosureRecord r : s.records()) {
      if (r.published().isAfter(oldestListed)) {
        assertTrue(recordEntries.stream().anyMatch(e -> alternate(e).equals(base + r.url())), "newer record listed");
      }
    }

    List<Entry> incidentEntries = entries.stream().filter(e -> !alternate(e).startsWith(base + "records/")).toList();
    Set<String> incidentPages = s.incidents().stream().map(i -> base + i.urlPath()).collect(Collectors.toSet());
    for (Entry e : incidentEntries) {
      assertTrue(incidentPages.contains(alternate(e)), alternate(e));
      assertTrue(e.getId().startsWith("tag:yjj.example.gov.cn,"), e.getId());
      assertEquals(e.getPublished(), e.getUpdated());
    }
    Incident.Update u = s.incidents().get(0).updates().get(0);
    Date t = Date.from(u.time().atOffset(CST).toInstant());
    assertTrue(incidentEntries.stream().anyMatch(e -> e.getUpdated().equals(t)
        && e.getTitleEx().getValue().endsWith(u.title())), "update times in Asia/Shanghai");

    // newest first; the feed's updated is the newest entry's
    List<Date> dates = entries.stream().map(Entry::getUpdated).toList();
    List<Date> sorted = new ArrayList<>(dates);
    sorted.sort(Comparator.reverseOrder());
    assertEquals(sorted, dates);
    assertEquals(dates.get(0), feed.getUpdated());
    assertEquals(entries.size(), entries.stream().map(Entry::getId).distinct().count(), "unique ids");
  }

  @Test
  void aRecordChangedLaterIsUpdatedAndComesBackToTheTop() throws Exception {
    PublishedSite s = DcatFixtures.site();
    DisclosureRecord old = s.records().get(s.records().size() - 1); // the oldest: not among the newest 50
    LocalDate changed = s.lastUpdated().plusDays(3);
    Map<String, List<Views.Change>> history = Map.of(old.indexNo(), List.of(
        new Views.Change(changed.toString(), "更正附件", List.of("附件")),
        new Views.Change(old.published().plusDays(1).toString(), "更正文号", List.of("文号"))));
    Feed feed = atom(FeedExport.build(s, DcatFixtures.PROVENANCE, history).get(0));
    Entry first = feed.getEntries().get(0);
    assertEquals(s.config().baseUrl() + old.url(), alternate(first));
    assertEquals(midnight(changed), first.getUpdated());
    assertEquals(midnight(old.published()), first.getPublished());
    assertEquals(midnight(changed), feed.getUpdated(), "feed updated = newest entry updated");
    long records = feed.getEntries().stream().filter(e -> alternate(e).contains("/records/")).count();
    assertEquals(50, records, "still at most 50 records");
    // its item feed agrees
    CatalogueItem item = s.catalogue().item(old.itemCode()).orElseThrow();
    ExportFile itemFeed = byPath(FeedExport.build(s, DcatFixtures.PROVENANCE, history))
        .get("catalogue/" + item.domainSlug() + "/" + item.code() + "/feed.xml");
    assertEquals(midnight(changed), atom(itemFeed).getUpdated());
  }

  @Test
  void everyCatalogueItemHasAFeedOfItsNewestRecords() throws Exception {
    PublishedSite s = DcatFixtures.site();
    Map<String, ExportFile> files = byPath(FeedExport.build(s, DcatFixtures.PROVENANCE, Map.of()));
    List<CatalogueItem> items = s.catalogue().items();
    assertEquals(items.size() + 1, files.size());
    String base = s.config().baseUrl();
    for (CatalogueItem item : items) {
      String path = "catalogue/" + item.domainSlug() + "/" + item.code() + "/feed.xml";
      assertEquals(path, FeedExport.itemFeedPath(item));
      Feed feed = atom(files.get(path));
      assertEquals(base + path, feed.getId());
      assertEquals(base + item.url(), feed.getAlternateLinks().get(0).getHref());
      assertTrue(feed.getTitleEx().getValue().startsWith(item.level2()));
      List<DisclosureRecord> records = s.byItem().getOrDefault(item.code(), List.of());
      assertEquals(Math.min(50, records.size()), feed.getEntries().size(), item.code());
      for (Entry e : feed.getEntries()) {
        assertEquals(item.code(), e.getCategories().get(0).getTerm());
        assertTrue(alternate(e).startsWith(base + "records/"));
      }
      Date expected = records.isEmpty() ? midnight(s.lastUpdated()) : midnight(records.get(0).published());
      assertEquals(expected, feed.getUpdated(), item.code());
    }
  }

  @Test
  void feedsStopAtFiftyEntries() throws Exception {
    // One item with 120 records: the item feed and the site feed list the 50 newest.
    PublishedSite s = DcatFixtures.site();
    DisclosureRecord t = s.records().get(0);
    List<DisclosureRecord> many = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String no = "015583216/2030-" + String.format("%05d", i + 1);
      many.add(new DisclosureRecord(no, DisclosureRecord.slugOf(no), "记录 " + i, t.agency(), t.written(),
          LocalDate.of(2030, 1, 1).plusDays(i), "", t.subject(), t.validity(), t.disclosure(), t.scope(),
          t.itemCode(), "", null, List.of(), "", "", t.origin()));
    }
    many.sort(DisclosureRecord.NEWEST_FIRST);
    Map<String, List<DisclosureRecord>> byItem = new HashMap<>();
    for (CatalogueItem it : s.catalogue().items()) byItem.put(it.code(), List.of());
    byItem.put(t.itemCode(), many);
    PublishedSite big = new PublishedSite(s.config(), s.catalogue(), many, List.of(), List.of(), List.of(), List.of(),
        byItem, many.get(0).published());
    Map<String, ExportFile> files = byPath(FeedExport.build(big, DcatFixtures.PROVENANCE, Map.of()));
    Feed site = atom(files.get("feed.xml"));
    assertEquals(50, site.getEntries().size());
    assertEquals("记录 119", site.getEntries().get(0).getTitleEx().getValue());
    assertEquals("记录 70", site.getEntries().get(49).getTitleEx().getValue());
    CatalogueItem item = s.catalogue().item(t.itemCode()).orElseThrow();
    Feed itemFeed = atom(files.get(FeedExport.itemFeedPath(item)));
    assertEquals(50, itemFeed.getEntries().size());
    assertEquals(midnight(LocalDate.of(2030, 1, 1).plusDays(119)), itemFeed.getUpdated());
    // an item without records: a valid empty feed dated by the site's last update
    CatalogueItem empty = s.catalogue().items().stream().filter(i -> !i.code().equals(t.itemCode())).findFirst()
        .orElseThrow();
    Feed none = atom(files.get(FeedExport.itemFeedPath(empty)));
    assertTrue(none.getEntries().isEmpty());
    assertEquals(midnight(big.lastUpdated()), none.getUpdated());
  }

  @Test
  void theFiftyNewestAreChosenAcrossTiesAndLaterChanges() throws Exception {
    // 300 records over 20 days (15 a day, so the 50th newest falls inside a day), in no particular order, and some
    // old ones changed later (release history): the feed holds exactly the 50 first by updated time (newest first),
    // then by id (published date, then index number), as sorting them all would give.
    PublishedSite s = DcatFixtures.site();
    DisclosureRecord t = s.records().get(0);
    java.util.Random random = new java.util.Random(7);
    List<DisclosureRecord> many = new ArrayList<>();
    Map<String, List<Views.Change>> history = new HashMap<>();
    Map<String, LocalDate> updated = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      String no = "015583216-2030-" + String.format("%05d", random.nextInt(90000) + 10000) + "-" + i;
      LocalDate published = LocalDate.of(2030, 1, 1).plusDays(i % 20);
      many.add(new DisclosureRecord(no, DisclosureRecord.slugOf(no), "记录 " + i, t.agency(), t.written(),
          published, "", t.subject(), t.validity(), t.disclosure(), t.scope(), t.itemCode(), "", null, List.of(),
          "", "", t.origin()));
      LocalDate u = published;
      if (i % 23 == 0) { // changed later: some to a day among the newest, some to a day still older than those
        LocalDate changed = published.plusDays(random.nextInt(25));
        history.put(no, List.of(new Views.Change(changed.toString(), "更正", List.of("标题"))));
        if (changed.isAfter(u)) u = changed;
      }
      updated.put(no, u);
    }
    java.util.Collections.shuffle(many, random);
    List<String> expected = many.stream()
        .sorted(Comparator.comparing((DisclosureRecord r) -> updated.get(r.indexNo())).reversed()
            .thenComparing(DisclosureRecord::published).thenComparing(DisclosureRecord::indexNo))
        .limit(50).map(DisclosureRecord::title).toList();
    Map<String, List<DisclosureRecord>> byItem = new HashMap<>();
    for (CatalogueItem it : s.catalogue().items()) byItem.put(it.code(), List.of());
    byItem.put(t.itemCode(), many);
    PublishedSite big = new PublishedSite(s.config(), s.catalogue(), many, List.of(), List.of(), List.of(), List.of(),
        byItem, LocalDate.of(2030, 2, 1));
    Map<String, ExportFile> files = byPath(FeedExport.build(big, DcatFixtures.PROVENANCE, history));
    CatalogueItem item = s.catalogue().item(t.itemCode()).orElseThrow();
    for (String path : List.of("feed.xml", FeedExport.itemFeedPath(item))) {
      List<String> titles = atom(files.get(path)).getEntries().stream()
          .map(e -> e.getTitleEx().getValue()).toList();
      assertEquals(expected, titles, path);
    }
  }

  @Test
  void anyTitleIsEscaped() throws Exception {
    PublishedSite s = DcatFixtures.site();
    DisclosureRecord t = s.records().get(0);
    String nasty = "<b>关于&“印发”</b> \"quoted\" 'apos' ]]> &amp; \u0001控制\u0008符 😀 \uD800孤";
    DisclosureRecord r = new DisclosureRecord(t.indexNo(), t.slug(), nasty, "机构<&>", t.written(), t.published(),
        "示应急发〔2024〕<1>号", t.subject(), t.validity(), t.disclosure(), t.scope(), t.itemCode(), "", null,
        List.of(), "", "", t.origin());
    Map<String, List<DisclosureRecord>> byItem = new HashMap<>(s.byItem());
    byItem.put(t.itemCode(), List.of(r));
    PublishedSite odd = new PublishedSite(s.config(), s.catalogue(), List.of(r), List.of(), List.of(), List.of(),
        List.of(), byItem, t.published());
    ExportFile f = FeedExport.build(odd, DcatFixtures.PROVENANCE, Map.of()).get(0);
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    dbf.newDocumentBuilder().parse(new ByteArrayInputStream(f.data())); // well-formed XML 1.0
    SyndFeed feed = synd(f);
    SyndEntry e = feed.getEntries().get(0);
    assertEquals("<b>关于&“印发”</b> \"quoted\" 'apos' ]]> &amp; 控制符 😀 孤", e.getTitle(),
        "markup kept as text; characters XML cannot carry dropped");
    assertEquals("机构<&>", e.getAuthor());
    assertTrue(e.getDescription().getValue().contains("示应急发〔2024〕<1>号"));
  }

  @Test
  void twoBuildsGiveIdenticalBytes() {
    PublishedSite s = DcatFixtures.site();
    Map<String, List<Views.Change>> h = Map.of(s.records().get(3).indexNo(),
        List.of(new Views.Change("2027-01-01", "x", List.of())));
    List<ExportFile> a = FeedExport.build(s, DcatFixtures.PROVENANCE, h);
    List<ExportFile> b = FeedExport.build(s, DcatFixtures.PROVENANCE, h);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).path(), b.get(i).path());
      assertArrayEquals(a.get(i).data(), b.get(i).data(), a.get(i).path());
    }
  }

  @Test
  void nothingWithheldAppears() throws Exception {
    PublishedSite s = DcatFixtures.site();
    Set<String> seen = new HashSet<>();
    for (ExportFile f : FeedExport.build(s, DcatFixtures.PROVENANCE, Map.of())) {
      DcatFixtures.assertNothingWithheld(f.path(), DcatFixtures.text(f));
      assertTrue(seen.add(f.path()));
    }
  }

  @Test
  void timesAreInShanghaiNeverTheWallClock() throws Exception {
    PublishedSite s = DcatFixtures.site();
    String xml = DcatFixtures.text(FeedExport.build(s, DcatFixtures.PROVENANCE, Map.of()).get(0));
    for (String line : xml.split("\n")) {
      if (line.contains("<updated>") || line.contains("<published>")) {
        String v = line.replaceAll(".*>(.*)<.*", "$1");
        assertTrue(v.endsWith("+08:00"), line);
        assertFalse(OffsetDateTime.parse(v).toLocalDate().isAfter(s.lastUpdated()), line);
      }
    }
  }
}
