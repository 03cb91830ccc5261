package dev.gongkai.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.text.Normalizer2;
import dev.gongkai.index.SearchDoc;
import dev.gongkai.index.SearchFields;
import dev.gongkai.index.analysis.CharFold;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The search documents as files that existing distributed search engines load: OpenSearch / Elasticsearch (Bulk API
 * NDJSON and index settings + mappings) and Apache Solr (a configset and JSON update files). Written under
 * {@value #DIR} by every build; a national platform loads them into its own cluster instead of (or as well as) using
 * the portal's static search.
 *
 * <p>Files, relative to {@value #DIR}:
 *
 * <ul>
 *   <li>{@code manifest.json}: format, analyzer version, index name, base URL, document count, field boosts, the
 *       maximum part size, and every part with its document count, bytes, SHA-256, first and last id.
 *   <li>{@code opensearch/bulk-0001.ndjson}, …: Bulk API bodies, an action line
 *       {@code {"index":{"_index":"gongkai","_id":"<id>"}}} then the document line, for every document; each file at
 *       most {@link #PART_BYTES} (a document larger than that gets a file of its own).
 *   <li>{@code opensearch/mapping.json}: {@code PUT /gongkai} body with the ICU plugin ({@code analysis-icu}).
 *   <li>{@code opensearch/mapping-stock.json}: the same for an install without plugins: NFKC case folding and
 *       Traditional → Simplified as one {@code mapping} char filter, character by character.
 *   <li>{@code solr/conf/schema.xml}, {@code solr/conf/solrconfig.xml}: a Solr 9 configset (ICU from the
 *       {@code analysis-extras} module).
 *   <li>{@code solr/docs-0001.json}, …: JSON arrays of documents for {@code /update}, at most {@link #PART_BYTES}
 *       each.
 *   <li>{@code README.txt}: how to load them.
 * </ul>
 *
 * <p>Documents are the {@link SearchDoc}s (so only published data) with the fields {@code id, kind, title, number,
 * body, url} (absolute), {@code date} (ISO; Solr: midnight UTC), and the facets {@code year, domain, item, agency,
 * validity}; a blank value is left out. They are <b>sorted by id</b> ({@link String#compareTo}), whatever the order of
 * the input: the files are a pure function of the set of documents, and the union of independently built parts,
 * sorted the same way, is the export of the whole ({@link SearchEngineMerge}). Same input, same bytes.
 */
public final class SearchEngineExport {
  /** Folder of the export in the site. */
  public static final String DIR = "search/engines/";
  /** Format of the manifest and the files; {@link SearchEngineMerge} merges only its own format. */
  public static final int FORMAT = 1;
  /** Index (OpenSearch) / collection (Solr) name the files use. */
  public static final String INDEX = "gongkai";
  /**
   * Maximum bytes of one bulk or Solr file: 2 MiB, under every common request limit (OpenSearch's default
   * {@code http.max_content_length} is 100 MB; some hosted services accept 10 MiB). Smaller than it need be because
   * an edit rewrites the parts that hold a changed document, and the leak audit reads each rewritten file: at 8 MiB a
   * one-record edit rewrote and scanned 16 MB (BENCHMARKS.md); loading takes a few more requests.
   */
  public static final long PART_BYTES = 2L * 1024 * 1024;

  static final String MANIFEST = "manifest.json";
  static final String MAPPING = "opensearch/mapping.json";
  static final String MAPPING_STOCK = "opensearch/mapping-stock.json";
  static final String SOLR_SCHEMA = "solr/conf/schema.xml";
  static final String SOLR_CONFIG = "solr/conf/solrconfig.xml";
  static final String README = "README.txt";

  /** Analyzer names in the OpenSearch settings; the Solr field type is {@value #SOLR_TEXT_TYPE}. */
  static final String ANALYZER = "gongkai";
  static final String QUERY_ANALYZER = "gongkai_query";
  static final String SOLR_TEXT_TYPE = "text_gongkai";

  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** How a field is indexed, the same in OpenSearch and Solr. */
  enum Kind { KEY, TEXT, URL, DATE }

  /** A field of the documents, in document order. */
  record Field(String name, Kind kind) {}

  /** The fields of every document, in the order they are written. */
  static final List<Field> FIELDS = List.of(
      new Field("id", Kind.KEY),
      new Field("kind", Kind.KEY),
      new Field("title", Kind.TEXT),
      new Field("number", Kind.TEXT),
      new Field("body", Kind.TEXT),
      new Field("url", Kind.URL),
      new Field("date", Kind.DATE),
      new Field("year", Kind.KEY),
      new Field("domain", Kind.KEY),
      new Field("item", Kind.KEY),
      new Field("agency", Kind.KEY),
      new Field("validity", Kind.KEY));

  /**
   * One document in both formats.
   *
   * @param bulk the action line and the document line, each ending in LF
   * @param solr the Solr document, one line, no line end
   */
  record Entry(String id, byte[] bulk, byte[] solr) {}

  /**
   * A file of documents listed in the manifest.
   *
   * @param path relative to {@value #DIR}
   */
  record Part(String path, int documents, long bytes, String sha256, String firstId, String lastId) {}

  private SearchEngineExport() {}

  /**
   * Every file of the export, paths under {@value #DIR}.
   *
   * @param docs the published site's search documents, any order; ids must be unique
   * @param baseUrl the site's absolute base URL, ending in {@code /}
   * @throws IllegalArgumentException on a duplicate id
   */
  public static List<ExportFile> build(List<SearchDoc> docs, String baseUrl) {
    return build(docs, baseUrl, PART_BYTES);
  }

  /** As {@link #build(List, String)}, with at most {@code partBytes} per bulk / Solr file (tests use small parts). */
  public static List<ExportFile> build(List<SearchDoc> docs, String baseUrl, long partBytes) {
    return buildWithLayout(docs, baseUrl, partBytes).files();
  }

  /** The files, and the layout a later {@link SearchEnginePatch} needs. */
  public record Built(List<ExportFile> files, SearchEnginePatch.Layout layout) {}

  /** As {@link #build(List, String, long)}, with the layout of the parts. */
  public static Built buildWithLayout(List<SearchDoc> docs, String baseUrl, long partBytes) {
    List<ExportFile> files = new ArrayList<>();
    SearchEnginePatch.Layout layout;
    try {
      layout = write(docs, baseUrl, partBytes, (f, sha) -> files.add(f));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the list does not throw
    }
    // The bulk parts, then Solr's, then the rest as written.
    files.sort(Comparator.comparingInt(f -> f.path().startsWith(DIR + "opensearch/bulk-") ? 0
        : f.path().startsWith(DIR + "solr/docs-") ? 1 : 2));
    return new Built(List.copyOf(files), layout);
  }

  /** Takes each file of the export as soon as it is complete. */
  @FunctionalInterface
  public interface Sink {
    /** @param sha256 the file's SHA-256, in lower-case hex */
    void accept(ExportFile file, String sha256) throws IOException;
  }

  /**
   * Writes the export to {@code sink}, a part at a time: each document is encoded when its turn comes, so at most one
   * part of each format is held (at 100,000 records the whole export is over 500 MB). Returns the layout a later
   * {@link SearchEnginePatch} needs.
   *
   * @throws IllegalArgumentException on a duplicate id
   */
  public static SearchEnginePatch.Layout write(List<SearchDoc> docs, String baseUrl, long partBytes, Sink sink)
      throws IOException {
    int[] order = idOrder(docs);
    for (int pos = 1; pos < order.length; pos++) {
      if (docs.get(order[pos]).id().equals(docs.get(order[pos - 1]).id())) {
        throw new IllegalArgumentException("duplicate search document id: " + docs.get(order[pos]).id());
      }
    }
    return write(order.length, pos -> entry(docs.get(order[pos]), baseUrl), order, baseUrl, partBytes, sink);
  }

  /** The positions of {@code docs} in id order ({@link String#compareTo}; equal ids in list order). */
  static int[] idOrder(List<SearchDoc> docs) {
    Integer[] order = new Integer[docs.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparing(i -> docs.get(i).id()));
    int[] out = new int[order.length];
    for (int i = 0; i < out.length; i++) out[i] = order[i];
    return out;
  }

  /**
   * As {@link #write(List, String, long, Sink)}, for documents already encoded ({@link SearchEngineMerge}): the
   * entries must be sorted by id without duplicates.
   */
  static SearchEnginePatch.Layout writeEntries(List<Entry> entries, String baseUrl, long partBytes, Sink sink)
      throws IOException {
    return write(entries.size(), entries::get, null, baseUrl, partBytes, sink);
  }

  /** The parts, the static files and the manifest, encoding the entry of position {@code i} when its turn comes. */
  private static SearchEnginePatch.Layout write(int documents, java.util.function.IntFunction<Entry> entry,
      int[] order, String baseUrl, long partBytes, Sink sink) throws IOException {
    if (partBytes < 1) throw new IllegalArgumentException("partBytes must be positive");
    int[] bulkSizes = new int[documents];
    int[] solrSizes = new int[documents];
    Parts bulk = bulkParts(partBytes).to(sink);
    Parts solr = solrParts(partBytes).to(sink);
    for (int i = 0; i < documents; i++) {
      Entry e = entry.apply(i);
      bulkSizes[i] = e.bulk().length;
      solrSizes[i] = e.solr().length;
      bulk.add(e.id(), e.bulk());
      solr.add(e.id(), e.solr());
    }
    bulk.flush();
    solr.flush();
    for (ExportFile f : Static.FILES) sink.accept(f, Checksums.sha256(f.data()));
    ExportFile manifest = manifestFile(baseUrl, documents, partBytes, bulk.parts, solr.parts);
    sink.accept(manifest, Checksums.sha256(manifest.data()));
    return new SearchEnginePatch.Layout(baseUrl, partBytes, bulkSizes, solrSizes, List.copyOf(bulk.parts),
        List.copyOf(solr.parts), order);
  }

  /** One document in both formats. */
  static Entry entry(SearchDoc d, String baseUrl) {
    String url = XmlSupport.absolute(baseUrl, d.url());
    // Jackson's UTF-8 writer escapes every surrogate (a pair as two escapes); the string path writes a pair as
    // its four bytes and a lone half as '?'. Documents with any go that way.
    if (hasSurrogate(d, url)) return entryFromStrings(d, url);
    byte[] action = utf8Json(action(d));
    byte[] doc = utf8Json(g -> document(g, d, url, d.date()));
    if (action == null || doc == null) return entryFromStrings(d, url);
    byte[] bulk = new byte[action.length + doc.length + 2];
    System.arraycopy(action, 0, bulk, 0, action.length);
    bulk[action.length] = '\n';
    System.arraycopy(doc, 0, bulk, action.length + 1, doc.length);
    bulk[bulk.length - 1] = '\n';
    byte[] solr = d.date().isBlank() ? doc : solrDate(doc, d.date());
    return new Entry(d.id(), bulk, solr != null ? solr : utf8(json(g -> document(g, d, url, solrDate(d.date())))));
  }

  /** The Bulk API's action line of {@code d}, without its line end. */
  private static Writes action(SearchDoc d) {
    return g -> {
      g.writeStartObject();
      g.writeObjectFieldStart("index");
      g.writeStringField("_index", INDEX);
      g.writeStringField("_id", d.id());
      g.writeEndObject();
      g.writeEndObject();
    };
  }

  private static boolean hasSurrogate(SearchDoc d, String url) {
    for (String v : new String[] {d.id(), d.kind(), d.title(), d.number(), d.body(), url, d.date(), d.year(),
        d.domain(), d.item(), d.agency(), d.validity()}) {
      for (int i = 0; i < v.length(); i++) {
        if (Character.isSurrogate(v.charAt(i))) return true;
      }
    }
    return false;
  }

  /** Solr's date: midnight UTC of the day. */
  private static String solrDate(String date) {
    return date.isBlank() ? "" : date + "T00:00:00Z";
  }

  /**
   * {@code doc} with its date as Solr's, or null if its date field is not where expected. Outside the keys, every
   * quote inside a JSON string is escaped, so {@code ,"date":"} occurs only as the key itself.
   */
  private static byte[] solrDate(byte[] doc, String date) {
    byte[] key = (",\"date\":\"" + date + "\"").getBytes(StandardCharsets.UTF_8);
    int at = lastIndexOf(doc, key);
    if (at < 0) return null;
    byte[] time = "T00:00:00Z".getBytes(StandardCharsets.US_ASCII);
    int cut = at + key.length - 1; // before the closing quote
    byte[] out = new byte[doc.length + time.length];
    System.arraycopy(doc, 0, out, 0, cut);
    System.arraycopy(time, 0, out, cut, time.length);
    System.arraycopy(doc, cut, out, cut + time.length, doc.length - cut);
    return out;
  }

  private static int lastIndexOf(byte[] b, byte[] key) {
    outer:
    for (int i = b.length - key.length; i >= 0; i--) {
      for (int k = 0; k < key.length; k++) {
        if (b[i + k] != key[k]) continue outer;
      }
      return i;
    }
    return -1;
  }

  /** {@link #entry} through strings, encoded at the end: the reference for it, and its way for unpaired surrogates. */
  static Entry entryFromStrings(SearchDoc d, String url) {
    String action = json(action(d));
    String doc = json(g -> document(g, d, url, d.date()));
    String solr = json(g -> document(g, d, url, solrDate(d.date())));
    return new Entry(d.id(), utf8(action + "\n" + doc + "\n"), utf8(solr));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void document(JsonGenerator g, SearchDoc d, String url, String date) throws IOException {
    g.writeStartObject();
    for (Field f : FIELDS) {
      String v = switch (f.name()) {
        case "id" -> d.id();
        case "kind" -> d.kind();
        case "title" -> d.title();
        case "number" -> d.number();
        case "body" -> d.body();
        case "url" -> url;
        case "date" -> date;
        case "year" -> d.year();
        case "domain" -> d.domain();
        case "item" -> d.item();
        case "agency" -> d.agency();
        case "validity" -> d.validity();
        default -> throw new IllegalStateException(f.name());
      };
      if (!v.isBlank()) g.writeStringField(f.name(), v);
    }
    g.writeEndObject();
  }

  static ExportFile manifestFile(String baseUrl, int documents, long partBytes, List<Part> bulk, List<Part> solr) {
    return file(MANIFEST, pretty(manifest(baseUrl, documents, partBytes, bulk, solr)), "application/json");
  }

  /** OpenSearch's parts: NDJSON pairs back to back. */
  static Parts bulkParts(long partBytes) {
    return new Parts(BULK_PATTERN, "application/x-ndjson", "", "", "", partBytes);
  }

  /** Solr's parts: a JSON array, one document per line: "[\n" doc ",\n" doc "\n]\n". */
  static Parts solrParts(long partBytes) {
    return new Parts(SOLR_PATTERN, "application/json", "[\n", ",\n", "\n]\n", partBytes);
  }

  static final String BULK_PATTERN = "opensearch/bulk-%04d.ndjson";
  static final String SOLR_PATTERN = "solr/docs-%04d.json";

  /**
   * Files of one format being filled: {@code head}, documents separated by {@code separator}, {@code tail}; a file
   * is closed when the next document would take it over {@code limit} bytes (a single larger document gets a file
   * of its own).
   */
  static final class Parts {
    final String pattern;
    final String type;
    final byte[] head;
    final byte[] separator;
    final byte[] tail;
    final long limit;
    final List<Part> parts = new ArrayList<>();
    private Sink sink;
    final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int count;
    String first;
    String last;

    Parts(String pattern, String type, String head, String separator, String tail, long limit) {
      this.pattern = pattern;
      this.type = type;
      this.head = head.getBytes(StandardCharsets.UTF_8);
      this.separator = separator.getBytes(StandardCharsets.UTF_8);
      this.tail = tail.getBytes(StandardCharsets.UTF_8);
      this.limit = limit;
    }

    /** Sends each part to {@code sink} when complete. */
    Parts to(Sink sink) {
      this.sink = sink;
      return this;
    }

    /**
     * The parts {@link #add} would make of documents of these sizes, as {start, end} index ranges: the same rule,
     * without the bytes.
     */
    List<int[]> ranges(int[] sizes) {
      List<int[]> out = new ArrayList<>();
      int start = 0;
      long size = 0;
      for (int i = 0; i < sizes.length; i++) {
        if (i > start && size + separator.length + sizes[i] + tail.length > limit) {
          out.add(new int[] {start, i});
          start = i;
        }
        size = i == start ? head.length + sizes[i] : size + separator.length + sizes[i];
      }
      if (sizes.length > start) out.add(new int[] {start, sizes.length});
      return out;
    }

    void add(String id, byte[] doc) throws IOException {
      if (count > 0 && (long) buf.size() + separator.length + doc.length + tail.length > limit) flush();
      buf.writeBytes(count == 0 ? head : separator);
      buf.writeBytes(doc);
      if (count++ == 0) first = id;
      last = id;
    }

    void flush() throws IOException {
      if (count == 0) return;
      buf.writeBytes(tail);
      byte[] data = buf.toByteArray();
      String path = String.format(Locale.ROOT, pattern, parts.size() + 1);
      String sha = Checksums.sha256(data);
      sink.accept(file(path, data, type), sha);
      parts.add(new Part(path, count, data.length, sha, first, last));
      buf.reset();
      count = 0;
    }
  }

  /** The files that do not depend on the documents: settings, schema, configuration, README. */
  static List<ExportFile> staticFiles() {
    return Static.FILES;
  }

  /** Computed once per JVM: the stock mapping's table takes a pass over every code point (about 0.2 s). */
  private static final class Static {
    static final List<ExportFile> FILES = List.of(
        file(MAPPING, pretty(mapping(false)), "application/json"),
        file(MAPPING_STOCK, pretty(mapping(true)), "application/json"),
        file(SOLR_SCHEMA, solrSchema().getBytes(StandardCharsets.UTF_8), "application/xml"),
        file(SOLR_CONFIG, solrConfig().getBytes(StandardCharsets.UTF_8), "application/xml"),
        file(README, readme().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8"));
  }

  private static ExportFile file(String path, byte[] data, String type) {
    return new ExportFile(DIR + path, data, type);
  }

  private static ObjectNode manifest(String baseUrl, int documents, long partBytes, List<Part> bulk,
      List<Part> solr) {
    ObjectNode m = NODES.objectNode();
    m.put("format", FORMAT);
    m.put("analyzer", CharFold.ANALYZER_VERSION);
    m.put("index", INDEX);
    m.put("baseUrl", baseUrl);
    m.put("documents", documents);
    m.put("order", "id");
    m.put("partMaxBytes", partBytes);
    ObjectNode boosts = m.putObject("boosts");
    for (SearchFields.Field f : SearchFields.SEARCHED) boosts.put(f.name(), f.boost());
    ObjectNode os = m.putObject("opensearch");
    os.put("mapping", MAPPING);
    os.put("mappingWithoutPlugins", MAPPING_STOCK);
    parts(os.putArray("bulk"), bulk);
    ObjectNode s = m.putObject("solr");
    s.put("configset", "solr/conf");
    parts(s.putArray("docs"), solr);
    return m;
  }

  private static void parts(ArrayNode a, List<Part> parts) {
    for (Part p : parts) {
      ObjectNode n = a.addObject();
      n.put("path", p.path());
      n.put("documents", p.documents());
      n.put("bytes", p.bytes());
      n.put("sha256", p.sha256());
      n.put("firstId", p.firstId());
      n.put("lastId", p.lastId());
    }
  }

  /**
   * {@code PUT /gongkai} body. With plugins ({@code stock == false}): ICU {@code nfkc_cf} char filter, standard
   * tokenizer, ICU {@code Traditional-Simplified} transform, {@code cjk_bigram}. Without: one {@code mapping} char
   * filter holding, for every code point whose NFKC case fold followed by {@link CharFold} differs from itself, that
   * result (default-ignorable characters, which fold to nothing, are left out), then the same tokenizer and bigrams.
   * Indexing keeps unigrams (as our index does); the query analyzer keeps bigrams and lone characters only (as
   * {@link dev.gongkai.index.analysis.QueryAnalysis} does).
   */
  static ObjectNode mapping(boolean stock) {
    ObjectNode root = NODES.objectNode();
    ObjectNode settings = root.putObject("settings");
    ObjectNode analysis = settings.putObject("analysis");
    ObjectNode charFilters = analysis.putObject("char_filter");
    ObjectNode filters = analysis.putObject("filter");
    List<String> chars = new ArrayList<>();
    List<String> tokenFilters = new ArrayList<>();
    if (stock) {
      ObjectNode fold = charFilters.putObject("gongkai_fold");
      fold.put("type", "mapping");
      ArrayNode rules = fold.putArray("mappings");
      for (String r : foldRules()) rules.add(r);
      chars.add("gongkai_fold");
    } else {
      ObjectNode nfkc = charFilters.putObject("gongkai_nfkc_cf");
      nfkc.put("type", "icu_normalizer");
      nfkc.put("name", "nfkc_cf");
      nfkc.put("mode", "compose");
      chars.add("gongkai_nfkc_cf");
      ObjectNode t2s = filters.putObject("gongkai_t2s");
      t2s.put("type", "icu_transform");
      t2s.put("id", "Traditional-Simplified");
      tokenFilters.add("gongkai_t2s");
    }
    ObjectNode bigrams = filters.putObject("gongkai_bigrams");
    bigrams.put("type", "cjk_bigram");
    bigrams.put("output_unigrams", true);
    ObjectNode queryBigrams = filters.putObject("gongkai_query_bigrams");
    queryBigrams.put("type", "cjk_bigram");
    queryBigrams.put("output_unigrams", false);
    ObjectNode analyzers = analysis.putObject("analyzer");
    analyzer(analyzers.putObject(ANALYZER), chars, tokenFilters, "gongkai_bigrams");
    analyzer(analyzers.putObject(QUERY_ANALYZER), chars, tokenFilters, "gongkai_query_bigrams");

    ObjectNode mappings = root.putObject("mappings");
    mappings.put("dynamic", "strict");
    ObjectNode props = mappings.putObject("properties");
    for (Field f : FIELDS) {
      ObjectNode p = props.putObject(f.name());
      switch (f.kind()) {
        case KEY -> p.put("type", "keyword");
        case TEXT -> {
          p.put("type", "text");
          p.put("analyzer", ANALYZER);
          p.put("search_analyzer", QUERY_ANALYZER);
        }
        case URL -> {
          p.put("type", "keyword");
          p.put("index", false);
          p.put("doc_values", false);
        }
        case DATE -> {
          p.put("type", "date");
          p.put("format", "strict_date");
        }
      }
    }
    return root;
  }

  private static void analyzer(ObjectNode a, List<String> chars, List<String> filters, String bigrams) {
    a.put("type", "custom");
    ArrayNode c = a.putArray("char_filter");
    chars.forEach(c::add);
    a.put("tokenizer", "standard");
    ArrayNode f = a.putArray("filter");
    filters.forEach(f::add);
    f.add(bigrams);
  }

  /**
   * The rules of the stock {@code mapping} char filter, in code point order, {@code from=>to}. Letters, digits and
   * visible symbols are written as they are (應=>应, Ａ=>a); everything a server could trim, split on or misread —
   * spaces, controls, format and combining characters, private use, {@code = > \\ " #} — as {@code \\uXXXX}
   * escapes (UTF-16 units), which the {@code mapping} char filter decodes.
   */
  static List<String> foldRules() {
    Normalizer2 nfkcCf = Normalizer2.getNFKCCasefoldInstance();
    List<String> rules = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) continue;
      String s = new String(Character.toChars(cp));
      String folded = CharFold.fold(nfkcCf.normalize(s));
      if (folded.equals(s) || folded.isEmpty()) continue;
      rules.add(escape(s) + "=>" + escape(folded));
    }
    return rules;
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() * 6);
    s.codePoints().forEach(cp -> {
      if (literal(cp)) {
        b.appendCodePoint(cp);
      } else {
        for (char c : Character.toChars(cp)) b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      }
    });
    return b.toString();
  }

  /** Whether a code point is safe to write as it is in a mapping rule. */
  private static boolean literal(int cp) {
    if (cp <= 0x20 || "=>\\\"#".indexOf(cp) >= 0) return false;
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
          Character.OTHER_NUMBER, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL, Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  /** The Solr schema: the same fields, one text type with index and query analyzers, BM25 as Lucene's default. */
  static String solrSchema() {
    StringBuilder b = new StringBuilder();
    b.append("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- gongkai search documents for Apache Solr 9. Written by gongkai; see README.txt next to solr/.
             The ICU factories need Solr's analysis-extras module (SOLR_MODULES=analysis-extras). -->
        <schema name="gongkai" version="1.6">
          <uniqueKey>id</uniqueKey>

          <fieldType name="string" class="solr.StrField" sortMissingLast="true" docValues="true"/>
          <fieldType name="plong" class="solr.LongPointField" docValues="true"/>
          <fieldType name="pdate" class="solr.DatePointField" docValues="true"/>
          <!-- The portal's analysis: NFKC case folding (ICUNormalizer2CharFilterFactory's default form nfkc_cf:
               full-width to half-width, lower case), Traditional to Simplified, standard tokenizer, each Han
               character alone and as a bigram with its neighbour. Queries keep the bigrams and lone characters. -->
          <fieldType name="text_gongkai" class="solr.TextField" positionIncrementGap="100">
        """);
    for (String type : List.of("index", "query")) {
      b.append("    <analyzer type=\"").append(type).append("\">\n");
      // Its defaults are nfkc_cf and compose. Solr reads a "name" attribute as the factory's SPI name, so the
      // normalization form cannot be spelled out here.
      b.append("      <charFilter class=\"solr.ICUNormalizer2CharFilterFactory\"/>\n");
      b.append("      <tokenizer class=\"solr.StandardTokenizerFactory\"/>\n");
      b.append("      <filter class=\"solr.ICUTransformFilterFactory\" id=\"Traditional-Simplified\"/>\n");
      b.append("      <filter class=\"solr.CJKBigramFilterFactory\" han=\"true\" hiragana=\"true\" katakana=\"true\""
          + " hangul=\"true\" outputUnigrams=\"").append(type.equals("index")).append("\"/>\n");
      b.append("    </analyzer>\n");
    }
    b.append("  </fieldType>\n\n");
    for (Field f : FIELDS) {
      b.append("  <field name=\"").append(f.name()).append("\" ");
      b.append(switch (f.kind()) {
        case KEY -> "type=\"string\" indexed=\"true\" stored=\"true\"" + (f.name().equals("id") ? " required=\"true\"" : "");
        case TEXT -> "type=\"" + SOLR_TEXT_TYPE + "\" indexed=\"true\" stored=\"true\"";
        case URL -> "type=\"string\" indexed=\"false\" stored=\"true\" docValues=\"false\"";
        case DATE -> "type=\"pdate\" indexed=\"true\" stored=\"true\"";
      });
      b.append("/>\n");
    }
    b.append("""
          <field name="_version_" type="plong" indexed="false" stored="false"/>

          <similarity class="solr.BM25SimilarityFactory">
            <float name="k1">1.2</float>
            <float name="b">0.75</float>
          </similarity>
        </schema>
        """);
    return b.toString();
  }

  /** A minimal Solr 9 configuration: the schema as written (classic schema factory), /select with edismax. */
  static String solrConfig() {
    StringBuilder qf = new StringBuilder();
    for (SearchFields.Field f : SearchFields.SEARCHED) {
      if (qf.length() > 0) qf.append(' ');
      qf.append(f.name());
      if (f.boost() != 1f) qf.append('^').append(boost(f.boost()));
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Solr 9 configset for the gongkai search documents (schema.xml next to this file). -->
        <config>
          <luceneMatchVersion>9.0</luceneMatchVersion>
          <dataDir>${solr.data.dir:}</dataDir>
          <directoryFactory name="DirectoryFactory" class="${solr.directoryFactory:solr.NRTCachingDirectoryFactory}"/>
          <schemaFactory class="ClassicIndexSchemaFactory"/>
          <indexConfig>
            <lockType>${solr.lock.type:native}</lockType>
          </indexConfig>
          <updateHandler class="solr.DirectUpdateHandler2">
            <updateLog>
              <str name="dir">${solr.ulog.dir:}</str>
            </updateLog>
            <autoCommit>
              <maxTime>${solr.autoCommit.maxTime:15000}</maxTime>
              <openSearcher>false</openSearcher>
            </autoCommit>
          </updateHandler>
          <!-- As the portal: every space-separated part must match (sow, q.op), in any field, all of its bigrams in
               that field; field scores are summed (tie=1) with the portal's boosts. -->
          <requestHandler name="/select" class="solr.SearchHandler">
            <lst name="defaults">
              <str name="defType">edismax</str>
              <str name="qf">%s</str>
              <str name="q.op">AND</str>
              <str name="sow">true</str>
              <str name="tie">1.0</str>
              <str name="df">body</str>
              <str name="fl">id,kind,title,url,date,score</str>
            </lst>
          </requestHandler>
        </config>
        """.formatted(qf);
  }

  private static String boost(float f) {
    return f == Math.rint(f) ? String.valueOf((int) f) : Float.toString(f);
  }

  /** How to load the files (the project README has the design). */
  static String readme() {
    return """
        gongkai: search documents for OpenSearch / Elasticsearch and Apache Solr
        政务公开门户的全文检索文档：可导入 OpenSearch / Elasticsearch 和 Apache Solr

        Only published (主动公开) records, datasets, pages and incidents; the same documents and ids as the
        portal's own search. manifest.json lists every file with its document count, size and SHA-256.
        Documents are sorted by id; the files of parts built separately merge with `gongkai merge`.

        OpenSearch / Elasticsearch (analysis-icu plugin: bin/opensearch-plugin install analysis-icu):

          curl -X PUT 'http://localhost:9200/gongkai' -H 'Content-Type: application/json' \\
               --data-binary @opensearch/mapping.json
          for f in opensearch/bulk-*.ndjson; do
            curl -X POST 'http://localhost:9200/_bulk' -H 'Content-Type: application/x-ndjson' \\
                 --data-binary "@$f" | grep -q '"errors":false' || echo "failed: $f"
          done

        Without plugins use opensearch/mapping-stock.json instead of mapping.json (same folding, as a table).
        Query: {"query":{"multi_match":{"query":"救灾资金","type":"most_fields","operator":"and",
                "fields":["title^3","number^2","body"]}}}

        Apache Solr 9 (ICU: start Solr with SOLR_MODULES=analysis-extras):

          bin/solr create -c gongkai -d solr/conf
          for f in solr/docs-*.json; do
            curl 'http://localhost:8983/solr/gongkai/update' -H 'Content-Type: application/json' \\
                 --data-binary "@$f"
          done
          curl 'http://localhost:8983/solr/gongkai/update?commit=true'
          curl 'http://localhost:8983/solr/gongkai/select?q=救灾资金'
        """;
  }

  /** JSON with the output indentation of the other exports: two spaces, LF, "key": value. */
  private static byte[] pretty(ObjectNode node) {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter(
        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    pp.indentObjectsWith(indenter);
    pp.indentArraysWith(indenter);
    try {
      return (MAPPER.writer(pp).writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Writes {
    void to(JsonGenerator g) throws IOException;
  }

  /**
   * {@link #json} encoded as UTF-8 by Jackson itself (no string in between), or null if it fails. Only for text
   * without surrogates: Jackson's UTF-8 writer escapes them, where {@link #json}'s bytes hold them as UTF-8.
   */
  private static byte[] utf8Json(Writes w) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(b, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
      w.to(g);
    } catch (IOException e) {
      return null;
    }
    return b.toByteArray();
  }

  /** Compact JSON; non-ASCII text as it is, control characters escaped. */
  private static String json(Writes w) {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(s)) {
      w.to(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.toString();
  }
}
