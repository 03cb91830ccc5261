package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.testing.Example;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code stats.record}: the records that are linked to are held by index number; any other is still found. */
class StatsTest {
  @Test
  void everyPublishedRecordIsFoundAndOnlyLinkTargetsAreHeld() throws Exception {
    PublishedSite site = Example.published();
    Views.Stats stats = new Views.Stats(site);
    Set<String> targets = site.records().stream()
        .flatMap(r -> java.util.stream.Stream.of(r.interpretation(), r.original()))
        .filter(x -> !x.isEmpty()).collect(Collectors.toSet());
    assertTrue(!targets.isEmpty(), "the example links records to their 解读");
    assertEquals(targets, stats.byIndex().keySet());
    for (DisclosureRecord r : site.records()) assertSame(r, stats.record(r.indexNo()), r.indexNo());
    assertNull(stats.record("000000000/2024-99999"));
    assertNull(stats.record(null));
  }
}
