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
import org.apache.lucene.index.LeafReader;
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

  /** What was written, for the build summary and benchmarks. */
  public record Stats(int files, long bytes, int shards, int terms) {}

  public static Stats write(DirectoryReader reader, List<SearchDoc> docs, Catalogue catalogue, OutputSink out)
      throws IOException {
    if (reader.leaves().size() > 1) throw new IllegalStateException("index must have one segment");
    if (reader.maxDoc() != docs.size()) throw new IllegalStateException("index and documents differ");
    Counter counter = new Counter(out);
    IndexSearcher searcher = new IndexSearcher(reader);
    BM25Similarity bm25 = new BM25Similarity();
    LeafReader leaf = reader.leaves().isEmpty() ? null : reader.leaves().get(0).reader();

    List<String> fields = SearchFields.SEARCHED.stream().map(SearchFields.Field::name).toList();
    long rawPostings = 0;
    for (String f : fields) {
      Terms terms = leaf == null ? null : leaf.terms(f);
      if (terms != null) rawPostings += terms.getSumTotalTermFreq() * 2 + terms.getSumDocFreq() * 3;
    }
    // More shards mean fewer bytes per query (a shard holds other terms too) but more files: double until the
    // average shard is under the target, at most one shard (two files) per DOCS_PER_SHARD documents.
    int shards = 1;
    while (shards < MAX_SHARDS && rawPostings / shards > SHARD_TARGET_BYTES
        && (long) shards * 2 * DOCS_PER_SHARD <= docs.size()) {
      shards <<= 1;
    }

    Bytes[] t = new Bytes[shards];
    Bytes[] p = new Bytes[shards];
    for (int i = 0; i < shards; i++) {
      t[i] = new Bytes();
      t[i].bytes("GKT1".getBytes(StandardCharsets.US_ASCII));
      p[i] = new Bytes();
    }
    ObjectNode manifest = new ObjectMapper().createObjectNode();
    manifest.put("format", FORMAT);
    manifest.put("analyzer", CharFold.ANALYZER_VERSION);
    manifest.put("docs", docs.size());
    manifest.put("shards", shards);
    manifest.put("block", BLOCK);
    manifest.put("t2sBuckets", T2S_BUCKETS);
    ObjectNode bm = manifest.putObject("bm25");
    bm.put("k1", bm25.getK1());
    bm.put("b", bm25.getB());
    ArrayNode fieldsNode = manifest.putArray("fields");
    int termCount = 0;
    for (int fi = 0; fi < fields.size(); fi++) {
      String f = fields.get(fi);
      ObjectNode fn = fieldsNode.addObject();
      fn.put("name", f);
      fn.put("boost", SearchFields.SEARCHED.get(fi).boost());
      CollectionStatistics cs = leaf == null ? null : searcher.collectionStatistics(f);
      fn.put("docCount", cs == null ? 0 : cs.docCount());
      fn.put("sumTotalTermFreq", cs == null ? 0 : cs.sumTotalTermFreq());
      // The same float Lucene's BM25Similarity computes as avgdl.
      fn.put("avgdl", cs == null ? 1f : (float) (cs.sumTotalTermFreq() / (double) cs.docCount()));
      if (cs == null) continue;
      NumericDocValues norms = leaf.getNormValues(f);
      byte[] normOf = new byte[reader.maxDoc()];
      for (int d = norms.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = norms.nextDoc()) {
        normOf[d] = (byte) norms.longValue();
      }
      counter.write("search/n/" + fi + ".dat", Bytes.gzip(normOf));
      TermsEnum te = leaf.terms(f).iterator();
      Bytes deltas = new Bytes();
      Bytes freqs = new Bytes();
      Bytes normCol = new Bytes();
      PostingsEnum pe = null;
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        termCount++;
        byte[] tb = BytesRef.deepCopyOf(term).bytes;
        int shard = shard(tb, shards);
        float idf = bm25.idfExplain(cs, new TermStatistics(term, te.docFreq(), te.totalTermFreq()))
            .getValue().floatValue();
        // Column by column (doc deltas, then freqs, then norms): gzip compresses each column far better than
        // interleaved triples (deltas of a common term are mostly 1).
        deltas.clear();
        freqs.clear();
        normCol.clear();
        long posStart = p[shard].size();
        pe = te.postings(pe, PostingsEnum.POSITIONS);
        int last = 0;
        for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
          int freq = pe.freq();
          deltas.varint(d - last);
          freqs.varint(freq);
          normCol.u8(normOf[d]);
          last = d;
          int lastPos = 0;
          for (int i = 0; i < freq; i++) {
            int pos = pe.nextPosition();
            p[shard].varint(pos - lastPos);
            lastPos = pos;
          }
        }
        // Norms travel with a posting list only when it is short; the client takes a common term's norms from
        // the field's norms file, fetched once however many common terms a query has.
        boolean inline = (long) te.docFreq() * INLINE_NORMS_RATIO < reader.maxDoc();
        if (!inline) normCol.clear();
        t[shard].u8(fi | (inline ? 0 : 0x80)).varint(tb.length).bytes(tb).f32(idf).varint(te.docFreq())
            .varint(deltas.size() + freqs.size() + normCol.size())
            .bytes(deltas).bytes(freqs).bytes(normCol).varint(posStart).varint(p[shard].size() - posStart);
      }
    }
    // Compress shards on every core; write them in shard order.
    byte[][] tz = new byte[shards][];
    byte[][] pz = new byte[shards][];
    java.util.stream.IntStream.range(0, shards).parallel().forEach(i -> {
      tz[i] = t[i].gzip();
      pz[i] = p[i].gzip();
      t[i] = null;
      p[i] = null;
    });
    for (int i = 0; i < shards; i++) {
      counter.write(String.format(Locale.ROOT, "search/t/%x.dat", i), tz[i]);
      counter.write(String.format(Locale.ROOT, "search/p/%x.dat", i), pz[i]);
    }

    writeBlocks(docs, counter);
    writeFacets(docs, catalogue, manifest.putObject("facets"), counter);
    writeT2s(counter, manifest);
    counter.write("search/manifest.json",
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    return new Stats(counter.files, counter.bytes, shards, termCount);
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

  private static void writeBlocks(List<SearchDoc> docs, Counter out) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (int start = 0, n = 0; start < docs.size(); start += BLOCK, n++) {
      ArrayNode block = json.createArrayNode();
      for (SearchDoc d : docs.subList(start, Math.min(docs.size(), start + BLOCK))) {
        ArrayNode a = block.addArray();
        a.add(d.id()).add(d.title()).add(d.url()).add(d.date()).add(d.summary())
            .add(d.number().lines().findFirst().orElse(""));
      }
      out.write(String.format(Locale.ROOT, "search/d/%x.dat", n), Bytes.gzip(json.writeValueAsBytes(block)));
    }
  }

  /** Value lists in a stable order (catalogue order for domains and items, sorted otherwise); index 0 is "none". */
  private static void writeFacets(List<SearchDoc> docs, Catalogue catalogue, ObjectNode node, Counter out)
      throws IOException {
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
    for (String f : List.of("year", "agency", "validity", "kind")) {
      Map<String, String> sorted = new TreeMap<>(f.equals("year") ? java.util.Comparator.reverseOrder() : null);
      for (SearchDoc d : docs) sorted.put(value(d, f), value(d, f));
      Map<String, String> v = new LinkedHashMap<>();
      v.put("", "");
      sorted.forEach((k, x) -> { if (!k.isEmpty()) v.put(k, x); });
      values.put(f, v);
    }
    Bytes col = new Bytes();
    for (String f : SearchFields.FACETS) {
      List<String> keys = new ArrayList<>(values.get(f).keySet());
      Map<String, Integer> ord = new java.util.HashMap<>();
      for (int i = 0; i < keys.size(); i++) ord.put(keys.get(i), i);
      ArrayNode list = node.putArray(f);
      values.get(f).forEach((k, label) -> list.addArray().add(k).add(label));
      for (SearchDoc d : docs) col.u16(ord.getOrDefault(value(d, f), 0));
    }
    out.write("search/facets.dat", Bytes.gzip(col.toByteArray()));
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

  private static void writeT2s(Counter out, ObjectNode manifest) throws IOException {
    StringBuilder[] buckets = new StringBuilder[T2S_BUCKETS];
    for (int i = 0; i < T2S_BUCKETS; i++) buckets[i] = new StringBuilder();
    CharFold.traditionalToSimplified().forEach((from, to) -> buckets[from % T2S_BUCKETS].append(from).append(to));
    for (int i = 0; i < T2S_BUCKETS; i++) {
      out.write(String.format(Locale.ROOT, "search/t2s/%d.txt", i),
          buckets[i].toString().getBytes(StandardCharsets.UTF_8));
    }
    manifest.put("brackets", CharFold.bracketSources());
  }

  private static final class Counter {
    final OutputSink sink;
    int files;
    long bytes;

    Counter(OutputSink sink) {
      this.sink = sink;
    }

    void write(String path, byte[] data) throws IOException {
      sink.write(path, data);
      files++;
      bytes += data.length;
    }
  }
}
