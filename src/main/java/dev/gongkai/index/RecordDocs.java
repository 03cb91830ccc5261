package dev.gongkai.index;

import dev.gongkai.model.Attachment;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.render.ViewDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The search documents of records, by the digest of what each is made of (the record, its catalogue item and the
 * size and time of its attachments, whose text is read): a rebuild takes an unchanged record's document from here
 * (kept between builds in the build cache's {@link SearchState}) instead of rendering its Markdown to text again. Content-addressed, so an
 * entry is never stale; each build keeps only the documents it used. Thread-safe.
 */
public final class RecordDocs {
  private final Map<String, SearchDoc> previous;
  private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();
  private final ViewDigest digest;

  private RecordDocs(Map<String, SearchDoc> previous, ViewDigest digest) {
    this.previous = previous;
    this.digest = digest;
  }

  /** A memo with nothing remembered. */
  public static RecordDocs empty() {
    return new RecordDocs(Map.of(), new ViewDigest());
  }

  /** A memo remembering {@code docs} (by key, as {@link #get} gave them), which it takes over: not to be changed. */
  static RecordDocs of(Map<String, SearchDoc> docs) {
    return new RecordDocs(java.util.Collections.unmodifiableMap(docs), new ViewDigest());
  }

  /**
   * This memo for one build, digesting records with that build's {@code digest} (shared with the other stages, so
   * each record is digested once per build).
   */
  public RecordDocs forBuild(ViewDigest digest) {
    return new RecordDocs(previous, digest);
  }

  /** Documents reused from the previous build so far (for tests and reports). */
  public int reused() {
    return reused.get();
  }

  /** A record's document and its key in this memo. */
  record Keyed(String key, SearchDoc doc) {}

  /** The document of {@code r}: the previous build's when what it is made of is the same, else {@code make}'s. */
  Keyed get(DisclosureRecord r, CatalogueItem item, Supplier<SearchDoc> make) {
    List<Object> stamps = new ArrayList<>();
    for (Attachment a : r.attachments()) {
      try {
        stamps.add(List.of(Files.size(a.source()), Files.getLastModifiedTime(a.source()).toMillis()));
      } catch (IOException e) {
        stamps.add("unreadable");
      }
    }
    String key = HexFormat.of().formatHex(digest.of(r, item, stamps));
    SearchDoc d = previous.get(key);
    if (d == null) {
      d = make.get();
    } else {
      reused.incrementAndGet();
    }
    return new Keyed(key, d);
  }
}
