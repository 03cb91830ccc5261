package dev.gongkai.index;

import dev.gongkai.model.Catalogue;
import dev.gongkai.write.NotingSink;
import dev.gongkai.write.OutputSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * Updates the browser index a previous build wrote ({@link SearchExport}) for documents that changed in place, without
 * indexing every document again: the bytes written are those a full {@link SearchExport#write} of the new documents
 * would write.
 *
 * <p>Only the changed documents are analysed (a Lucene index of their old and of their new versions). A term's shard is
 * a hash of the term, so only the shards holding a term of an old or new version are read, decoded and written again;
 * every other shard, and every display block without a changed document, is kept. Norms, facets and the manifest are
 * computed again (they are small).
 *
 * <p>What callers must know: a patch applies only when the documents are the same ids in the same order (a document
 * added or removed shifts every doc id), few of them changed, every field keeps its document count (else every idf
 * changes) and the shard count stays the same; otherwise {@link #apply} returns empty, having written nothing, and the
 * caller exports in full. The previous files must be the ones the previous build wrote for {@code before}.
 */
public final class SearchPatch {
  /** Reads a file of the previous build's output, by site-relative path. */
  @FunctionalInterface
  public interface PreviousFiles {
    byte[] read(String path) throws IOException;
  }

  /**
   * A patch applied.
   *
   * @param shape the new export's shape (for the next patch)
   * @param paths every file of the export, written or kept (a read-only set, in no order: sorting 20,000 paths
   *     showed on serve's hot path)
   * @param changed a Lucene index of the changed documents' new versions (for the leak audit's look at stored
   *     fields); the caller closes it and {@code reader}
   * @param changedDocs documents whose content changed
   * @param shardsWritten term shards written again (of {@code shape.shards()})
   */
  public record Result(SearchExport.Shape shape, Set<String> paths, Directory changed, DirectoryReader reader,
      int changedDocs, int shardsWritten) {}

  /**
   * At most this share of the documents may have changed (and at least {@link #MIN_CHANGED} are always allowed):
   * beyond it most shards are affected and the full export is about as fast.
   */
  static final int MAX_CHANGED_PER_MILLE = 50;
  static final int MIN_CHANGED = 16;

  private SearchPatch() {}

  /**
   * Patches the export of {@code before} (laid out as {@code shape}, its files readable through {@code previous})
   * into that of {@code after}, writing changed files to {@code out} and keeping the rest; or returns empty, having
   * written nothing, when the change is not one a patch can make.
   */
  public static Optional<Result> apply(List<SearchDoc> before, SearchExport.Shape shape, List<SearchDoc> after,
      Catalogue catalogue, PreviousFiles previous, OutputSink out) throws IOException {
    int n = after.size();
    if (shape == null || before.size() != n || shape.docs() != n || n == 0
        || shape.fields().size() != SearchFields.SEARCHED.size()) {
      return Optional.empty();
    }
    List<Integer> changed = new ArrayList<>();
    boolean sameFacets = true;
    for (int i = 0; i < n; i++) {
      SearchDoc a = before.get(i);
      SearchDoc b = after.get(i);
      // Most documents are last build's instances (taken from its state): nothing of theirs need be read.
      if (a == b) continue;
      if (!a.id().equals(b.id())) return Optional.empty();
      if (!a.equals(b)) {
        changed.add(i);
        for (String f : SearchFields.FACETS) sameFacets &= SearchExport.value(a, f).equals(SearchExport.value(b, f));
      }
    }
    if (changed.size() > Math.max(MIN_CHANGED, (long) n * MAX_CHANGED_PER_MILLE / 1000)) return Optional.empty();

    Mini old = Mini.of(changed.stream().map(before::get).toList(), changed);
    Mini neu = null;
    boolean done = false;
    try {
      old.close();
      neu = Mini.of(changed.stream().map(after::get).toList(), changed);
      Optional<Result> r = patch(shape, after, catalogue, previous, out, changed, old, neu, sameFacets);
      done = r.isPresent();
      return r;
    } finally {
      if (!done && neu != null) neu.close();
    }
  }

  private static Optional<Result> patch(SearchExport.Shape shape, List<SearchDoc> after, Catalogue catalogue,
      PreviousFiles previous, OutputSink out, List<Integer> changed, Mini old, Mini neu, boolean sameFacets)
      throws IOException {
    int n = after.size();
    int fieldCount = SearchFields.SEARCHED.size();
    List<SearchExport.FieldStats> stats = new ArrayList<>();
    for (int fi = 0; fi < fieldCount; fi++) {
      SearchExport.FieldStats was = shape.fields().get(fi);
      SearchExport.FieldStats o = old.stats[fi];
      SearchExport.FieldStats w = neu.stats[fi];
      SearchExport.FieldStats now = new SearchExport.FieldStats(was.docCount() - o.docCount() + w.docCount(),
          was.sumTotalTermFreq() - o.sumTotalTermFreq() + w.sumTotalTermFreq(),
          was.sumDocFreq() - o.sumDocFreq() + w.sumDocFreq());
      // A field's document count is in every idf of the field: when it changes, every term entry changes.
      if (now.docCount() != was.docCount()) return Optional.empty();
      stats.add(now);
    }
    SearchExport.Shape next = new SearchExport.Shape(n, shape.shards(), stats);
    if (SearchExport.shards(stats, n) != shape.shards()) return Optional.empty();

    // Every file is computed before the first is written: a patch that cannot apply writes nothing.
    Map<String, byte[]> files = new TreeMap<>();
    byte[][] norms = new byte[fieldCount][];
    for (int fi = 0; fi < fieldCount; fi++) {
      if (stats.get(fi).docCount() == 0) continue;
      byte[] was = gunzip(previous.read(SearchExport.normsPath(fi)));
      if (was.length != n) return Optional.empty();
      for (int j = 0; j < changed.size(); j++) was[changed.get(j)] = neu.norms[fi][j];
      norms[fi] = was;
      files.put(SearchExport.normsPath(fi), Bytes.gzip(was));
    }

    // A term's entry changes when a changed document's postings in it changed, or that document's norm in the
    // field did (norms may be inline). A title edit leaves the body's terms alone.
    Map<Integer, TreeSet<Key>> byShard = new TreeMap<>();
    Set<Key> terms = new HashSet<>(old.postings.keySet());
    terms.addAll(neu.postings.keySet());
    for (Key k : terms) {
      if (unchanged(old.postings.get(k), neu.postings.get(k), old.norms[k.field], neu.norms[k.field], changed)) {
        continue;
      }
      byShard.computeIfAbsent(SearchExport.shard(k.termBytes(), shape.shards()), s -> new TreeSet<>()).add(k);
    }
    BitSet isChanged = new BitSet(n);
    changed.forEach(isChanged::set);
    BM25Similarity bm25 = new BM25Similarity();
    List<Integer> shardList = new ArrayList<>(byShard.keySet());
    byte[][][] rewritten = new byte[shardList.size()][][];
    IOException[] failure = new IOException[1];
    // Shards are independent: decode, merge and compress them on every core.
    IntStream.range(0, shardList.size()).parallel().forEach(i -> {
      int s = shardList.get(i);
      try {
        rewritten[i] = rewriteShard(previous.read(SearchExport.termsPath(s)),
            previous.read(SearchExport.positionsPath(s)), byShard.get(s), neu, isChanged, norms, stats, n, bm25);
      } catch (IOException e) {
        synchronized (failure) {
          failure[0] = e;
        }
      }
    });
    if (failure[0] != null) throw failure[0];
    for (int i = 0; i < shardList.size(); i++) {
      if (rewritten[i] == null) return Optional.empty(); // not a shard this code wrote
      files.put(SearchExport.termsPath(shardList.get(i)), rewritten[i][0]);
      files.put(SearchExport.positionsPath(shardList.get(i)), rewritten[i][1]);
    }
    TreeSet<Integer> blocks = new TreeSet<>();
    for (int i : changed) blocks.add(i / SearchExport.BLOCK);
    for (int b : blocks) files.put(SearchExport.blockPath(b), SearchExport.block(after, b));

    NotingSink noted = new NotingSink(out, files.size() + 2 * shape.shards() + n / SearchExport.BLOCK + 16);
    for (Map.Entry<String, byte[]> f : files.entrySet()) noted.write(f.getKey(), f.getValue());
    // The rest of the shards and blocks are kept, found by number (at 100,000 documents, some 20,000 files).
    BitSet rewrittenShards = new BitSet(shape.shards());
    shardList.forEach(rewrittenShards::set);
    for (int s = rewrittenShards.nextClearBit(0); s < shape.shards(); s = rewrittenShards.nextClearBit(s + 1)) {
      noted.keep(SearchExport.termsPath(s));
      noted.keep(SearchExport.positionsPath(s));
    }
    for (int b = 0; b * SearchExport.BLOCK < n; b++) if (!blocks.contains(b)) noted.keep(SearchExport.blockPath(b));
    // The changed documents kept their facet values (a title or body edit): every document's facet column and the
    // value lists are as before, unless the catalogue's lists changed; then the last build's facets are kept.
    com.fasterxml.jackson.databind.JsonNode keptFacets = sameFacets
        ? SearchExport.facetsIfCatalogue(previous.read(SearchExport.MANIFEST_PATH), catalogue) : null;
    SearchExport.writeCommon(after, catalogue, next, noted, keptFacets);
    return Optional.of(new Result(next, noted.pathSet(), neu.dir, neu.reader, changed.size(), shardList.size()));
  }

  /** Whether a term's postings in the changed documents, and those documents' norms, are the same in both. */
  private static boolean unchanged(Postings a, Postings b, byte[] normsA, byte[] normsB, List<Integer> changed) {
    if (a == null || b == null || !Arrays.equals(a.docs, b.docs)) return false;
    for (int i = 0; i < a.docs.length; i++) {
      if (!Arrays.equals(a.positions[i], b.positions[i])) return false;
      int j = Collections.binarySearch(changed, a.docs[i]);
      if (normsA[j] != normsB[j]) return false;
    }
    return true;
  }

  /**
   * One shard written again: unaffected entries are copied (their positions re-based), affected ones are decoded,
   * the changed documents' old postings dropped and their new ones merged in, and encoded as the export does.
   * Returns {gzip(terms), gzip(positions)}, or null when the old shard is not in the expected format.
   */
  private static byte[][] rewriteShard(byte[] tz, byte[] pz, TreeSet<Key> affected, Mini neu, BitSet isChanged,
      byte[][] norms, List<SearchExport.FieldStats> stats, int n, BM25Similarity bm25) throws IOException {
    byte[] t = gunzip(tz);
    byte[] p = gunzip(pz);
    if (t.length < 4 || !new String(t, 0, 4, StandardCharsets.US_ASCII).equals("GKT1")) return null;
    TreeMap<Key, int[]> entries = new TreeMap<>(); // key → {entry start, postings end, posStart, posLen}
    In in = new In(t, 4);
    while (in.pos < t.length) {
      int start = in.pos;
      int fieldByte = in.u8();
      int len = (int) in.varint();
      byte[] term = Arrays.copyOfRange(t, in.pos, in.pos + len);
      in.pos += len + 4; // term, idf
      in.varint(); // df
      int postingsLen = (int) in.varint();
      in.pos += postingsLen;
      int postingsEnd = in.pos;
      int posStart = (int) in.varint();
      int posLen = (int) in.varint();
      entries.put(new Key(fieldByte & 0x7F, new BytesRef(term)), new int[] {start, postingsEnd, posStart, posLen});
    }
    TreeSet<Key> all = new TreeSet<>(entries.keySet());
    all.addAll(affected);
    Bytes tOut = SearchExport.shardHeader(new Bytes());
    Bytes pOut = new Bytes();
    SearchExport.Entry entry = new SearchExport.Entry();
    for (Key k : all) {
      int[] e = entries.get(k);
      if (!affected.contains(k)) {
        tOut.bytes(t, e[0], e[1] - e[0]).varint(pOut.size()).varint(e[3]);
        pOut.bytes(p, e[2], e[3]);
        continue;
      }
      Postings added = neu.postings.get(k);
      entry.start(pOut);
      int next = 0; // index into added
      long ttf = 0;
      if (e != null) {
        In te = new In(t, e[0]);
        int fieldByte = te.u8();
        int termLen = (int) te.varint();
        te.pos += termLen + 4; // term, idf
        int df = (int) te.varint();
        te.varint(); // postings length
        int[] docs = new int[df];
        int[] freqs = new int[df];
        int last = 0;
        for (int i = 0; i < df; i++) docs[i] = last += (int) te.varint();
        for (int i = 0; i < df; i++) freqs[i] = (int) te.varint();
        In pe = new In(p, e[2]);
        for (int i = 0; i < df; i++) {
          while (added != null && next < added.docs.length && added.docs[next] < docs[i]) {
            ttf += add(entry, added, next++, norms[k.field]);
          }
          if (isChanged.get(docs[i])) {
            for (int j = 0; j < freqs[i]; j++) pe.varint(); // the old version's positions: dropped
            continue;
          }
          entry.doc(docs[i], freqs[i], norms[k.field][docs[i]]);
          ttf += freqs[i];
          int pos = 0;
          for (int j = 0; j < freqs[i]; j++) entry.position(pos += (int) pe.varint());
        }
        if ((fieldByte & 0x7F) != k.field) return null;
      }
      while (added != null && next < added.docs.length) ttf += add(entry, added, next++, norms[k.field]);
      if (entry.docFreq() == 0) continue; // no document has the term any more
      float idf = SearchExport.idf(bm25, SearchFields.SEARCHED.get(k.field).name(), n, stats.get(k.field), k.term,
          entry.docFreq(), ttf);
      entry.finish(tOut, k.field, k.termBytes(), idf, n);
    }
    return new byte[][] {tOut.gzipTerms(), pOut.gzipEntropyOnly()};
  }

  private static int add(SearchExport.Entry entry, Postings added, int i, byte[] norms) {
    int d = added.docs[i];
    entry.doc(d, added.positions[i].length, norms[d]);
    for (int pos : added.positions[i]) entry.position(pos);
    return added.positions[i].length;
  }

  /** A field and a term, ordered as the export writes entries: field, then term bytes (unsigned). */
  record Key(int field, BytesRef term) implements Comparable<Key> {
    byte[] termBytes() {
      return BytesRef.deepCopyOf(term).bytes;
    }

    @Override
    public int compareTo(Key o) {
      return field != o.field ? Integer.compare(field, o.field) : term.compareTo(o.term);
    }
  }

  /** A term's postings in the changed documents: global doc ids (ascending) and each one's positions. */
  record Postings(int[] docs, int[][] positions) {}

  /** The changed documents (one version of them) indexed on their own, read back per term. */
  private static final class Mini {
    final Directory dir;
    final DirectoryReader reader;
    final Map<Key, Postings> postings = new HashMap<>();
    final SearchExport.FieldStats[] stats = new SearchExport.FieldStats[SearchFields.SEARCHED.size()];
    /** Per field, per changed document: its norm byte (0 when it has no terms in the field). */
    final byte[][] norms = new byte[SearchFields.SEARCHED.size()][];

    private Mini(Directory dir, DirectoryReader reader) {
      this.dir = dir;
      this.reader = reader;
    }

    /** {@code global.get(j)} is the doc id in the whole export of {@code docs.get(j)}. */
    static Mini of(List<SearchDoc> docs, List<Integer> global) throws IOException {
      Directory dir = SearchIndex.build(docs);
      Mini m = new Mini(dir, DirectoryReader.open(dir));
      for (int fi = 0; fi < SearchFields.SEARCHED.size(); fi++) {
        String f = SearchFields.SEARCHED.get(fi).name();
        m.norms[fi] = new byte[docs.size()];
        Terms terms = MultiTerms.getTerms(m.reader, f);
        if (terms == null) {
          m.stats[fi] = new SearchExport.FieldStats(0, 0, 0);
          continue;
        }
        m.stats[fi] =
            new SearchExport.FieldStats(terms.getDocCount(), terms.getSumTotalTermFreq(), terms.getSumDocFreq());
        NumericDocValues nv = MultiDocValues.getNormValues(m.reader, f);
        for (int d = nv.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = nv.nextDoc()) {
          m.norms[fi][d] = (byte) nv.longValue();
        }
        TermsEnum te = terms.iterator();
        PostingsEnum pe = null;
        for (BytesRef term = te.next(); term != null; term = te.next()) {
          pe = te.postings(pe, PostingsEnum.POSITIONS);
          int[] ds = new int[te.docFreq()];
          int[][] ps = new int[ds.length][];
          int i = 0;
          for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc(), i++) {
            ds[i] = global.get(d);
            ps[i] = new int[pe.freq()];
            for (int j = 0; j < ps[i].length; j++) ps[i][j] = pe.nextPosition();
          }
          m.postings.put(new Key(fi, BytesRef.deepCopyOf(term)), new Postings(ds, ps));
        }
      }
      return m;
    }

    void close() throws IOException {
      try (Directory d = dir; DirectoryReader r = reader) {
        // reader first, then the directory
      }
    }
  }

  /** Reads the export's encodings back. */
  private static final class In {
    final byte[] b;
    int pos;

    In(byte[] b, int pos) {
      this.b = b;
      this.pos = pos;
    }

    int u8() {
      return b[pos++] & 0xFF;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        int x = b[pos++];
        v |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) return v;
      }
    }
  }

  static byte[] gunzip(byte[] gz) throws IOException {
    return dev.gongkai.write.Gunzip.of(gz);
  }
}
