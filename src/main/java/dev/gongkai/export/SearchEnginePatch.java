package dev.gongkai.export;

import dev.gongkai.index.SearchDoc;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Updates the search-engine exports a previous build wrote ({@link SearchEngineExport}) for documents that changed in
 * place, without serialising every document again: the bytes are those a full build of the new documents writes.
 *
 * <p>From the previous build's {@link Layout} (every document's entry sizes, in id order, and the parts) and the
 * changed documents' new entries, the parts are laid out again by the same rule; a part with the same documents and
 * none of them changed is kept, the others are assembled from the new entries and slices of the previous files.
 *
 * <p>What callers must know: it applies only to the same documents in the same order (ids), the same base URL and
 * part size, and at most 5 % of the documents changed; otherwise {@link #apply} returns empty and the caller builds
 * in full. The previous files must be the ones the build that made {@code layout} wrote.
 */
public final class SearchEnginePatch {
  /** Reads a file of the previous build's output, by site-relative path. */
  @FunctionalInterface
  public interface PreviousFiles {
    byte[] read(String path) throws IOException;
  }

  /**
   * How an export is laid out: what a patch of it needs.
   *
   * @param bulkSizes bytes of each document's bulk entry, in id order
   * @param solrSizes bytes of each document's Solr entry, in id order
   * @param order the documents' positions in the list the export was made from, in id order (null when not known,
   *     e.g. for entries merged from parts): a patch of the same ids in the same positions need not sort them again
   *     (at 100,000 documents the sort took 0.4 s of each edit)
   */
  public record Layout(String baseUrl, long partBytes, int[] bulkSizes, int[] solrSizes,
      List<SearchEngineExport.Part> bulk, List<SearchEngineExport.Part> solr, int[] order) {
    public Layout {
      bulk = List.copyOf(bulk);
      solr = List.copyOf(solr);
    }

    public void writeTo(DataOutputStream out) throws IOException {
      out.writeUTF(baseUrl);
      out.writeLong(partBytes);
      out.writeInt(bulkSizes.length);
      for (int i = 0; i < bulkSizes.length; i++) {
        out.writeInt(bulkSizes[i]);
        out.writeInt(solrSizes[i]);
      }
      out.writeInt(order == null ? -1 : order.length);
      if (order != null) for (int i : order) out.writeInt(i);
      for (List<SearchEngineExport.Part> parts : List.of(bulk, solr)) {
        out.writeInt(parts.size());
        for (SearchEngineExport.Part p : parts) {
          out.writeUTF(p.path());
          out.writeInt(p.documents());
          out.writeLong(p.bytes());
          out.writeUTF(p.sha256());
          out.writeUTF(p.firstId());
          out.writeUTF(p.lastId());
        }
      }
    }

    public static Layout readFrom(DataInputStream in) throws IOException {
      String baseUrl = in.readUTF();
      long partBytes = in.readLong();
      int n = in.readInt();
      int[] b = new int[n];
      int[] s = new int[n];
      for (int i = 0; i < n; i++) {
        b[i] = in.readInt();
        s[i] = in.readInt();
      }
      int orders = in.readInt();
      int[] order = orders < 0 ? null : new int[orders];
      for (int i = 0; i < orders; i++) order[i] = in.readInt();
      List<List<SearchEngineExport.Part>> both = new ArrayList<>();
      for (int k = 0; k < 2; k++) {
        int count = in.readInt();
        List<SearchEngineExport.Part> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          parts.add(new SearchEngineExport.Part(in.readUTF(), in.readInt(), in.readLong(), in.readUTF(),
              in.readUTF(), in.readUTF()));
        }
        both.add(parts);
      }
      return new Layout(baseUrl, partBytes, b, s, both.get(0), both.get(1), order);
    }
  }

  /**
   * A patch applied.
   *
   * @param files the files to write (parts that changed, the static files, the manifest), paths in the site
   * @param kept parts of the previous build to keep, path in the site → SHA-256 (hex)
   */
  public record Result(List<ExportFile> files, Map<String, String> kept, Layout layout) {}

  private SearchEnginePatch() {}

  /**
   * Patches the export of {@code before} (laid out as {@code layout}, its files readable through {@code previous})
   * into that of {@code after}; or returns empty when the change is not one a patch can make.
   */
  public static Optional<Result> apply(List<SearchDoc> before, Layout layout, List<SearchDoc> after, String baseUrl,
      PreviousFiles previous) throws IOException {
    return apply(before, layout, after, baseUrl, SearchEngineExport.PART_BYTES, previous);
  }

  /** As {@link #apply(List, Layout, List, String, PreviousFiles)} for parts of at most {@code partBytes}. */
  static Optional<Result> apply(List<SearchDoc> before, Layout layout, List<SearchDoc> after, String baseUrl,
      long partBytes, PreviousFiles previous) throws IOException {
    int n = after.size();
    if (layout == null || before.size() != n || layout.bulkSizes().length != n || !layout.baseUrl().equals(baseUrl)
        || layout.partBytes() != partBytes || n == 0) {
      return Optional.empty();
    }
    // Positions in id order, the order of the files: the same as last time, since every position must keep its id.
    int[] order = layout.order() != null && layout.order().length == n ? layout.order()
        : SearchEngineExport.idOrder(after);
    Map<Integer, SearchEngineExport.Entry> changed = new TreeMap<>(); // position in id order → new entry
    for (int pos = 0; pos < n; pos++) {
      int i = order[pos];
      SearchDoc now = after.get(i);
      boolean same = before.get(i) == now;
      // Last build's instance in the same place, after another: their ids are as they were, in order and distinct.
      if (same && (pos == 0 || before.get(order[pos - 1]) == after.get(order[pos - 1]))) continue;
      if (!before.get(i).id().equals(now.id())) return Optional.empty();
      if (pos > 0 && after.get(order[pos - 1]).id().equals(now.id())) return Optional.empty();
      if (!same && !before.get(i).equals(now)) changed.put(pos, SearchEngineExport.entry(now, baseUrl));
    }
    if (changed.size() > Math.max(16, n / 20)) return Optional.empty();

    int[] bulkSizes = layout.bulkSizes().clone();
    int[] solrSizes = layout.solrSizes().clone();
    changed.forEach((pos, e) -> {
      bulkSizes[pos] = e.bulk().length;
      solrSizes[pos] = e.solr().length;
    });
    List<ExportFile> files = new ArrayList<>();
    Map<String, String> kept = new TreeMap<>();
    Format bulk = new Format(SearchEngineExport.bulkParts(layout.partBytes()), layout.bulk(),
        layout.bulkSizes(), bulkSizes, SearchEngineExport.Entry::bulk);
    Format solr = new Format(SearchEngineExport.solrParts(layout.partBytes()), layout.solr(),
        layout.solrSizes(), solrSizes, SearchEngineExport.Entry::solr);
    List<List<SearchEngineExport.Part>> parts = new ArrayList<>();
    for (Format f : List.of(bulk, solr)) {
      Optional<List<SearchEngineExport.Part>> p = f.patch(order, after, changed, previous, files, kept);
      if (p.isEmpty()) return Optional.empty();
      parts.add(p.get());
    }
    files.addAll(SearchEngineExport.staticFiles());
    files.add(SearchEngineExport.manifestFile(baseUrl, n, layout.partBytes(), parts.get(0), parts.get(1)));
    return Optional.of(new Result(List.copyOf(files), kept,
        new Layout(baseUrl, layout.partBytes(), bulkSizes, solrSizes, parts.get(0), parts.get(1), order)));
  }

  /** One format's parts: how they were laid out before and how they are now. */
  private record Format(SearchEngineExport.Parts shape, List<SearchEngineExport.Part> oldParts, int[] oldSizes,
      int[] newSizes, Function<SearchEngineExport.Entry, byte[]> bytes) {

    Optional<List<SearchEngineExport.Part>> patch(int[] order, List<SearchDoc> docs,
        Map<Integer, SearchEngineExport.Entry> changed, PreviousFiles previous, List<ExportFile> files,
        Map<String, String> kept) throws IOException {
      List<int[]> was = shape.ranges(oldSizes);
      if (was.size() != oldParts.size()) return Optional.empty();
      for (int k = 0; k < was.size(); k++) {
        if (was.get(k)[1] - was.get(k)[0] != oldParts.get(k).documents()) return Optional.empty();
      }
      // Byte offset of each document in its old part, and that part.
      int n = oldSizes.length;
      int[] partOf = new int[n];
      long[] offset = new long[n];
      for (int k = 0; k < was.size(); k++) {
        long at = shape.head.length;
        for (int pos = was.get(k)[0]; pos < was.get(k)[1]; pos++) {
          partOf[pos] = k;
          offset[pos] = at;
          at += oldSizes[pos] + shape.separator.length;
        }
      }
      Map<Integer, byte[]> oldFiles = new HashMap<>();
      List<SearchEngineExport.Part> parts = new ArrayList<>();
      List<int[]> now = shape.ranges(newSizes);
      for (int k = 0; k < now.size(); k++) {
        int start = now.get(k)[0];
        int end = now.get(k)[1];
        String path = String.format(Locale.ROOT, shape.pattern, k + 1);
        boolean same = k < was.size() && was.get(k)[0] == start && was.get(k)[1] == end
            && changed.keySet().stream().noneMatch(pos -> pos >= start && pos < end);
        if (same) {
          SearchEngineExport.Part p = oldParts.get(k);
          kept.put(SearchEngineExport.DIR + p.path(), p.sha256());
          parts.add(p);
          continue;
        }
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        for (int pos = start; pos < end; pos++) {
          buf.writeBytes(pos == start ? shape.head : shape.separator);
          SearchEngineExport.Entry e = changed.get(pos);
          if (e != null) {
            buf.writeBytes(bytes.apply(e));
            continue;
          }
          int old = partOf[pos];
          byte[] f = oldFiles.get(old);
          if (f == null) {
            f = previous.read(SearchEngineExport.DIR + oldParts.get(old).path());
            if (f.length != oldParts.get(old).bytes()) return Optional.empty();
            oldFiles.put(old, f);
          }
          buf.write(f, (int) offset[pos], oldSizes[pos]);
        }
        buf.writeBytes(shape.tail);
        byte[] data = buf.toByteArray();
        String sha = Checksums.sha256(data);
        files.add(new ExportFile(SearchEngineExport.DIR + path, data, shape.type));
        parts.add(new SearchEngineExport.Part(path, end - start, data.length, sha, docs.get(order[start]).id(),
            docs.get(order[end - 1]).id()));
      }
      return Optional.of(parts);
    }
  }
}
