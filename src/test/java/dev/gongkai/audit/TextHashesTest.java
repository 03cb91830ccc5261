package dev.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Site;
import dev.gongkai.testing.Example;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published texts' hashes carried between serve builds by the instance they were taken from. */
class TextHashesTest {
  @Test
  void hashesAreTheComputedOnesAndAreCarriedBySourceInstance() {
    List<String> row = List.of("应急物资储备点", "县城东路 1 号");
    String title = new String("标题甲");
    List<PublicText> texts = List.of(new PublicText(List.of("标题", "正文"), "record 1"), new PublicText(row),
        PublicText.of(title));
    TextHashes carry = new TextHashes();
    List<NeedleMemo.Hash> first = carry.of(texts);
    assertEquals(TextHashes.computed(texts), first);
    assertEquals(NeedleMemo.Hash.of("标题\n正文"), first.get(0));

    // The same source instance is taken as having the same text: its hash is carried (these lines are not its own,
    // which shows where the hash came from). An equal text from another instance is hashed, to the same value.
    List<PublicText> next = List.of(new PublicText(List.of("另一个标题", "正文"), texts.get(0).source()),
        new PublicText(new ArrayList<>(row)), PublicText.of(new String(title)));
    List<NeedleMemo.Hash> second = carry.of(next);
    assertEquals(first.get(0), second.get(0));
    assertNotEquals(TextHashes.computed(next).get(0), second.get(0));
    assertEquals(first.subList(1, 3), second.subList(1, 3));

    // Only the last build is remembered: a source of the first build that the second did not have is hashed again.
    List<PublicText> third = List.of(new PublicText(List.of("第三次"), texts.get(2).source()));
    assertEquals(TextHashes.computed(third), carry.of(third));
  }

  @Test
  void aPlanWithCarriedHashesIsThePlanComputed() throws Exception {
    // Edits of the example in turn, each planned with and without the carry (and the last plan's needle memo): the
    // same needles (the digest), including when a published record takes a withheld record's title, which makes
    // that title no longer distinctive.
    Site site = Example.site();
    DisclosureRecord withheld = site.records().stream().filter(r -> r.disclosure() != Disclosure.ACTIVE)
        .findFirst().orElseThrow();
    DisclosureRecord published = site.records().stream().filter(r -> r.disclosure() == Disclosure.ACTIVE)
        .findFirst().orElseThrow();
    List<Site> steps = List.of(site,
        replacing(site, published, Example.withTitle(published, published.title() + "（修订）")),
        replacing(site, published, Example.withTitle(published, withheld.title())),
        replacing(site, published, Example.withTitle(published, withheld.title())),
        site);
    TextHashes carry = new TextHashes();
    NeedleMemo memo = NeedleMemo.empty();
    List<byte[]> digests = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      LeakAudit.Plan carried = LeakAudit.plan(steps.get(i), memo, carry);
      LeakAudit.Plan computed = LeakAudit.plan(steps.get(i), memo);
      assertArrayEquals(computed.digest(), carried.digest(), "step " + i);
      assertArrayEquals(LeakAudit.plan(steps.get(i)).digest(), carried.digest(), "step " + i + ", no memo");
      digests.add(carried.digest());
      memo = carried.needleMemo();
    }
    assertFalse(java.util.Arrays.equals(digests.get(1), digests.get(2)), "the withheld title is no longer sought");
    assertArrayEquals(digests.get(0), digests.get(4));
  }

  private static Site replacing(Site s, DisclosureRecord old, DisclosureRecord now) {
    List<DisclosureRecord> records = s.records().stream().map(r -> r == old ? now : r).toList();
    return new Site(s.config(), s.catalogue(), records, s.datasets(), s.pages(), s.incidents());
  }
}
