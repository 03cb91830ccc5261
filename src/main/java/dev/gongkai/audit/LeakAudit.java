package dev.gongkai.audit;

import dev.gongkai.audit.LeakNeedles.Kind;
import dev.gongkai.audit.LeakNeedles.Needle;
import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.index.SearchFields;
import dev.gongkai.model.Attachment;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/**
 * The post-build leak audit: proves that no record the disclosure gate withheld (不予公开, and 依申请公开) made it into
 * anything the build wrote, whichever template, page, export or bug put it there. It scans every file of the output
 * folder (and the file names), inside gzip and zip containers, plus the stored fields of the search index, for the
 * needles of each withheld record ({@link LeakNeedles}: title, 索引号 and its URL slug, 文号, distinctive body
 * sentences) and for the bytes of its attachments, with both sides normalised ({@link LeakText}: escapes decoded,
 * NFKC case folding, whitespace removed) so that full-width characters, line breaks or {@code &#...;} references
 * cannot hide a leak.
 *
 * <p>The one exception is the listing the law allows: with {@code options.listOnRequest}, the title and index number
 * of a 依申请公开 record may appear on the apply page ({@value #APPLY_PAGE}) and nowhere else.
 *
 * <p>Each leak is one {@link Code#LEAK} error at the withheld record's origin, its text the needle, naming the first
 * output file (in path order) it was found in and how many other places (files, search index fields) hold it too.
 * One pass over each file finds all needles (Aho–Corasick, {@link LeakMatcher}); files are scanned in parallel.
 *
 * <p>Limits, by design: titles and 文号 shorter than six characters and body sentences shorter than twelve are not
 * searched for (too generic to prove anything), nor is text that 主动公开 records or datasets publish as well (see
 * {@link LeakNeedles}); compressed image chunks are not inflated, and PDF text drawn with embedded CID fonts cannot be
 * read back as characters (a copied withheld attachment is still found by its SHA-256).
 */
public final class LeakAudit {
  private LeakAudit() {}

  /** The page that may list 依申请公开 records (title and index number) when {@code options.listOnRequest}. */
  public static final String APPLY_PAGE = "apply/index.html";

  private static final Set<String> STORED = Set.of(SearchFields.ID, SearchFields.TITLE_STORED, SearchFields.URL);

  /**
   * Audits a build of {@code site}: the withheld records are those not 主动公开; the text of the 主动公开 records and
   * datasets (what the gate publishes) makes a needle non-distinctive.
   *
   * @param outputDir the folder the build wrote (the staging folder before commit, or a committed output)
   * @param searchIndex the build's Lucene index, or null to skip it
   */
  public static List<Diagnostic> scan(Path outputDir, Site site, IndexReader searchIndex) throws IOException {
    return scan(filesOf(outputDir), plan(site), searchIndex);
  }

  private static void addDatasetTexts(Site site, List<PublicText> publicTexts) {
    for (Dataset d : site.datasets()) {
      if (d.disclosure() != Disclosure.ACTIVE) continue;
      publicTexts.add(PublicText.of(d.title()));
      publicTexts.add(PublicText.of(d.description()));
      for (List<String> row : d.rows()) publicTexts.add(new PublicText(row));
    }
  }

  /**
   * Audits {@code outputDir} for the {@code withheld} records.
   *
   * @param withheld the records the gate did not publish (each record's own {@link DisclosureRecord#disclosure()}
   *     decides whether the apply-page exception applies to it)
   * @param published the records the gate did publish: needles occurring in their text (title, 文号, 索引号, body,
   *     attachment names) are not distinctive and are not searched for; pass an empty list to search for all
   * @param listOnRequest {@code options.listOnRequest} of the site
   * @param searchIndex the build's Lucene index (its stored id, title and url fields are checked), or null
   * @return one {@link Code#LEAK} error per leaked needle and record, sorted; empty when the output is clean
   */
  public static List<Diagnostic> scan(Path outputDir, List<DisclosureRecord> withheld,
      List<DisclosureRecord> published, boolean listOnRequest, IndexReader searchIndex) throws IOException {
    List<PublicText> publicTexts = new ArrayList<>();
    for (DisclosureRecord r : published) addPublicText(r, publicTexts);
    return scan(outputDir, withheld, listOnRequest, searchIndex, publicTexts);
  }

  /** The record's title, 索引号, 文号, attachment names and body, one line each (the body as its Markdown). */
  private static void addPublicText(DisclosureRecord r, List<PublicText> out) {
    List<String> lines = new ArrayList<>(4 + r.attachments().size());
    lines.add(r.title());
    lines.add(r.indexNo());
    lines.add(r.docNo());
    for (Attachment a : r.attachments()) lines.add(a.fileName());
    lines.add(r.markdown() == null ? "" : r.markdown());
    out.add(new PublicText(lines, r));
  }

  /**
   * What an audit searches for, computed once from the site: the distinctive needles of the withheld records and
   * their attachments' fingerprints. Two plans with the same {@link #digest()} search for the same things, so files an
   * earlier audit with an equal plan found clean need not be scanned again (incremental builds).
   */
  public static final class Plan {
    private final List<DisclosureRecord> withheld;
    private final boolean listOnRequest;
    private final List<String> texts;
    private final List<List<Needle>> owners;
    private final LeakMatcher matcher;
    private final Fingerprints attachments;
    private final byte[] digest;

    private final NeedleMemo needleMemo;

    private Plan(List<DisclosureRecord> withheld, boolean listOnRequest, List<PublicText> publicTexts)
        throws IOException {
      this(withheld, listOnRequest, publicTexts, NeedleMemo.empty(), null);
    }

    private Plan(List<DisclosureRecord> withheld, boolean listOnRequest, List<PublicText> publicTexts,
        NeedleMemo memo, TextHashes carry)
        throws IOException {
      this.withheld = withheld;
      this.listOnRequest = listOnRequest;
      LeakNeedles.Distinct distinct = withheld.isEmpty() ? new LeakNeedles.Distinct(List.of(), NeedleMemo.empty())
          : LeakNeedles.distinctive(LeakNeedles.candidates(withheld, memo.sentences()), publicTexts, memo, carry);
      this.needleMemo = distinct.memo();
      List<Needle> needles = distinct.needles();
      // Needles by normal form: two records may share one (same title).
      Map<String, List<Needle>> byText = new LinkedHashMap<>();
      for (Needle n : needles) byText.computeIfAbsent(n.normalized(), k -> new ArrayList<>()).add(n);
      this.texts = new ArrayList<>(byText.keySet());
      this.owners = new ArrayList<>(byText.values());
      this.matcher = texts.isEmpty() ? null : LeakMatcher.of(texts);
      this.attachments = new Fingerprints(withheld);
      this.digest = digestOf(needles, attachments.listing, listOnRequest);
    }

    /** Whether no record is withheld, so an audit has nothing to look for. */
    public boolean withholdsNothing() {
      return withheld.isEmpty();
    }

    /** What the next build's plan may take from this one ({@link #plan(Site, NeedleMemo)}). */
    public NeedleMemo needleMemo() {
      return needleMemo;
    }

    /** SHA-256 over the needles (text, kind, record), the withheld attachments' digests and the apply-page exception. */
    public byte[] digest() {
      return digest.clone();
    }

    private static byte[] digestOf(List<Needle> needles, List<String> attachments, boolean listOnRequest) {
      StringBuilder b = new StringBuilder().append(listOnRequest).append('\n');
      for (Needle n : needles) {
        b.append(n.kind()).append('\t').append(n.record().indexNo()).append('\t').append(n.record().disclosure())
            .append('\t').append(n.normalized()).append('\n');
      }
      // The attachments by the digests the fingerprints already hold: no second read of the files.
      for (String a : attachments) b.append(a).append('\n');
      return Fingerprints.sha256(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** The plan for auditing a build of {@code site} (see {@link #scan(Path, Site, IndexReader)}). */
  public static Plan plan(Site site) throws IOException {
    return plan(site, NeedleMemo.empty());
  }

  /**
   * The plan for auditing a build of {@code site}, taking from {@code memo} (the previous plan's
   * {@link Plan#needleMemo()}) which candidate needles the unchanged published texts contain.
   */
  public static Plan plan(Site site, NeedleMemo memo) throws IOException {
    return plan(site, memo, null);
  }

  /**
   * As {@link #plan(Site, NeedleMemo)}, taking the published texts' hashes from {@code carry} (what
   * {@code gongkai serve} keeps between builds; null: computed) where their records and rows are the last build's.
   */
  public static Plan plan(Site site, NeedleMemo memo, TextHashes carry) throws IOException {
    List<DisclosureRecord> withheld = new ArrayList<>();
    List<PublicText> publicTexts = new ArrayList<>();
    for (DisclosureRecord r : site.records()) {
      if (r.disclosure() == Disclosure.ACTIVE) addPublicText(r, publicTexts);
      else withheld.add(r);
    }
    addDatasetTexts(site, publicTexts);
    return new Plan(withheld, site.config().options().listOnRequest(), publicTexts, memo, carry);
  }

  /**
   * Audits the given files of an output, by site-relative path (an incremental build passes only the files that
   * changed when the plan's digest is the one its previous audit used).
   */
  public static List<Diagnostic> scan(Map<String, Path> files, Plan plan, IndexReader searchIndex)
      throws IOException {
    return scan(files, plan, searchIndex, null);
  }

  /**
   * As {@link #scan(Map, Plan, IndexReader)}, taking what {@code prescan} (made with the same plan; null: none) found
   * in the files it scanned as they were written, and reading only the others.
   */
  public static List<Diagnostic> scan(Map<String, Path> files, Plan plan, IndexReader searchIndex,
      LeakPrescan prescan) throws IOException {
    if (plan.withheld.isEmpty()) return List.of();
    Map<String, Hits> done = prescan == null ? Map.of() : prescan.finish(plan);
    return scan(files, plan.listOnRequest, searchIndex, plan.owners, plan.matcher, plan.attachments, done);
  }

  private static List<Diagnostic> scan(Path outputDir, List<DisclosureRecord> withheld, boolean listOnRequest,
      IndexReader searchIndex, List<PublicText> publicTexts) throws IOException {
    if (withheld.isEmpty()) return List.of();
    Plan plan = new Plan(withheld, listOnRequest, publicTexts);
    return scan(filesOf(outputDir), listOnRequest, searchIndex, plan.owners, plan.matcher, plan.attachments,
        Map.of());
  }

  /** Every regular file under {@code outputDir}, by path relative to it. */
  public static Map<String, Path> filesOf(Path outputDir) throws IOException {
    Path root = outputDir.toAbsolutePath().normalize();
    Map<String, Path> files = new TreeMap<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) files.put(root.relativize(file).toString().replace('\\', '/'), file);
        return FileVisitResult.CONTINUE;
      }
    });
    return files;
  }

  private static List<Diagnostic> scan(Map<String, Path> files, boolean listOnRequest, IndexReader searchIndex,
      List<List<Needle>> owners, LeakMatcher matcher, Fingerprints attachments, Map<String, Hits> done)
      throws IOException {
    List<Hits> hits;
    try {
      hits = List.copyOf(files.entrySet()).parallelStream()
          .map(f -> {
            Hits h = done.get(f.getKey());
            return h != null ? h : scanFile(f.getKey(), f.getValue(), matcher, attachments);
          }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }

    // needle → where it was found (sorted by path; the search index last).
    Map<Needle, TreeMap<String, Object>> found = new IdentityHashMap<>();
    for (Hits h : hits) {
      for (int id = h.ids.nextSetBit(0); id >= 0; id = h.ids.nextSetBit(id + 1)) {
        for (Needle n : owners.get(id)) {
          if (allowed(n, h.path, listOnRequest)) continue;
          found.computeIfAbsent(n, k -> new TreeMap<>()).put(h.path, h.path);
        }
      }
      for (Needle n : h.attachments) found.computeIfAbsent(n, k -> new TreeMap<>()).put(h.path, h.path);
    }
    if (searchIndex != null && matcher != null) scanIndex(searchIndex, matcher, owners, found);

    List<Map.Entry<Needle, TreeMap<String, Object>>> entries = new ArrayList<>(found.entrySet());
    entries.sort(java.util.Comparator.comparing((Map.Entry<Needle, TreeMap<String, Object>> e) ->
            e.getKey().record().indexNo())
        .thenComparing(e -> e.getKey().kind())
        .thenComparing(e -> e.getKey().text()));
    List<Diagnostic> out = new ArrayList<>();
    for (Map.Entry<Needle, TreeMap<String, Object>> e : entries) {
      Needle n = e.getKey();
      DisclosureRecord r = n.record();
      Object where = e.getValue().firstEntry().getValue();
      int more = e.getValue().size() - 1;
      Bi others = more == 0 ? Bi.of("", "")
          : Bi.of("（另有 " + more + " 处）", " (and " + more + (more == 1 ? " other place)" : " other places)"));
      Bi disclosure = r.disclosure() == Disclosure.ON_REQUEST
          ? Bi.of("依申请公开", "on request, 依申请公开")
          : Bi.of("不予公开", "withheld, 不予公开");
      out.add(Code.LEAK.at(r.origin(), n.text(), r.indexNo(), n.kind().label, where, disclosure, others));
    }
    out.sort(null);
    return List.copyOf(out);
  }

  /** The legal listing: a 依申请公开 record's title and index number on the apply page, when the site lists them. */
  private static boolean allowed(Needle n, String path, boolean listOnRequest) {
    return listOnRequest
        && n.record().disclosure() == Disclosure.ON_REQUEST
        && (n.kind() == Kind.TITLE || n.kind() == Kind.INDEX_NO)
        && path.equals(APPLY_PAGE);
  }

  /** What one file holds: needle ids and withheld attachments. */
  record Hits(String path, BitSet ids, List<Needle> attachments) {}

  private static Hits scanFile(String rel, Path file, LeakMatcher matcher, Fingerprints attachments) {
    try {
      return scanBytes(rel, Files.readAllBytes(file), file, matcher, attachments);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@code data}, the bytes of the file at {@code rel} ({@code file}: where it is, or null), holds. */
  static Hits scanBytes(String rel, byte[] data, Path file, Plan plan) throws IOException {
    return scanBytes(rel, data, file, plan.matcher, plan.attachments);
  }

  private static Hits scanBytes(String rel, byte[] data, Path file, LeakMatcher matcher, Fingerprints attachments)
      throws IOException {
    BitSet ids = new BitSet();
    List<Needle> att = new ArrayList<>();
    LeakFiles.contents(data, file, 0,
        bytes -> {
          if (matcher == null) return;
          LeakText.Views v = LeakText.viewsReusing(bytes, true);
          matcher.find(v.all(), v.allLength(), v.allGaps(), ids);
          if (v.text() != v.all()) matcher.find(v.text(), v.textLength(), v.textGaps(), ids);
        },
        bytes -> att.addAll(attachments.match(bytes)));
    if (matcher != null) matcher.find(rel, ids);
    return new Hits(rel, ids, att);
  }

  /** The stored id, title and url of every document of the search index. */
  private static void scanIndex(IndexReader reader, LeakMatcher matcher, List<List<Needle>> owners,
      Map<Needle, TreeMap<String, Object>> found) throws IOException {
    for (LeafReaderContext ctx : reader.leaves()) {
      LeafReader leaf = ctx.reader();
      Bits live = leaf.getLiveDocs();
      StoredFields stored = leaf.storedFields();
      for (int doc = 0; doc < leaf.maxDoc(); doc++) {
        if (live != null && !live.get(doc)) continue;
        Document d = stored.document(doc, STORED);
        for (String field : List.of(SearchFields.ID, SearchFields.TITLE_STORED, SearchFields.URL)) {
          String v = d.get(field);
          if (v == null || v.isEmpty()) continue;
          BitSet ids = matcher.find(v);
          for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
            String key = "\uffff search index " + field; // sorts after every file
            Bi where = Bi.of("搜索索引（Lucene）文档 " + d.get(SearchFields.ID) + " 的存储字段 " + field,
                "stored field " + field + " of document " + d.get(SearchFields.ID) + " in the search index (Lucene)");
            for (Needle n : owners.get(id)) found.computeIfAbsent(n, k -> new TreeMap<>()).putIfAbsent(key, where);
          }
        }
      }
    }
  }

  /** SHA-256 of the withheld records' attachments, looked up by size first. */
  private static final class Fingerprints {
    private final Map<Long, List<Object[]>> bySize = new HashMap<>();
    /** "index number, attachment file name, SHA-256" of each fingerprinted attachment, in record order. */
    private final List<String> listing = new ArrayList<>();

    Fingerprints(List<DisclosureRecord> withheld) throws IOException {
      for (DisclosureRecord r : withheld) {
        for (Attachment a : r.attachments()) {
          if (a.source() == null || !Files.isRegularFile(a.source())) continue;
          byte[] data = Files.readAllBytes(a.source());
          if (data.length == 0) continue;
          Needle n = new Needle(r, Kind.ATTACHMENT, a.fileName(), "");
          byte[] hash = sha256(data);
          bySize.computeIfAbsent((long) data.length, k -> new ArrayList<>()).add(new Object[] {hash, n});
          listing.add(r.indexNo() + "\t" + a.fileName() + "\t" + java.util.HexFormat.of().formatHex(hash));
        }
      }
    }

    List<Needle> match(byte[] data) {
      List<Object[]> c = bySize.get((long) data.length);
      if (c == null) return List.of();
      byte[] h = sha256(data);
      List<Needle> out = new ArrayList<>();
      for (Object[] x : c) if (Arrays.equals((byte[]) x[0], h)) out.add((Needle) x[1]);
      return out;
    }

    private static byte[] sha256(byte[] data) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(data);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
