package dev.gongkai.scaffold;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Lang;
import dev.gongkai.diag.Location;
import dev.gongkai.load.Cell;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.Inputs;
import dev.gongkai.load.Row;
import dev.gongkai.load.SourceTree;
import dev.gongkai.load.Table;
import dev.gongkai.load.TextDecoder;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.SiteConfig;
import dev.gongkai.model.Validity;
import dev.gongkai.validate.CatalogueValidator;
import dev.gongkai.validate.Column;
import dev.gongkai.validate.PersonalData;
import dev.gongkai.validate.RecordValidator;
import dev.gongkai.validate.SiteConfigValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code gongkai new record}: adds a record to a catalogue item's own record file (CSV or JSON) with the agency's next
 * 索引号 ({@link IndexNumbers}), the given title and date, and the usual defaults (发布机构 the site's agency,
 * 有效性 有效, 公开属性 主动公开, 公开范围 全社会); the other columns are left blank for the publisher. The file keeps its
 * charset, byte order mark, line ends and layout. An item without a file of its own gets a new CSV file
 * ({@link RecordFiles#defaultPath}).
 *
 * <p>Errors elsewhere in the site do not stop it; errors in the site config, the catalogue or the file to write do.
 */
public final class NewRecord {
  /** What to add. {@code item} is a catalogue code ({@code aqsc-01-01}) or path ({@code 安全生产/政策文件/法律法规}). */
  public record Request(Path source, String item, String title, LocalDate date) {}

  /**
   * What was added.
   *
   * @param file the record file, relative to the source with {@code /}
   * @param line the line the new record starts on
   * @param created whether the file was created for it
   * @param prefixFrom where the 前段码 came from: {@code options.indexPrefix}, {@code records} or {@code regionCode}
   */
  public record Result(String indexNo, String file, int line, boolean created, String prefixFrom) {
    /** {@code file:line}, as editors open it. */
    public String location() {
      return file + ":" + line;
    }
  }

  /**
   * The record cannot be added. {@code usage} tells a wrong request (exit 2) from a site whose files must be fixed
   * first (exit 1); {@code diagnostics} are those problems, located; {@link #reason} says why in Chinese and English
   * (the exception's message holds both, Chinese first).
   */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean usage;
    private final Bi reason;
    private final transient List<Diagnostic> diagnostics;

    Refused(boolean usage, Bi reason, List<Diagnostic> diagnostics) {
      super(Lang.BOTH.pick(reason));
      this.usage = usage;
      this.reason = reason;
      this.diagnostics = List.copyOf(diagnostics);
    }

    public boolean usage() {
      return usage;
    }

    /** Why, in both languages: the command line prints the one it was asked for. */
    public Bi reason() {
      return reason;
    }

    public List<Diagnostic> diagnostics() {
      return diagnostics;
    }
  }

  private NewRecord() {}

  /**
   * Adds the record.
   *
   * @throws java.nio.file.NoSuchFileException when the source folder does not exist
   * @throws Refused when the request or the site does not allow it; nothing was written then
   */
  public static Result add(Request req) throws IOException, Refused {
    String title = req.title() == null ? "" : req.title().strip();
    if (title.isEmpty() || title.chars().anyMatch(Character::isISOControl)) {
      throw usage(Bi.message("new.title-one-line"));
    }
    SourceTree tree = new SourceTree(req.source());
    Diagnostics diags = new Diagnostics();
    Inputs in = InputLoader.load(tree, diags);
    Optional<SiteConfig> config = SiteConfigValidator.validate(in.siteConfig(), diags);
    Catalogue catalogue = CatalogueValidator.validate(in.catalogue(), diags);
    if (config.isEmpty() || catalogue.items().isEmpty()) {
      throw new Refused(false, Bi.message("new.fix-config"),
          errorsIn(diags, Set.of(InputLoader.SITE_CONFIG, InputLoader.CATALOGUE)));
    }
    CatalogueItem item = item(catalogue, req.item());

    Diagnostics personal = new Diagnostics();
    PersonalData.check(new Cell(title, new Location("--title", 1, 1)), "标题", personal);
    if (personal.errorCount() > 0) {
      throw new Refused(false, Bi.message("new.title-personal"), personal.sorted());
    }

    List<Path> own = RecordFiles.find(tree.root(), item);
    for (Path p : own) {
      if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
        throw usage(Bi.message("new.xlsx", tree.rel(p)));
      }
    }
    if (own.size() > 1) {
      throw usage(Bi.message("new.several-files", item.code(), Bi.list(own.stream().map(tree::rel).toList())));
    }
    boolean created = own.isEmpty();
    Path file = created ? tree.root().resolve(RecordFiles.defaultPath(item)) : own.get(0);
    String rel = tree.rel(file);
    Table table = created ? null : in.records().stream().filter(t -> t.path().equals(rel)).findFirst().orElse(null);
    if (!created && (table == null || RecordValidator.COLUMNS.bind(table, new Diagnostics(), "item").isEmpty())) {
      Diagnostics header = new Diagnostics();
      if (table != null) RecordValidator.COLUMNS.bind(table, header, "item");
      List<Diagnostic> problems = new ArrayList<>(errorsIn(diags, Set.of(rel)));
      problems.addAll(header.sorted());
      throw new Refused(false, Bi.message("new.fix-file", rel), problems);
    }

    List<String> all = indexNumbers(tree, in, config.get());
    List<String> inFile = table == null ? List.of() : column(table, "indexNo");
    String prefixFrom;
    String prefix;
    if (!config.get().options().indexPrefix().isEmpty()) {
      prefix = config.get().options().indexPrefix();
      prefixFrom = "options.indexPrefix";
    } else {
      Optional<String> found = IndexNumbers.commonestPrefix(inFile).or(() -> IndexNumbers.commonestPrefix(all));
      prefix = found.orElse(config.get().regionCode());
      prefixFrom = found.isPresent() ? "records" : "regionCode";
    }
    String indexNo = IndexNumbers.next(all, prefix, IndexNumbers.style(all, prefix), req.date());

    Map<String, String> values = new LinkedHashMap<>();
    values.put("indexNo", indexNo);
    values.put("title", title);
    values.put("agency", config.get().agency());
    values.put("written", req.date().toString());
    values.put("published", req.date().toString());
    values.put("validity", Validity.VALID.label());
    values.put("disclosure", Disclosure.ACTIVE.label());
    values.put("scope", "全社会");
    values.put("item", item.code());

    Charset declared = config.get().options().encoding().equals("UTF-8") ? StandardCharsets.UTF_8 : TextDecoder.GB18030;
    int line;
    if (created) {
      Files.createDirectories(file.getParent());
      RecordText empty = RecordText.of(RecordFiles.HEADER + "\n", StandardCharsets.UTF_8, true);
      List<String> header = List.of(RecordFiles.HEADER.split(","));
      CsvAppender.Appended a = CsvAppender.append(empty.text(), empty.eol(), row(header, values));
      empty.with(a.text()).write(file);
      line = a.line();
    } else {
      RecordText text = RecordText.read(file, rel.endsWith(".json") ? StandardCharsets.UTF_8 : declared)
          .orElseThrow(() -> new Refused(false, Bi.message("new.not-text", rel), List.of()));
      if (rel.toLowerCase(Locale.ROOT).endsWith(".json")) {
        line = appendJson(file, text, values);
      } else {
        List<String> header = table.header().stream().map(Cell::value).toList();
        CsvAppender.Appended a = CsvAppender.append(text.text(), text.eol(), row(header, values));
        text.with(a.text()).write(file);
        line = a.line();
      }
    }
    return new Result(indexNo, rel, line, created, prefixFrom);
  }

  private static int appendJson(Path file, RecordText text, Map<String, String> values) throws IOException {
    List<String> keys = new ArrayList<>(JsonAppender.lastKeys(text.text()));
    boolean english = keys.stream().anyMatch(k -> k.strip().equalsIgnoreCase("index_no"));
    // Every column we fill goes in, under the name the file uses for it; the last record's other keys stay, blank.
    // 事项 only where the records already carry it: a wrapped file has it once, a file named after its item needs none.
    for (String key : values.keySet()) {
      Column c = RecordValidator.COLUMNS.column(key);
      if (!key.equals("item") && keys.stream().noneMatch(c::matches)) keys.add(english ? c.en() : c.zh());
    }
    Map<String, String> byName = new LinkedHashMap<>();
    for (String k : keys) byName.put(k, valueFor(k, values));
    JsonAppender.Appended a = JsonAppender.append(text.text(), text.eol(), byName);
    text.with(a.text()).write(file);
    return a.line();
  }

  /** The value of the column a header names, or "" for columns left to the publisher. */
  private static String valueFor(String header, Map<String, String> values) {
    for (Column c : RecordValidator.COLUMNS.columns()) {
      if (c.matches(header)) return values.getOrDefault(c.key(), "");
    }
    return "";
  }

  private static List<String> row(List<String> header, Map<String, String> values) {
    return header.stream().map(h -> valueFor(h, values)).toList();
  }

  private static CatalogueItem item(Catalogue catalogue, String given) throws Refused {
    String v = given == null ? "" : given.strip();
    Optional<CatalogueItem> found = catalogue.item(v.toLowerCase(Locale.ROOT));
    if (found.isEmpty()) {
      String path = v.replaceAll("\\s*[/／>＞]\\s*", "/");
      found = catalogue.items().stream().filter(i -> i.path().equals(path)).findFirst();
    }
    if (found.isPresent()) return found.get();
    Bi some = Bi.list(catalogue.items().stream().limit(3).map(CatalogueItem::code).toList());
    throw usage(Bi.message("new.unknown-item", v, some));
  }

  /**
   * Every 索引号 in the site's record files: the 索引号 column of each table the loader read, and any 索引号-shaped
   * text in record files it could not read as tables (broken files, spreadsheets), so that none is given twice.
   */
  static List<String> indexNumbers(SourceTree tree, Inputs in, SiteConfig config) throws IOException {
    List<String> out = new ArrayList<>();
    Set<String> read = new TreeSet<>();
    for (Table t : in.records()) {
      read.add(t.path());
      out.addAll(column(t, "indexNo"));
    }
    Path dir = tree.root().resolve(InputLoader.RECORDS_DIR);
    if (!Files.isDirectory(dir)) return out;
    List<Path> rest;
    try (Stream<Path> files = Files.walk(dir)) {
      rest = files.filter(Files::isRegularFile).filter(p -> !read.contains(tree.rel(p))).sorted().toList();
    }
    Charset declared = config.options().encoding().equals("UTF-8") ? StandardCharsets.UTF_8 : TextDecoder.GB18030;
    for (Path p : rest) {
      String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".xlsx")) out.addAll(IndexNumbers.findIn(xlsxText(p)));
      else if (name.endsWith(".csv") || name.endsWith(".json")) {
        byte[] b = Files.readAllBytes(p);
        out.addAll(IndexNumbers.findIn(new String(b, StandardCharsets.UTF_8) + "\n" + new String(b, declared)));
      }
    }
    return out;
  }

  /** The text of a workbook's shared strings and sheets (its cells, with XML around them). */
  private static String xlsxText(Path p) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (InputStream raw = Files.newInputStream(p); ZipInputStream zip = new ZipInputStream(raw)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (e.getName().startsWith("xl/") && e.getName().endsWith(".xml")) {
          sb.append(new String(zip.readNBytes(64 << 20), StandardCharsets.UTF_8)).append('\n');
        }
      }
    } catch (java.util.zip.ZipException e) {
      // not a workbook: the loader reports it
    }
    return sb.toString();
  }

  private static List<String> column(Table t, String key) {
    Column c = RecordValidator.COLUMNS.column(key);
    int i = -1;
    for (int h = 0; h < t.header().size(); h++) {
      if (c.matches(t.header().get(h).value())) {
        i = h;
        break;
      }
    }
    List<String> out = new ArrayList<>();
    if (i < 0) return out;
    for (Row r : t.rows()) out.add(r.cells().get(i).trimmed());
    return out;
  }

  private static List<Diagnostic> errorsIn(Diagnostics diags, Set<String> paths) {
    return diags.sorted().stream().filter(d -> d.isError() && paths.contains(d.location().path())).toList();
  }

  private static Refused usage(Bi reason) {
    return new Refused(true, reason, List.of());
  }
}
