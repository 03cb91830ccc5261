package dev.gongkai.validate;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.load.Cell;
import dev.gongkai.load.Row;
import dev.gongkai.load.SourceText;
import dev.gongkai.load.SourceTree;
import dev.gongkai.load.Table;
import dev.gongkai.model.Attachment;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.SiteConfig;
import dev.gongkai.model.Validity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
  private final Catalogue catalogue;
  private final Diagnostics diags;
  private final Set<Path> referenced = new TreeSet<>();
  private final Map<String, Location> indexSeen = new HashMap<>();
  private final Map<String, Location> slugSeen = new HashMap<>();
  private final Map<String, Cell> interpretationCells = new HashMap<>();
  private final Map<String, Cell> originalCells = new HashMap<>();

  private RecordValidator(SourceTree tree, SiteConfig config, Catalogue catalogue, Diagnostics diags) {
    this.tree = tree;
    this.config = config;
    this.catalogue = catalogue;
    this.diags = diags;
  }

  public static Result validate(
      List<Table> tables, SourceTree tree, SiteConfig config, Catalogue catalogue, Diagnostics diags) {
    RecordValidator v = new RecordValidator(tree, config, catalogue, diags);
    List<DisclosureRecord> records = new ArrayList<>();
    for (Table t : tables) v.table(t, records);
    records.sort(Comparator.comparing(DisclosureRecord::indexNo));
    return new Result(v.link(records), Set.copyOf(v.referenced));
  }

  private void table(Table t, List<DisclosureRecord> out) {
    String base = t.path().substring(t.path().lastIndexOf('/') + 1).replaceFirst("(?i)\\.(csv|json|xlsx)$", "");
    Optional<CatalogueItem> fileItem = catalogue.item(base.toLowerCase(Locale.ROOT));
    // Without a usable catalogue (its own errors are reported) item references cannot be checked: not repeated here.
    boolean noCatalogue = catalogue.items().isEmpty();
    var bound = fileItem.isPresent() || noCatalogue ? COLUMNS.bind(t, diags, "item") : COLUMNS.bind(t, diags);
    if (bound.isEmpty()) return;
    for (Row row : t.rows()) record(bound.get(), row, fileItem).ifPresent(out::add);
  }

  private Optional<DisclosureRecord> record(ColumnSet.Bound b, Row row, Optional<CatalogueItem> fileItem) {
    int before = diags.errorCount();
    Cell indexCell = b.cell(row, "indexNo");
    String indexNo = required(indexCell, "索引号", "index_no");
    if (!indexNo.isEmpty()) {
      if (!Values.validIndexNo(indexNo)) {
        diags.report(Code.INDEX_FORMAT, indexCell.location(), indexCell.value(), indexNo);
      } else {
        Location prev = indexSeen.putIfAbsent(indexNo, indexCell.location());
        // Known even if the record has other errors, so links to it are not reported a second time.
        Location prevSlug = slugSeen.putIfAbsent(DisclosureRecord.slugOf(indexNo), indexCell.location());
        if (prev != null) diags.report(Code.INDEX_DUPLICATE, indexCell.location(), indexNo, indexNo, prev);
        else if (prevSlug != null) diags.report(Code.INDEX_DUPLICATE, indexCell.location(), indexNo, indexNo, prevSlug);
      }
    }
    String title = required(b.cell(row, "title"), "标题", "title");
    String agency = b.cell(row, "agency").trimmed();
    if (agency.isEmpty()) agency = config.agency();
    Optional<LocalDate> written = Values.date(b.cell(row, "written"), Bi.field("成文日期", "written"), diags);
    Cell publishedCell = b.cell(row, "published");
    Optional<LocalDate> published = Values.date(publishedCell, Bi.field("发布日期", "published"), diags);
    if (written.isPresent() && published.isPresent() && published.get().isBefore(written.get())) {
      diags.report(Code.DATE_ORDER, publishedCell.location(), publishedCell.value(), published.get(), written.get());
    }
    Cell docNoCell = b.cell(row, "docNo");
    String docNo = docNoCell.trimmed();
    Values.docNoFix(docNo).ifPresent(fix ->
        diags.report(Code.DOCNO_BRACKETS, docNoCell.location(), docNo, docNo, fix));
    Cell validityCell = b.cell(row, "validity");
    Validity validity = Validity.VALID;
    if (!validityCell.isBlank()) {
      validity = Validity.parse(validityCell.trimmed()).orElse(null);
      if (validity == null) {
        diags.report(Code.ENUM_UNKNOWN, validityCell.location(), validityCell.value(), validityCell.trimmed(),
            "有效性", Validity.allLabels());
      }
    }
    Cell disclosureCell = b.cell(row, "disclosure");
    Disclosure disclosure = null;
    if (!required(disclosureCell, "公开属性", "disclosure").isEmpty()) {
      disclosure = Disclosure.parse(disclosureCell.trimmed()).orElse(null);
      if (disclosure == null) {
        diags.report(Code.ENUM_UNKNOWN, disclosureCell.location(), disclosureCell.value(), disclosureCell.trimmed(),
            "公开属性", Disclosure.allLabels());
      }
    }
    Optional<CatalogueItem> item = item(b.cell(row, "item"), fileItem);

    Cell bodyCell = b.cell(row, "body");
    Cell bodyFileCell = b.cell(row, "bodyFile");
    String markdown = bodyCell.value().strip();
    String bodyPath = null;
    Location bodyStart = bodyCell.location();
    if (!bodyCell.isBlank() && !bodyFileCell.isBlank()) {
      diags.report(Code.BODY_CONFLICT, bodyFileCell.location(), bodyFileCell.value());
    } else if (!bodyFileCell.isBlank()) {
      Path p = tree.resolveInside("content", bodyFileCell, Bi.field("正文文件", "body_file"), diags);
      if (p != null) {
        referenced.add(p);
        Optional<SourceText> text = tree.read(p, StandardCharsets.UTF_8, diags);
        markdown = text.map(SourceText::text).orElse("");
        bodyPath = tree.rel(p);
        bodyStart = new Location(bodyPath, 1, 1);
      }
    }
    List<Attachment> attachments = attachments(b.cell(row, "attachments"));
    Cell interp = b.cell(row, "interpretation");
    Cell orig = b.cell(row, "original");

    if (disclosure == Disclosure.ACTIVE) {
      // Every published field: the metadata, attachment file names (shown as link texts) and the body.
      for (String key : List.of("title", "agency", "docNo", "subject", "scope", "attachments")) {
        PersonalData.check(b.cell(row, key), COLUMNS.column(key).zh(), diags);
      }
      checkBody(markdown, bodyPath, bodyStart);
    } else if (disclosure == Disclosure.ON_REQUEST && config.options().listOnRequest()) {
      PersonalData.check(b.cell(row, "title"), "标题", diags);
    }
    if (diags.errorCount() > before || item.isEmpty() || disclosure == null || validity == null) {
      return Optional.empty();
    }
    if (!interp.isBlank()) interpretationCells.put(indexNo, interp);
    if (!orig.isBlank()) originalCells.put(indexNo, orig);
    return Optional.of(new DisclosureRecord(indexNo, DisclosureRecord.slugOf(indexNo), title, agency,
        written.get(), published.get(), docNo, b.cell(row, "subject").trimmed(), validity, disclosure,
        b.cell(row, "scope").trimmed(), item.get().code(), markdown, bodyPath, attachments,
        interp.trimmed(), orig.trimmed(), row.location()));
  }

  /**
   * Checks a body: a hit in a body file points at its line and column; one in an inline body (a CSV or JSON value,
   * whose quoting shifts columns) at the cell.
   */
  private void checkBody(String markdown, String bodyPath, Location start) {
    if (bodyPath != null) PersonalData.checkText(markdown, new Location(bodyPath, 1, 1), "正文", diags);
    else PersonalData.check(new Cell(markdown, start), "正文", diags);
  }

  private Optional<CatalogueItem> item(Cell cell, Optional<CatalogueItem> fileItem) {
    if (catalogue.items().isEmpty()) return Optional.empty(); // the catalogue's own errors say why
    if (cell.isBlank()) {
      if (fileItem.isPresent()) return fileItem;
      diags.report(Code.FIELD_REQUIRED, cell.location(), "", Bi.field("事项", "item"));
      return Optional.empty();
    }
    String v = cell.trimmed();
    Optional<CatalogueItem> found = catalogue.item(v.toLowerCase(Locale.ROOT));
    if (found.isEmpty()) {
      String path = v.replaceAll("\\s*[/／>＞]\\s*", "/");
      found = catalogue.items().stream().filter(i -> i.path().equals(path)).findFirst();
    }
    if (found.isEmpty()) diags.report(Code.ITEM_UNKNOWN, cell.location(), cell.value(), v);
    return found;
  }

  private List<Attachment> attachments(Cell cell) {
    List<Attachment> out = new ArrayList<>();
    if (cell.isBlank()) return out;
    Set<String> names = new java.util.HashSet<>();
    for (String part : cell.value().split("[;；]")) {
      if (part.isBlank()) continue;
      Path p = tree.resolveInside("content", new Cell(part.strip(), cell.location()), Bi.field("附件", "attachments"),
          diags);
      if (p == null) continue;
      referenced.add(p);
      String name = p.getFileName().toString();
      if (!names.add(name)) {
        diags.report(Code.INDEX_DUPLICATE, cell.location(), part, name, cell.location());
        continue;
      }
      int dot = name.lastIndexOf('.');
      String format = dot < 0 ? "FILE" : name.substring(dot + 1).toUpperCase(Locale.ROOT);
      try {
        out.add(new Attachment(p, name, format, Files.size(p)));
      } catch (IOException e) {
        diags.report(Code.FILE_UNREADABLE, cell.location(), part, e.getMessage());
      }
    }
    return out;
  }

  private String required(Cell c, String zh, String en) {
    if (c.isBlank()) {
      diags.report(Code.FIELD_REQUIRED, c.location(), "", Bi.field(zh, en));
      return "";
    }
    return c.trimmed();
  }

  /**
   * Resolves 解读/原文 links: each must name an existing record, a published record may only link to published
   * ones, and the two directions must agree (one side given is enough; the other is filled in).
   */
  private List<DisclosureRecord> link(List<DisclosureRecord> records) {
    Map<String, DisclosureRecord> byIndex = new HashMap<>();
    for (DisclosureRecord r : records) byIndex.put(r.indexNo(), r);
    Map<String, String> interpretationOf = new HashMap<>();
    Map<String, String> originalOf = new HashMap<>();
    for (DisclosureRecord r : records) {
      if (!r.interpretation().isEmpty()
          && target(r, r.interpretation(), interpretationCells.get(r.indexNo()), Bi.field("解读", "interpretation"), byIndex)) {
        interpretationOf.put(r.indexNo(), r.interpretation());
      }
      if (!r.original().isEmpty()
          && target(r, r.original(), originalCells.get(r.indexNo()), Bi.field("原文", "original"), byIndex)) {
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
    List<DisclosureRecord> out = new ArrayList<>();
    for (DisclosureRecord r : records) {
      out.add(new DisclosureRecord(r.indexNo(), r.slug(), r.title(), r.agency(), r.written(), r.published(),
          r.docNo(), r.subject(), r.validity(), r.disclosure(), r.scope(), r.itemCode(), r.markdown(), r.bodyPath(),
          r.attachments(), interpretationOf.getOrDefault(r.indexNo(), ""), originalOf.getOrDefault(r.indexNo(), ""),
          r.origin()));
    }
    return out;
  }

  private boolean target(DisclosureRecord from, String to, Cell cell, Bi field, Map<String, DisclosureRecord> byIndex) {
    DisclosureRecord t = byIndex.get(to);
    if (t == null && indexSeen.containsKey(to) && !to.equals(from.indexNo())) return false; // already reported
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
