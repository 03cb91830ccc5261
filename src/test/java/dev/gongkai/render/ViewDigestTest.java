package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.validate.SiteValidator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Digests primed on every core are the digests computed one by one, and different records digest differently. */
class ViewDigestTest {
  @Test
  void primedDigestsAreTheSameAsUnprimed() throws Exception {
    Diagnostics d = new Diagnostics();
    PublishedSite site = DisclosureGate.apply(SiteValidator.validate(
        InputLoader.load(new SourceTree(Path.of("").toAbsolutePath()), d), d).orElseThrow());
    List<DisclosureRecord> records = site.records();
    ViewDigest primed = new ViewDigest();
    primed.prime(records);
    ViewDigest plain = new ViewDigest();
    for (DisclosureRecord r : records) assertArrayEquals(plain.of(r), primed.of(r), r.indexNo());
    assertArrayEquals(plain.of(records), primed.of(records));
    assertFalse(Arrays.equals(plain.of(records.get(0)), plain.of(records.get(1))));
  }

  @Test
  void digestsCarriedToTheNextBuildAreThoseOfItsOwnRecords() throws Exception {
    Diagnostics d = new Diagnostics();
    List<DisclosureRecord> records = DisclosureGate.apply(SiteValidator.validate(
        InputLoader.load(new SourceTree(Path.of("").toAbsolutePath()), d), d).orElseThrow()).records();
    ViewDigest first = new ViewDigest();
    first.prime(records);
    // The next build keeps most instances; one record is a new instance with another title, one an equal copy.
    DisclosureRecord a = records.get(0);
    DisclosureRecord b = records.get(1);
    DisclosureRecord edited = new DisclosureRecord(a.indexNo(), a.slug(), a.title() + "（改）", a.agency(), a.written(),
        a.published(), a.docNo(), a.subject(), a.validity(), a.disclosure(), a.scope(), a.itemCode(), a.markdown(),
        a.bodyPath(), a.attachments(), a.interpretation(), a.original(), a.origin());
    DisclosureRecord copy = new DisclosureRecord(b.indexNo(), b.slug(), b.title(), b.agency(), b.written(),
        b.published(), b.docNo(), b.subject(), b.validity(), b.disclosure(), b.scope(), b.itemCode(), b.markdown(),
        b.bodyPath(), b.attachments(), b.interpretation(), b.original(), b.origin());
    List<DisclosureRecord> next = new java.util.ArrayList<>(records);
    next.set(0, edited);
    next.set(1, copy);
    ViewDigest second = new ViewDigest(first);
    second.prime(next);
    ViewDigest plain = new ViewDigest();
    for (DisclosureRecord r : next) assertArrayEquals(plain.of(r), second.of(r), r.indexNo());
    assertFalse(Arrays.equals(first.of(a), second.of(edited)), "the edited record is digested anew");
  }
}
