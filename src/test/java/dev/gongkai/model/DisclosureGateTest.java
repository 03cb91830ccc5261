package dev.gongkai.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Location;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisclosureGateTest {
  private static final CatalogueItem ITEM = new CatalogueItem("aqsc-01-01", "安全生产", "aqsc", "政策文件", "法律法规",
      "c", "b", "t", "p", List.of("政府网站"), List.of("全社会"), "主动", List.of("县级"));

  private static DisclosureRecord record(String index, Disclosure d, String published) {
    return new DisclosureRecord(index, DisclosureRecord.slugOf(index), "标题" + index, "局", LocalDate.parse("2024-01-01"),
        LocalDate.parse(published), "", "", Validity.VALID, d, "", "aqsc-01-01", "", null, List.of(), "", "",
        Location.file("r.csv"));
  }

  private static Site site(boolean listOnRequest) {
    SiteConfig config = new SiteConfig("t", "局", "https://x/", "530199", List.of("zh-CN"),
        new SiteConfig.Contact("", "", "", ""), new SiteConfig.Options("UTF-8", 20, listOnRequest, ""));
    return new Site(config, Catalogue.of(List.of(ITEM)), List.of(
        record("A/2024-1", Disclosure.ACTIVE, "2024-02-01"),
        record("A/2024-2", Disclosure.ON_REQUEST, "2024-05-01"),
        record("A/2024-3", Disclosure.WITHHELD, "2024-06-01"),
        record("A/2024-4", Disclosure.ACTIVE, "2024-03-01")), List.of(), List.of(), List.of());
  }

  @Test
  void newestFirstIsTheOrderASortGives() {
    // Many records a day, given in index-number order (as validated) and shuffled: the same list as a full sort.
    java.util.Random random = new java.util.Random(11);
    for (int round = 0; round < 50; round++) {
      List<DisclosureRecord> records = new java.util.ArrayList<>();
      int n = random.nextInt(400);
      for (int i = 0; i < n; i++) {
        records.add(record("A/" + random.nextInt(1_000_000) + "-" + i, Disclosure.ACTIVE,
            LocalDate.parse("2024-01-01").plusDays(random.nextInt(1 + random.nextInt(60))).toString()));
      }
      if (round % 2 == 0) records.sort(DisclosureRecord.BY_INDEX_NO);
      else java.util.Collections.shuffle(records, random);
      List<DisclosureRecord> sorted = new java.util.ArrayList<>(records);
      sorted.sort(java.util.Comparator.comparing(DisclosureRecord::published).reversed()
          .thenComparing(DisclosureRecord::indexNo));
      assertEquals(sorted, DisclosureGate.newestFirst(records), "round " + round);
      if (round % 2 == 0) assertEquals(sorted, DisclosureGate.newestFirst(records, true), "in index order, " + round);
      records.sort(DisclosureRecord.NEWEST_FIRST);
      assertEquals(sorted, records, "the comparator, round " + round);
    }
  }

  @Test
  void onlyActiveRecordsArePublishedNewestFirst() {
    PublishedSite p = DisclosureGate.apply(site(false));
    assertEquals(List.of("A/2024-4", "A/2024-1"), p.records().stream().map(DisclosureRecord::indexNo).toList());
    assertEquals(List.of(), p.onRequest());
    assertEquals(2, p.count(ITEM));
    assertEquals(LocalDate.parse("2024-03-01"), p.lastUpdated(), "last updated comes from published data only");
  }

  @Test
  void onRequestRecordsAreListedOnlyWhenConfiguredAndOnlyByTitleAndIndex() {
    PublishedSite p = DisclosureGate.apply(site(true));
    assertEquals(1, p.onRequest().size());
    assertEquals("A/2024-2", p.onRequest().get(0).indexNo());
    assertTrue(p.records().stream().noneMatch(r -> r.disclosure() != Disclosure.ACTIVE));
  }

  @Test
  void slugsAreUrlSafe() {
    assertEquals("015583216-2024-00012", DisclosureRecord.slugOf("015583216/2024-00012"));
    assertEquals("11530199mb0p12345x-2024-1", DisclosureRecord.slugOf("11530199MB0P12345X/2024-1"));
  }
}
