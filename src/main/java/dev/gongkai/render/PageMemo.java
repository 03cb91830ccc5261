package dev.gongkai.render;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the last build rendered, page by page: the digest of each page's inputs and what else the page depended on.
 * A page whose inputs digest the same as last time has the same bytes, so an incremental build keeps the file it
 * wrote then instead of rendering it again.
 *
 * <p>Pages that reported a diagnostic while rendering (a broken link) are never remembered, so their diagnostics are
 * reported again by every build. Thread-safe: pages are rendered on many threads.
 */
public final class PageMemo {
  /**
   * One page.
   *
   * @param key digest of the page's template, path and values (see {@link ViewDigest}), including the whole-site
   *     digest when its templates read {@code site} or {@code stats}
   * @param downloads the open-data download lists the page read, by key, with their digests; null when it read the
   *     whole map (then its digest is under the key {@link #ALL_DOWNLOADS})
   * @param linked the content files the page links to, as {@code published path → source path} (both
   *     site-relative): published again when the page is kept
   * @param downloadFields the fields of each download the page read (see {@link DownloadReads}), sorted: the
   *     download digests are of these fields only
   */
  public record Entry(byte[] key, Map<String, byte[]> downloads, Map<String, String> linked,
      java.util.List<String> downloadFields) {
    public Entry {
      downloads = Map.copyOf(downloads);
      linked = Map.copyOf(linked);
      downloadFields = java.util.List.copyOf(downloadFields);
    }
  }

  /** A download list's digest, given the list's key (or {@link #ALL_DOWNLOADS}) and the fields a page read. */
  @FunctionalInterface
  public interface DownloadDigest {
    byte[] of(String key, java.util.List<String> fields);
  }

  /** The key under which a page that enumerated all downloads keeps the digest of the whole map. */
  public static final String ALL_DOWNLOADS = "\u0000all";

  private static final int FORMAT = 2;

  private final Map<String, Entry> entries;

  private PageMemo(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** An empty memo, to be filled by a build. */
  public static PageMemo empty() {
    return new PageMemo(new ConcurrentHashMap<>());
  }

  /** An empty memo sized for about {@code pages} pages (the last build's count): no rehashing while it fills. */
  public static PageMemo empty(int pages) {
    return new PageMemo(new ConcurrentHashMap<>(Math.max(16, pages + pages / 3)));
  }

  /** How many pages the memo holds. */
  public int size() {
    return entries.size();
  }

  public Entry get(String path) {
    return entries.get(path);
  }

  public void put(String path, Entry e) {
    entries.put(path, e);
  }

  /**
   * The entry of the page at {@code path} if the page may be kept, else null: same key, and every download list it
   * read digests as before ({@code downloadDigest} gives the current digest of a key, or of the whole map for
   * {@link #ALL_DOWNLOADS}, over the fields the page read).
   */
  public Entry reusable(String path, byte[] key, DownloadDigest downloadDigest) {
    Entry e = entries.get(path);
    if (e == null || !Arrays.equals(e.key(), key)) return null;
    for (Map.Entry<String, byte[]> d : e.downloads().entrySet()) {
      if (!Arrays.equals(d.getValue(), downloadDigest.of(d.getKey(), e.downloadFields()))) return null;
    }
    return e;
  }

  /**
   * Writes the memo sorted by path, so the file is the same for the same build; {@code order} sorts the paths (and
   * gives the last save's order again when they are the same).
   */
  public void writeTo(DataOutputStream out, dev.gongkai.write.KeyOrder order) throws IOException {
    String[] paths = order.sorted(entries);
    out.writeInt(FORMAT);
    out.writeInt(paths.length);
    for (String path : paths) {
      out.writeUTF(path);
      Entry v = entries.get(path);
      out.write(v.key());
      writeMap(out, sorted(v.downloads()));
      out.writeInt(v.linked().size());
      for (Map.Entry<String, String> l : sorted(v.linked()).entrySet()) {
        out.writeUTF(l.getKey());
        out.writeUTF(l.getValue());
      }
      out.writeInt(v.downloadFields().size());
      for (String f : v.downloadFields()) out.writeUTF(f);
    }
  }

  /** {@code m} in key order: itself when it has at most one entry (most pages link to no file and read no list). */
  private static <V> Map<String, V> sorted(Map<String, V> m) {
    return m.size() <= 1 ? m : new TreeMap<>(m);
  }

  private static void writeMap(DataOutputStream out, Map<String, byte[]> m) throws IOException {
    out.writeInt(m.size());
    for (Map.Entry<String, byte[]> d : m.entrySet()) {
      out.writeUTF(d.getKey());
      out.write(d.getValue());
    }
  }

  /** Reads a memo written by {@link #writeTo}; an unknown format gives an empty memo (everything is rendered). */
  public static PageMemo readFrom(DataInputStream in) throws IOException {
    if (in.readInt() != FORMAT) return empty();
    int n = in.readInt();
    Map<String, Entry> entries = new ConcurrentHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String path = in.readUTF();
      byte[] key = in.readNBytes(32);
      int nd = in.readInt();
      Map<String, byte[]> downloads = new TreeMap<>();
      for (int j = 0; j < nd; j++) downloads.put(in.readUTF(), in.readNBytes(32));
      int nl = in.readInt();
      Map<String, String> linked = new TreeMap<>();
      for (int j = 0; j < nl; j++) linked.put(in.readUTF(), in.readUTF());
      int nf = in.readInt();
      java.util.List<String> fields = new java.util.ArrayList<>(nf);
      for (int j = 0; j < nf; j++) fields.add(in.readUTF());
      entries.put(path, new Entry(key, downloads, linked, fields));
    }
    return new PageMemo(entries);
  }
}
