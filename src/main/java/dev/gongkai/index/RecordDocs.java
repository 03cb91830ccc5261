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
import java.util.function.Supplier;

/**
 * The search documents of records, by the digest of what each is made of (the record, its catalogue item and the
 * size and time of its attachments, whose text is read): a rebuild takes an unchanged record's document from here
 * (kept between builds in the build cache's {@link SearchState}) instead of rendering its Markdown to text again. Content-addressed, so an
 * entry is never stale; each build keeps only the documents it used. Thread-safe.
 */
public final class RecordDocs {
  /**
   * Each record's document and key as one build made them, by record instance, for the next build of the same site
   * in this process ({@code gongkai serve}): a record that is the same instance, with the same catalogue item
   * instance and attachment stamps, has the same key and document, so it is neither digested nor looked up again.
   * Model records are immutable, so the instance stands for its values.
   */
  public static final class Carried {
    /** By instance, looked for first at the place the record had in that build's order. */
    private final ListLookup<DisclosureRecord, Keyed> byRecord;

    private Carried(ListLookup<DisclosureRecord, Keyed> byRecord) {
      this.byRecord = byRecord;
    }

    /** Nothing carried. */
    public static final Carried NONE = new Carried(ListLookup.empty());
  }

  /** The previous build's documents by key. */
  private final ListLookup<String, SearchDoc> previous;
  private final Carried carried;
  private final java.util.concurrent.atomic.LongAdder reused = new java.util.concurrent.atomic.LongAdder();
  private final ViewDigest digest;
  private volatile Carried next = Carried.NONE;

  private RecordDocs(ListLookup<String, SearchDoc> previous, Carried carried, ViewDigest digest) {
    this.previous = previous;
    this.carried = carried;
    this.digest = digest;
  }

  /** A memo with nothing remembered. */
  public static RecordDocs empty() {
    return new RecordDocs(ListLookup.empty(), Carried.NONE, new ViewDigest());
  }

  /**
   * A memo remembering {@code docs} by {@code keys} (as {@link #get} gave them; "" for a document that is not a
   * record's), in the same order: lists not to be changed.
   */
  static RecordDocs of(List<String> keys, List<SearchDoc> docs) {
    return new RecordDocs(new ListLookup<>(keys, docs, false), Carried.NONE, new ViewDigest());
  }

  /**
   * This memo for one build, digesting records with that build's {@code digest} (shared with the other stages, so
   * each record is digested once per build).
   */
  public RecordDocs forBuild(ViewDigest digest) {
    return forBuild(digest, Carried.NONE);
  }

  /** As {@link #forBuild(ViewDigest)}, taking records that are last build's instances from {@code carried}. */
  public RecordDocs forBuild(ViewDigest digest, Carried carried) {
    return new RecordDocs(previous, carried == null ? Carried.NONE : carried, digest);
  }

  /** Documents reused from the previous build so far (for tests and reports). */
  public int reused() {
    return reused.intValue();
  }

  /** What this build's records were made into, for the next build in this process (after {@link SearchDocs}). */
  public Carried carried() {
    return next;
  }

  /**
   * A record's document and its key in this memo, with what the key was computed from besides the record.
   *
   * @param stamps size and modification time of each attachment, whose text is read
   */
  record Keyed(String key, SearchDoc doc, CatalogueItem item, List<Object> stamps) {}

  /**
   * The document of {@code r}: the previous build's when what it is made of is the same, else {@code make}'s.
   *
   * @param at where {@code r} is in this build's order of records, where it is looked for first among the carried
   */
  Keyed get(int at, DisclosureRecord r, CatalogueItem item, Supplier<SearchDoc> make) {
    List<Object> stamps = new ArrayList<>();
    for (Attachment a : r.attachments()) {
      try {
        stamps.add(List.of(Files.size(a.source()), Files.getLastModifiedTime(a.source()).toMillis()));
      } catch (IOException e) {
        stamps.add("unreadable");
      }
    }
    Keyed known = carried.byRecord.get(at, r);
    if (known != null && known.item() == item && known.stamps().equals(stamps)) {
      reused.increment();
      return known;
    }
    String key = HexFormat.of().formatHex(digest.of(r, item, stamps));
    SearchDoc d = previous.get(-1, key);
    if (d == null) {
      d = make.get();
    } else {
      reused.increment();
    }
    return new Keyed(key, d, item, List.copyOf(stamps));
  }

  /**
   * Notes what each of {@code records} was made into ({@code keyed}, in the same order) for {@link #carried()}: lists
   * not to be changed.
   */
  void noteAll(List<DisclosureRecord> records, List<Keyed> keyed) {
    next = new Carried(new ListLookup<>(records, keyed, true));
  }
}
