package dev.gongkai.index;

import dev.gongkai.index.analysis.CharFold;
import dev.gongkai.model.Attachment;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.render.ViewDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A digest of everything the search stage reads ({@link SearchDocs}, {@link SearchExport} and the search-engine
 * exports): the published records, datasets, pages and incidents, the catalogue, the config, the analyzer version
 * and the size and time of the attachments whose text is read. Two builds with the same digest (and the same
 * generator) write the same search files, so an incremental build may keep the previous ones.
 */
public final class SearchInputs {
  private SearchInputs() {}

  /** @param digest the build's digest (records already digested by other stages are not digested again) */
  public static byte[] digest(PublishedSite site, ViewDigest digest) {
    List<Object> stamps = new ArrayList<>();
    for (DisclosureRecord r : site.records()) {
      for (Attachment a : r.attachments()) {
        try {
          stamps.add(List.of(a.source().toString(), Files.size(a.source()),
              Files.getLastModifiedTime(a.source()).toMillis()));
        } catch (IOException e) {
          stamps.add(List.of(a.source().toString(), "unreadable"));
        }
      }
    }
    return digest.of(CharFold.ANALYZER_VERSION, site.config(), site.catalogue(), site.records(),
        site.datasets(), site.pages(), site.incidents(), stamps);
  }
}
