package dev.gongkai.testing;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.Site;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled example site as a build reads it, and edits of it made in memory: for tests of what one build carries to
 * the next, where instances matter. Each call reads the sources again, so it gives new instances with equal values.
 */
public final class Example {
  private Example() {}

  /** The example's validated site (its sources must be valid). */
  public static Site site() throws IOException {
    Diagnostics d = new Diagnostics();
    return dev.gongkai.validate.SiteValidator.validate(
        InputLoader.load(new SourceTree(Path.of("").toAbsolutePath()), d), d).orElseThrow();
  }

  /** What the example publishes. */
  public static PublishedSite published() throws IOException {
    return DisclosureGate.apply(site());
  }

  /** {@code r} with another title, as a new instance (an edited row gives one); the same title gives an equal copy. */
  public static DisclosureRecord withTitle(DisclosureRecord r, String title) {
    return new DisclosureRecord(r.indexNo(), r.slug(), title, r.agency(), r.written(), r.published(), r.docNo(),
        r.subject(), r.validity(), r.disclosure(), r.scope(), r.itemCode(), r.markdown(), r.bodyPath(),
        r.attachments(), r.interpretation(), r.original(), r.origin());
  }

  /** {@code site} with the record {@code old} (that instance) replaced by {@code now}, in its records and its item's. */
  public static PublishedSite replacing(PublishedSite site, DisclosureRecord old, DisclosureRecord now) {
    List<DisclosureRecord> records = new ArrayList<>(site.records());
    records.replaceAll(x -> x == old ? now : x);
    Map<String, List<DisclosureRecord>> byItem = new HashMap<>(site.byItem());
    byItem.put(old.itemCode(), byItem.get(old.itemCode()).stream().map(x -> x == old ? now : x).toList());
    return new PublishedSite(site.config(), site.catalogue(), records, site.onRequest(), site.datasets(),
        site.pages(), site.incidents(), byItem, site.lastUpdated());
  }
}
