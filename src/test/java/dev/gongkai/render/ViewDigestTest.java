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
}
