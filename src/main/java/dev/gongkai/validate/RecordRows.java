package dev.gongkai.validate;

import static dev.gongkai.validate.RecordValidator.COLUMNS;

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
import dev.gongkai.model.CatalogueIndex;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the rows of one record table on their own, as {@link RecordValidator} runs them on every core: everything
 * a row can be checked for without the other rows (required metadata, dates, enumerations, the index number's format,
 * the item, body file and attachments, personal data in what will be published). What depends on other rows (a
 * duplicate index number, 解读/原文 links) is left to the validator, which takes the rows in file and row order.
 *
 * <p>Reports to its own {@link Diagnostics} (a row whose checks add an error gives no record) and adds the content
 * files rows reference to a set shared by all tables, which must be thread-safe.
 */
final class RecordRows {
  /**
   * One row checked.
   *
   * @param indexNo the row's index number when it is well formed (to be claimed), else null
   * @param indexAt where the index number is
   * @param record the record, or null when the row has errors
   * @param interpretation the 解读 cell, for the validator's link checks
   * @param original the 原文 cell
   */
  record Checked(String indexNo, Location indexAt, DisclosureRecord record, Cell interpretation, Cell original) {}

  private final SourceTree tree;
  private final SiteConfig config;
  private final CatalogueIndex catalogue;
  private final Diagnostics diags;
  private final Set<Path> referenced;

  RecordRows(SourceTree tree, SiteConfig config, CatalogueIndex catalogue, Diagnostics diags, Set<Path> referenced) {
    this.tree = tree;
    this.config = config;
    this.catalogue = catalogue;
    this.diags = diags;
    this.referenced = referenced;
  }

  /** Checks every row of {@code t}: one entry per row (none when its header cannot be bound, which is reported). */
  List<Checked> table(Table t) {
    List<Checked> out = new ArrayList<>();
    String base = t.path().substring(t.path().lastIndexOf('/') + 1).replaceFirst("(?i)\\.(csv|json|xlsx)$", "");
    Optional<CatalogueItem> fileItem = catalogue.item(base.toLowerCase(Locale.ROOT));
    // Without a usable catalogue (its own errors are reported) item references cannot be checked: not repeated here.
    boolean noCatalogue = catalogue.isEmpty();
    var bound = fileItem.isPresent() || noCatalogue ? COLUMNS.bind(t, diags, "item") : COLUMNS.bind(t, diags);
    if (bound.isEmpty()) return out;
    for (Row row : t.rows()) out.add(record(bound.get(), row, fileItem));
    return out;
  }

  private Checked record(ColumnSet.Bound b, Row row, Optional<CatalogueItem> fileItem) {
    int before = diags.errorCount();
    Cell indexCell = b.cell(row, "indexNo");
    String indexNo = required(indexCell, "索引号", "index_no");
    boolean validIndex = !indexNo.isEmpty() && Values.validIndexNo(indexNo);
    if (!indexNo.isEmpty() && !validIndex) {
      diags.report(Code.INDEX_FORMAT, indexCell.location(), indexCell.value(), indexNo);
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
    String claimed = validIndex ? indexNo : null;
    if (diags.errorCount() > before || item.isEmpty() || disclosure == null || validity == null) {
      return new Checked(claimed, indexCell.location(), null, interp, orig);
    }
    return new Checked(claimed, indexCell.location(), new DisclosureRecord(indexNo, DisclosureRecord.slugOf(indexNo),
        title, agency, written.get(), published.get(), docNo, b.cell(row, "subject").trimmed(), validity, disclosure,
        b.cell(row, "scope").trimmed(), item.get().code(), markdown, bodyPath, attachments,
        interp.trimmed(), orig.trimmed(), row.location()), interp, orig);
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
    if (catalogue.isEmpty()) return Optional.empty(); // the catalogue's own errors say why
    if (cell.isBlank()) {
      if (fileItem.isPresent()) return fileItem;
      diags.report(Code.FIELD_REQUIRED, cell.location(), "", Bi.field("事项", "item"));
      return Optional.empty();
    }
    String v = cell.trimmed();
    Optional<CatalogueItem> found = catalogue.item(v.toLowerCase(Locale.ROOT));
    if (found.isEmpty()) found = catalogue.itemByPath(v.replaceAll("\\s*[/／>＞]\\s*", "/"));
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
}
