package dev.gongkai.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gongkai.index.analysis.CharFold;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.write.OutputSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Stage "export" of the search index: writes {@code search/} for the browser client from the Lucene index, so that
 * the client scores exactly as Lucene does. Files (all but the manifest and the T→S tables are gzip, {@code .dat}):
 *
 * <ul>
 *   <li>{@code manifest.json}: analyzer version, document count, per-field boost and BM25 collection statistics,
 *       shard count, block size, facet value lists.
 *   <li>{@code t/<shard>.dat}: every (field, term) whose term hashes (FNV-1a 32 of its UTF-8) to the shard: the term,
 *       its BM25 idf (float32, computed here by Lucene's own BM25Similarity), doc frequency, and postings as three
 *       columns: doc id deltas, freqs (varints) and norm bytes. The field byte's high bit says the norms are not
 *       inline (a common term): the client reads them from {@code n/<field>.dat}. A query fetches the shards of its
 *       own terms and nothing else of the index but, for common terms, the norms.
 *   <li>{@code p/<shard>.dat}: the positions of the same entries, fetched only for phrase queries.
 *   <li>{@code n/<field>.dat}: the norm byte of every document in the field (0 when absent).
 *   <li>{@code d/<block>.dat}: display data (id, title, url, date, summary, 文号) of {@code block} documents each.
 *   <li>{@code facets.dat}: one uint16 per document per facet, indexes into the manifest's value lists.
 *   <li>{@code t2s/<n>.txt}: Traditional → Simplified pairs of the characters whose code point mod 32 is n.
 * </ul>
 *
 * A pure function of the index and documents: the same input gives the same bytes.
 */
public final class SearchExport {
  /** Documents per display block: a top-10 page touches few blocks while the file count stays low. */
  public static final int BLOCK = 8;
  /** Target raw size of a term shard: shards double until the average is below it. */
  static final long SHARD_TARGET_BYTES = 24 * 1024;
  static final int MAX_SHARDS = 4096;
  static final int DOCS_PER_SHARD = 8;
  /** Norms are inlined in a posting list when it covers fewer than 1 / this of the documents. */
  static final int INLINE_NORMS_RATIO = 8;
  static final int T2S_BUCKETS = 32;
  static final int FORMAT = 1;

  private SearchExport() {}

  /** What was written, for the build summary and benchmarks, and what a later patch needs ({@link #shape}). */
  public record Stats(int files, long bytes, int shards, int terms, Shape shape) {}

  /**
   * Collection statistics of one searched field (what BM25 and the manifest need).
   *
   * @param docCount documents with at least one term in the field
   */
  public record FieldStats(int docCount, long sumTotalTermFreq, long sumDocFreq) {}

  /**
   * The numbers an export was laid out by: {@link SearchPatch} patches an export only when the new documents give
   * the same shard count and document counts per field (else every idf or every shard would change).
   *
   * @param fields one per {@link SearchFields#SEARCHED}, in order
   */
  public record Shape(int docs, int shards, List<FieldStats> fields) {
    public Shape {
      fields = List.copyOf(fields);
    }
  }

  public static Stats write(DirectoryReader reader, List<SearchDoc> docs, Catalogue catalogue, OutputSink out)
      throws IOException {
    if (reader.maxDoc() != docs.size()) throw new IllegalStateException("index and documents differ");
    Counter counter = new Counter(out);
    IndexSearcher searcher = new IndexSearcher(reader);
    BM25Similarity bm25 = new BM25Similarity();

    List<String> fields = SearchFields.SEARCHED.stream().map(SearchFields.Field::name).toList();
    List<FieldStats> stats = new ArrayList<>();
    Terms[] termsOf = new Terms[fields.size()];
    for (int fi = 0; fi < fields.size(); fi++) {
      // The segments as one: terms merged in order, doc ids and statistics those of the whole index.
      Terms terms = termsOf[fi] = MultiTerms.getTerms(reader, fields.get(fi));
      stats.add(terms == null ? new FieldStats(0, 0, 0)
          : new FieldStats(terms.getDocCount(), terms.getSumTotalTermFreq(), terms.getSumDocFreq()));
    }
    int shards = shards(stats, docs.size());

    Bytes[] t = new Bytes[shards];
    Bytes[] p = new Bytes[shards];
    for (int i = 0; i < shards; i++) {
      t[i] = shardHeader(new Bytes());
      p[i] = new Bytes();
    }
    int termCount = 0;
    Entry entry = new Entry();
    for (int fi = 0; fi < fields.size(); fi++) {
      String f = fields.get(fi);
      Terms terms = termsOf[fi];
      CollectionStatistics cs = terms == null ? null : searcher.collectionStatistics(f);
      if (cs == null) continue;
      NumericDocValues norms = MultiDocValues.getNormValues(reader, f);
      byte[] normOf = new byte[reader.maxDoc()];
      for (int d = norms.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = norms.nextDoc()) {
        normOf[d] = (byte) norms.longValue();
      }
      counter.write(normsPath(fi), Bytes.gzip(normOf));
      TermsEnum te = terms.iterator();
      PostingsEnum pe = null;
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        termCount++;
        byte[] tb = BytesRef.deepCopyOf(term).bytes;
        int shard = shard(tb, shards);
        float idf = bm25.idfExplain(cs, new TermStatistics(term, te.docFreq(), te.totalTermFreq()))
            .getValue().floatValue();
        entry.start(p[shard]);
        pe = te.postings(pe, PostingsEnum.POSITIONS);
        for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
          int freq = pe.freq();
          entry.doc(d, freq, normOf[d]);
          for (int i = 0; i < freq; i++) entry.position(pe.nextPosition());
        }
        entry.finish(t[shard], fi, tb, idf, reader.maxDoc());
      }
    }
    // Compress shards on every core; write them in shard order.
    byte[][] tz = new byte[shards][];
    byte[][] pz = new byte[shards][];
    java.util.stream.IntStream.range(0, shards).parallel().forEach(i -> {
      tz[i] = t[i].gzipTerms();
      pz[i] = p[i].gzipEntropyOnly();
      t[i] = null;
      p[i] = null;
    });
    for (int i = 0; i < shards; i++) {
      counter.write(termsPath(i), tz[i]);
      counter.write(positionsPath(i), pz[i]);
    }
    for (int n = 0; n * BLOCK < docs.size(); n++) counter.write(blockPath(n), block(docs, n));
    Shape shape = new Shape(docs.size(), shards, stats);
    writeCommon(docs, catalogue, shape, counter);
    return new Stats(counter.files, counter.bytes, shards, termCount, shape);
  }

  /**
   * More shards mean fewer bytes per query (a shard holds other terms too) but more files: double until the
   * average shard is under the target, at most one shard (two files) per DOCS_PER_SHARD documents.
   */
  static int shards(List<FieldStats> fields, int docs) {
    long rawPostings = 0;
    for (FieldStats f : fields) rawPostings += f.sumTotalTermFreq() * 2 + f.sumDocFreq() * 3;
    int shards = 1;
    while (shards < MAX_SHARDS && rawPostings / shards > SHARD_TARGET_BYTES
        && (long) shards * 2 * DOCS_PER_SHARD <= docs) {
      shards <<= 1;
    }
    return shards;
  }

  private static final PathTable TERMS = new PathTable("search/t/%x.dat");
  private static final PathTable POSITIONS = new PathTable("search/p/%x.dat");
  private static final PathTable BLOCKS = new PathTable("search/d/%x.dat");

  static String termsPath(int shard) {
    return TERMS.get(shard);
  }

  static String positionsPath(int shard) {
    return POSITIONS.get(shard);
  }

  static String normsPath(int field) {
    return "search/n/" + field + ".dat";
  }

  static String blockPath(int block) {
    return BLOCKS.get(block);
  }

  static Bytes shardHeader(Bytes t) {
    return t.bytes("GKT1".getBytes(StandardCharsets.US_ASCII));
  }

  /** The BM25 idf Lucene computes for a term of {@code df} documents in a field of {@code docCount}. */
  static float idf(BM25Similarity bm25, String field, int maxDoc, FieldStats fs, BytesRef term, long df, long ttf) {
    CollectionStatistics cs =
        new CollectionStatistics(field, maxDoc, fs.docCount(), fs.sumTotalTermFreq(), fs.sumDocFreq());
    return bm25.idfExplain(cs, new TermStatistics(term, df, ttf)).getValue().floatValue();
  }

  /**
   * Encodes one (field, term) entry of a term shard and its positions: {@link #start}, then per document in doc id
   * order {@link #doc} followed by its {@link #position}s, then {@link #finish}. Reused across entries.
   */
  static final class Entry {
    // Column by column (doc deltas, then freqs, then norms): gzip compresses each column far better than
    // interleaved triples (deltas of a common term are mostly 1).
    private final Bytes deltas = new Bytes();
    private final Bytes freqs = new Bytes();
    private final Bytes normCol = new Bytes();
    private Bytes positions;
    private long posStart;
    private int last;
    private int lastPos;
    private int df;

    void start(Bytes positions) {
      deltas.clear();
      freqs.clear();
      normCol.clear();
      this.positions = positions;
      posStart = positions.size();
      last = 0;
      df = 0;
    }

    void doc(int d, int freq, byte norm) {
      deltas.varint(d - last);
      freqs.varint(freq);
      normCol.u8(norm);
      last = d;
      lastPos = 0;
      df++;
    }

    void position(int pos) {
      positions.varint(pos - lastPos);
      lastPos = pos;
    }

    int docFreq() {
      return df;
    }

    void finish(Bytes t, int field, byte[] term, float idf, int maxDoc) {
      // Norms travel with a posting list only when it is short; the client takes a common term's norms from
      // the field's norms file, fetched once however many common terms a query has.
      boolean inline = (long) df * INLINE_NORMS_RATIO < maxDoc;
      if (!inline) normCol.clear();
      t.u8(field | (inline ? 0 : 0x80)).varint(term.length).bytes(term).f32(idf).varint(df)
          .varint(deltas.size() + freqs.size() + normCol.size())
          .bytes(deltas).bytes(freqs).bytes(normCol).varint(posStart).varint(positions.size() - posStart);
    }
  }

  /** The files that depend on all documents but not on their terms: facets, T→S tables and the manifest. */
  static void writeCommon(List<SearchDoc> docs, Catalogue catalogue, Shape shape, OutputSink out)
      throws IOException {
    writeCommon(docs, catalogue, shape, out, null);
  }

  /**
   * As {@link #writeCommon(List, Catalogue, Shape, OutputSink)}; {@code keptFacets}, when not null, is the last
   * build's manifest {@code facets} entry, which the caller knows still describes the documents (a patch whose
   * changed documents kept their facet values, with the catalogue's lists unchanged): it is copied, and
   * {@code facets.dat} kept, instead of going through every document again.
   */
  static void writeCommon(List<SearchDoc> docs, Catalogue catalogue, Shape shape, OutputSink out,
      com.fasterxml.jackson.databind.JsonNode keptFacets) throws IOException {
    BM25Similarity bm25 = new BM25Similarity();
    ObjectNode manifest = new ObjectMapper().createObjectNode();
    manifest.put("format", FORMAT);
    manifest.put("analyzer", CharFold.ANALYZER_VERSION);
    manifest.put("docs", docs.size());
    manifest.put("shards", shape.shards());
    manifest.put("block", BLOCK);
    manifest.put("t2sBuckets", T2S_BUCKETS);
    ObjectNode bm = manifest.putObject("bm25");
    bm.put("k1", bm25.getK1());
    bm.put("b", bm25.getB());
    ArrayNode fieldsNode = manifest.putArray("fields");
    for (int fi = 0; fi < SearchFields.SEARCHED.size(); fi++) {
      FieldStats cs = shape.fields().get(fi);
      ObjectNode fn = fieldsNode.addObject();
      fn.put("name", SearchFields.SEARCHED.get(fi).name());
      fn.put("boost", SearchFields.SEARCHED.get(fi).boost());
      fn.put("docCount", cs.docCount());
      fn.put("sumTotalTermFreq", cs.sumTotalTermFreq());
      // The same float Lucene's BM25Similarity computes as avgdl.
      fn.put("avgdl", cs.docCount() == 0 ? 1f : (float) (cs.sumTotalTermFreq() / (double) cs.docCount()));
    }
    if (keptFacets != null) {
      manifest.set("facets", keptFacets.deepCopy());
      out.keep(FACETS_PATH);
    } else {
      writeFacets(docs, catalogue, manifest.putObject("facets"), out);
    }
    writeT2s(out, manifest);
    out.write(MANIFEST_PATH, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
  }

  /** FNV-1a, 32 bits, over the UTF-8 bytes of a term; the client computes the same. */
  static int shard(byte[] utf8, int shards) {
    int h = 0x811C9DC5;
    for (byte b : utf8) {
      h ^= (b & 0xFF);
      h *= 0x01000193;
    }
    return Integer.remainderUnsigned(h, shards);
  }

  /** Display block {@code n}: id, title, url, date, summary and first line of 文号 of {@link #BLOCK} documents. */
  static byte[] block(List<SearchDoc> docs, int n) throws IOException {
    ArrayNode block = new ObjectMapper().createArrayNode();
    int start = n * BLOCK;
    for (SearchDoc d : docs.subList(start, Math.min(docs.size(), start + BLOCK))) {
      ArrayNode a = block.addArray();
      a.add(d.id()).add(d.title()).add(d.url()).add(d.date()).add(d.summary())
          .add(d.number().lines().findFirst().orElse(""));
    }
    return Bytes.gzip(BLOCK_JSON.writeValueAsBytes(block));
  }

  private static final ObjectMapper BLOCK_JSON = new ObjectMapper();

  /** Value lists in a stable order (catalogue order for domains and items, sorted otherwise); index 0 is "none". */
  private static void writeFacets(List<SearchDoc> docs, Catalogue catalogue, ObjectNode node, OutputSink out)
      throws IOException {
    // One pass over the documents: each facet's values get a number as first seen, and each document one number per
    // facet. (A pass per facet visited every document ten times; at 100,000 documents spread over the heap each visit
    // is a cache miss, and the passes took 0.3 s of each edit.)
    List<String> facets = SearchFields.FACETS;
    int n = docs.size();
    List<Map<String, Integer>> seen = new ArrayList<>();
    for (int f = 0; f < facets.size(); f++) seen.add(new java.util.HashMap<>());
    int[][] ids = new int[facets.size()][n];
    for (int i = 0; i < n; i++) {
      SearchDoc d = docs.get(i);
      for (int f = 0; f < facets.size(); f++) {
        Map<String, Integer> m = seen.get(f);
        String v = value(d, facets.get(f));
        Integer id = m.get(v);
        if (id == null) m.put(v, id = m.size());
        ids[f][i] = id;
      }
    }
    Map<String, Map<String, String>> values = catalogueFacets(catalogue);
    for (String f : List.of("year", "agency", "validity", "kind")) {
      Map<String, String> sorted = new TreeMap<>(f.equals("year") ? java.util.Comparator.reverseOrder() : null);
      for (String v : seen.get(facets.indexOf(f)).keySet()) sorted.put(v, v);
      Map<String, String> v = new LinkedHashMap<>();
      v.put("", "");
      sorted.forEach((k, x) -> { if (!k.isEmpty()) v.put(k, x); });
      values.put(f, v);
    }
    Bytes col = new Bytes();
    for (int f = 0; f < facets.size(); f++) {
      List<String> keys = new ArrayList<>(values.get(facets.get(f)).keySet());
      Map<String, Integer> ord = new java.util.HashMap<>();
      for (int i = 0; i < keys.size(); i++) ord.put(keys.get(i), i);
      ArrayNode list = node.putArray(facets.get(f));
      values.get(facets.get(f)).forEach((k, label) -> list.addArray().add(k).add(label));
      // The first-seen numbers of this facet's values → their index in the list (0, "none", when not listed).
      int[] ordOf = new int[seen.get(f).size()];
      seen.get(f).forEach((v, id) -> ordOf[id] = ord.getOrDefault(v, 0));
      for (int i = 0; i < n; i++) col.u16(ordOf[ids[f][i]]);
    }
    out.write(FACETS_PATH, Bytes.gzip(col.toByteArray()));
  }

  static final String FACETS_PATH = "search/facets.dat";
  static final String MANIFEST_PATH = "search/manifest.json";

  /** The value lists of the facets the catalogue decides ({@code domain}, {@code item}), each with "none" first. */
  static Map<String, Map<String, String>> catalogueFacets(Catalogue catalogue) {
    Map<String, Map<String, String>> values = new LinkedHashMap<>();
    Map<String, String> domains = new LinkedHashMap<>();
    Map<String, String> items = new LinkedHashMap<>();
    domains.put("", "");
    items.put("", "");
    for (Catalogue.Domain d : catalogue.domains()) {
      domains.put(d.slug(), d.name());
      for (CatalogueItem it : d.items()) items.put(it.code(), it.level1() + " / " + it.level2());
    }
    values.put("domain", domains);
    values.put("item", items);
    return values;
  }

  /**
   * The {@code facets} entry of a manifest written by this code ({@code manifest}, its bytes) if its catalogue lists
   * are those of {@code catalogue}, else null.
   */
  static com.fasterxml.jackson.databind.JsonNode facetsIfCatalogue(byte[] manifest, Catalogue catalogue) {
    com.fasterxml.jackson.databind.JsonNode facets;
    try {
      facets = new ObjectMapper().readTree(manifest).get("facets");
    } catch (IOException e) {
      return null;
    }
    if (facets == null || !facets.isObject()) return null;
    for (Map.Entry<String, Map<String, String>> f : catalogueFacets(catalogue).entrySet()) {
      com.fasterxml.jackson.databind.JsonNode list = facets.get(f.getKey());
      if (list == null || !list.isArray() || list.size() != f.getValue().size()) return null;
      int i = 0;
      for (Map.Entry<String, String> v : f.getValue().entrySet()) {
        com.fasterxml.jackson.databind.JsonNode pair = list.get(i++);
        if (pair.size() != 2 || !v.getKey().equals(pair.get(0).asText()) || !v.getValue().equals(pair.get(1).asText())) {
          return null;
        }
      }
    }
    return facets;
  }

  static String value(SearchDoc d, String facet) {
    return switch (facet) {
      case "domain" -> d.domain();
      case "item" -> d.item();
      case "year" -> d.year();
      case "agency" -> d.agency();
      case "validity" -> d.validity();
      case "kind" -> d.kind();
      default -> throw new IllegalArgumentException(facet);
    };
  }

  private static void writeT2s(OutputSink out, ObjectNode manifest) throws IOException {
    StringBuilder[] buckets = new StringBuilder[T2S_BUCKETS];
    for (int i = 0; i < T2S_BUCKETS; i++) buckets[i] = new StringBuilder();
    CharFold.traditionalToSimplified().forEach((from, to) -> buckets[from % T2S_BUCKETS].append(from).append(to));
    for (int i = 0; i < T2S_BUCKETS; i++) {
      out.write(String.format(Locale.ROOT, "search/t2s/%d.txt", i),
          buckets[i].toString().getBytes(StandardCharsets.UTF_8));
    }
    manifest.put("brackets", CharFold.bracketSources());
  }

  private static final class Counter implements OutputSink {
    final OutputSink sink;
    int files;
    long bytes;

    Counter(OutputSink sink) {
      this.sink = sink;
    }

    @Override
    public void write(String path, byte[] data) throws IOException {
      sink.write(path, data);
      files++;
      bytes += data.length;
    }

    @Override
    public void copy(String path, java.nio.file.Path source) {
      throw new UnsupportedOperationException(path);
    }
  }
}
