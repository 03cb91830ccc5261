package dev.gongkai.validate;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.load.Cell;
import dev.gongkai.load.Inputs;
import dev.gongkai.load.SourceTree;
import dev.gongkai.load.Table;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueIndex;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.SiteConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks record tables (CSV, JSON or XLSX) against the catalogue and each other, and builds {@link DisclosureRecord}s:
 * required metadata, dates and their order, enumerations, index number format and uniqueness, item references,
 * body files and attachments inside {@code content/}, 解读/原文 links, and unmasked personal data in what will be
 * published.
 */
public final class RecordValidator {
  public static final ColumnSet COLUMNS = new ColumnSet(List.of(
      new Column("indexNo", "索引号", "index_no", true),
      new Column("title", "标题", "title", true),
      new Column("agency", "发布机构", "agency", false),
      new Column("written", "成文日期", "written", true),
      new Column("published", "发布日期", "published", true),
      new Column("docNo", "文号", "doc_no", false),
      new Column("subject", "主题分类", "subject", false),
      new Column("validity", "有效性", "validity", false),
      new Column("disclosure", "公开属性", "disclosure", true),
      new Column("scope", "公开范围", "scope", false),
      new Column("item", "事项", "item", true),
      new Column("body", "正文", "body", false),
      new Column("bodyFile", "正文文件", "body_file", false),
      new Column("attachments", "附件", "attachments", false),
      new Column("interpretation", "解读", "interpretation", false),
      new Column("original", "原文", "original", false)));

  /** The result: records sorted by index number, and the content files they reference (bodies, attachments). */
  public record Result(List<DisclosureRecord> records, Set<Path> referencedFiles) {}

  private final SourceTree tree;
  private final SiteConfig config;
  private final Diagnostics diags;
  /** Added to by the tables' rows, on every core. */
  private final Set<Path> referenced = new java.util.concurrent.ConcurrentSkipListSet<>();
  /**
   * Each claimed slug → the row that claimed it first. A slug is a function of the index number, so this one map
   * finds both a repeated index number and two index numbers with one slug; it also serves as the records by index
   * number (the row's record). Sized by validate() once the rows are counted: 100,000 records would otherwise rehash
   * it many times.
   */
  private Map<String, RecordRows.Checked> bySlug = new HashMap<>();
  /**
   * Index numbers first claimed by a row whose slug another index number had claimed → where that row gives it. The
   * index number format lets no two numbers share a slug today; this keeps the messages right if it ever does.
   */
  private final Map<String, Location> collided = new HashMap<>();
  /** The records that name a 解读 or 原文: only these are linked. */
  private final List<DisclosureRecord> linking = new ArrayList<>();
  private final Map<String, Cell> interpretationCells = new HashMap<>();
  private final Map<String, Cell> originalCells = new HashMap<>();

  /** The catalogue's items by code and path: looked up for each record row. */
  private final CatalogueIndex catalogue;

  private RecordValidator(SourceTree tree, SiteConfig config, Catalogue catalogue, Diagnostics diags) {
    this.tree = tree;
    this.config = config;
    this.diags = diags;
    this.catalogue = CatalogueIndex.of(catalogue);
  }

  public static Result validate(
      List<Table> tables, SourceTree tree, SiteConfig config, Catalogue catalogue, Diagnostics diags) {
    List<Inputs.RecordFile> files =
        tables.stream().map(t -> new Inputs.RecordFile(t.path(), null, t, false, null)).toList();
    return validate(files, new byte[0], tree, config, catalogue, diags, null);
  }

  /**
   * Checks the record files of a loaded site. With a {@code memo} (what {@code gongkai serve} keeps between builds),
   * the rows of each file read are remembered with what checking them reported and the content files they
   * referenced, and a file the loader left unread (the memo knew it) gives its remembered rows, reported again: the
   * result is that of checking every file. Index numbers and 解读/原文 links are always checked across all records.
   *
   * @param context the loader's {@link Inputs#context()}: what the remembered rows were checked against
   * @throws IllegalStateException when a file was left unread that {@code memo} does not know
   */
  public static Result validate(List<Inputs.RecordFile> files, byte[] context, SourceTree tree, SiteConfig config,
      Catalogue catalogue, Diagnostics diags, RowsMemo memo) {
    RecordValidator v = new RecordValidator(tree, config, catalogue, diags);
    // Each table's rows are checked on every core, each table reporting aside (a row's own errors decide whether it
    // gives a record); then index numbers are claimed in file and row order, as if read one by one, so which of two
    // duplicates is reported does not depend on the threads.
    List<List<RecordRows.Checked>> checked = files.parallelStream().map(f -> {
      if (f.unread()) {
        RowsMemo.Entry known = memo == null ? null : memo.get(f.rel());
        if (known == null) throw new IllegalStateException("record file left unread but not known: " + f.rel());
        if (known.read() != null) diags.addAll(known.read());
        diags.addAll(known.checked());
        v.referenced.addAll(known.referenced());
        return known.rows();
      }
      if (f.table() == null) return List.<RecordRows.Checked>of();
      Diagnostics aside = diags.aside();
      Set<Path> referenced = new java.util.TreeSet<>();
      List<RecordRows.Checked> rows = new RecordRows(tree, config, v.catalogue, aside, referenced).table(f.table());
      if (memo != null) rows = memo.withLastInstances(f.rel(), rows);
      diags.addAll(aside);
      v.referenced.addAll(referenced);
      if (memo != null && f.stamp() != null) {
        memo.put(f.rel(), new RowsMemo.Entry(f.stamp(), context, rows, f.diagnostics(), aside, referenced));
      }
      return rows;
    }).toList();
    if (memo != null) memo.retain(files.stream().filter(f -> f.unread() || f.table() != null && f.stamp() != null)
        .map(Inputs.RecordFile::rel).collect(java.util.stream.Collectors.toSet()));
    int count = checked.stream().mapToInt(List::size).sum();
    v.bySlug = new HashMap<>(count * 4 / 3 + 1);
    List<DisclosureRecord> records = new ArrayList<>(count);
    for (List<RecordRows.Checked> rows : checked) {
      for (RecordRows.Checked row : rows) v.claim(row, records);
    }
    // Index numbers are unique once claimed: the order is total, whichever way it is reached.
    if (memo == null) {
      records.sort(DisclosureRecord.BY_INDEX_NO);
    } else {
      records = memo.sorted(records, DisclosureRecord.BY_INDEX_NO);
    }
    return new Result(v.link(records), Set.copyOf(v.referenced));
  }

  /**
   * Claims a checked row's index number (and its URL form): a second row with one already claimed is reported and
   * gives no record. A row with other errors claims it too, so that links to it are not reported a second time.
   */
  private void claim(RecordRows.Checked row, List<DisclosureRecord> out) {
    String indexNo = row.indexNo();
    if (indexNo != null) {
      String slug = row.record() != null ? row.record().slug() : DisclosureRecord.slugOf(indexNo);
      RecordRows.Checked first = bySlug.putIfAbsent(slug, row);
      if (first != null) {
        // The first row with this index number holds the slug, or else (another index number took the slug before
        // it) is in collided; the message names it, else the row that holds the slug.
        Location prev = first.indexNo().equals(indexNo) ? first.indexAt() : collided.putIfAbsent(indexNo, row.indexAt());
        diags.report(Code.INDEX_DUPLICATE, row.indexAt(), indexNo, indexNo, prev != null ? prev : first.indexAt());
        return;
      }
    }
    DisclosureRecord r = row.record();
    if (r == null) return;
    if (!row.interpretation().isBlank()) interpretationCells.put(r.indexNo(), row.interpretation());
    if (!row.original().isBlank()) originalCells.put(r.indexNo(), row.original());
    if (!r.interpretation().isEmpty() || !r.original().isEmpty()) linking.add(r);
    out.add(r);
  }

  /** Whether a row claimed {@code indexNo} (it may have given no record: its errors were reported). */
  private boolean claimed(String indexNo) {
    RecordRows.Checked first = bySlug.get(DisclosureRecord.slugOf(indexNo));
    return first != null && first.indexNo().equals(indexNo) || collided.containsKey(indexNo);
  }

  /** The record of the row that claimed {@code indexNo}, or null. */
  private DisclosureRecord recordOf(String indexNo) {
    RecordRows.Checked first = bySlug.get(DisclosureRecord.slugOf(indexNo));
    return first != null && first.indexNo().equals(indexNo) ? first.record() : null;
  }

  /**
   * Resolves 解读/原文 links: each must name an existing record, a published record may only link to published
   * ones, and the two directions must agree (one side given is enough; the other is filled in).
   */
  private List<DisclosureRecord> link(List<DisclosureRecord> records) {
    Map<String, String> interpretationOf = new HashMap<>();
    Map<String, String> originalOf = new HashMap<>();
    // In index number order, as the records are, so that diagnostics and the maps come out the same every time.
    linking.sort(DisclosureRecord.BY_INDEX_NO);
    for (DisclosureRecord r : linking) {
      if (!r.interpretation().isEmpty()
          && target(r, r.interpretation(), interpretationCells.get(r.indexNo()), Bi.field("解读", "interpretation"))) {
        interpretationOf.put(r.indexNo(), r.interpretation());
      }
      if (!r.original().isEmpty()
          && target(r, r.original(), originalCells.get(r.indexNo()), Bi.field("原文", "original"))) {
        originalOf.put(r.indexNo(), r.original());
      }
    }
    // Fill in the other direction, reporting contradictions.
    for (Map.Entry<String, String> e : new ArrayList<>(interpretationOf.entrySet())) {
      String doc = e.getKey();
      String interp = e.getValue();
      String back = originalOf.get(interp);
      if (back == null) originalOf.put(interp, doc);
      else if (!back.equals(doc)) {
        Cell c = interpretationCells.get(doc);
        diags.report(Code.LINK_MISMATCH, c.location(), c.value(), interp, Bi.field("原文", "original"), back, doc);
      }
    }
    for (Map.Entry<String, String> e : new ArrayList<>(originalOf.entrySet())) {
      String interp = e.getKey();
      String doc = e.getValue();
      String fwd = interpretationOf.get(doc);
      if (fwd == null) interpretationOf.put(doc, interp);
      else if (!fwd.equals(interp)) {
        Cell c = originalCells.get(interp);
        if (c == null) c = interpretationCells.get(doc);
        diags.report(Code.LINK_MISMATCH, c.location(), c.value(), doc, Bi.field("解读", "interpretation"), fwd, interp);
      }
    }
    // Only a record that names a link or is named by one can change: the others stay where they are, untouched.
    List<DisclosureRecord> out = new ArrayList<>(records);
    java.util.Set<String> affected = new java.util.TreeSet<>(interpretationOf.keySet());
    affected.addAll(originalOf.keySet());
    for (DisclosureRecord r : linking) affected.add(r.indexNo());
    for (String indexNo : affected) {
      int at = position(records, indexNo);
      if (at < 0) continue;
      DisclosureRecord r = records.get(at);
      String interpretation = interpretationOf.getOrDefault(r.indexNo(), "");
      String original = originalOf.getOrDefault(r.indexNo(), "");
      // The same instance when nothing is filled in: a remembered row's record then stays the object it was, which
      // the digests of the pages that show it are remembered by (see ViewDigest).
      out.set(at, interpretation.equals(r.interpretation()) && original.equals(r.original()) ? r
          : new DisclosureRecord(r.indexNo(), r.slug(), r.title(), r.agency(), r.written(), r.published(),
              r.docNo(), r.subject(), r.validity(), r.disclosure(), r.scope(), r.itemCode(), r.markdown(),
              r.bodyPath(), r.attachments(), interpretation, original, r.origin()));
    }
    return out;
  }

  /** The position of the record with {@code indexNo} in {@code records} (sorted by index number), or -1. */
  private static int position(List<DisclosureRecord> records, String indexNo) {
    int lo = 0;
    int hi = records.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = records.get(mid).indexNo().compareTo(indexNo);
      if (c == 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private boolean target(DisclosureRecord from, String to, Cell cell, Bi field) {
    DisclosureRecord t = recordOf(to);
    if (t == null && claimed(to) && !to.equals(from.indexNo())) return false; // already reported
    if (t == null || to.equals(from.indexNo())) {
      diags.report(Code.LINK_DANGLING, cell.location(), cell.value(), field, to);
      return false;
    }
    if (from.disclosure() == Disclosure.ACTIVE && t.disclosure() != Disclosure.ACTIVE) {
      diags.report(Code.LINK_WITHHELD, cell.location(), cell.value(), field, to, t.disclosure().label());
      return false;
    }
    return true;
  }
}
