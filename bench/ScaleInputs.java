import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns a synthetic gongkai site ({@code bench/SyntheticSite.java}) into the inputs {@code bench/scale.sh} compares
 * against, so that every tool works on exactly the same records:
 *
 * <pre>
 * java bench/ScaleInputs.java hugo   SITE HUGODIR           Hugo content: one section per catalogue item
 * java bench/ScaleInputs.java subset SITE M OUTSITE         a gongkai site with M of SITE's records, evenly spaced
 * java bench/ScaleInputs.java jbake  SITE JBAKEDIR          JBake content (key=value … ~~~~~~ headers)
 * java bench/ScaleInputs.java edit   SITE BACKUP            edits one record in place (title and body)
 * </pre>
 *
 * <p>Only 主动公开 records become Hugo or JBake pages, because only those are published by gongkai (依申请公开 is
 * listed only when {@code listOnRequest} is set, which the synthetic config does not do). {@code edit} saves the
 * CSV file it changes to BACKUP first and prints {@code <csv path relative to SITE>\t<slug>\t<new title>} on stdout.
 * Summaries go to stderr. Deterministic; no dependencies; Java 17 single-file source launch.
 */
public final class ScaleInputs {
  static final String[] RECORD_HEADER =
      {"索引号", "标题", "发布机构", "成文日期", "发布日期", "文号", "主题分类", "有效性", "公开属性", "公开范围", "正文"};
  static final String PUBLISHED = "主动公开";
  static final String EDIT_MARK = "〔基准编辑〕";

  /** A catalogue item: code, domain name, level 1 and level 2. */
  record Item(String code, String domain, String level1, String level2) {
    String domainSlug() {
      int dash = code.indexOf('-');
      return dash < 0 ? code : code.substring(0, dash);
    }
  }

  /** One CSV file: its header and rows (fields as written, unquoted). */
  record Table(List<String> header, List<List<String>> rows) {
    int col(String name, Path file) {
      int i = header.indexOf(name);
      if (i < 0) throw new IllegalArgumentException(file + ": no column " + name + " in " + header);
      return i;
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0) usage();
    long t0 = System.nanoTime();
    String what;
    switch (args[0]) {
      case "hugo" -> {
        need(args, 3);
        what = hugo(Path.of(args[1]), Path.of(args[2]));
      }
      case "subset" -> {
        need(args, 4);
        what = subset(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
      }
      case "jbake" -> {
        need(args, 3);
        what = jbake(Path.of(args[1]), Path.of(args[2]));
      }
      case "edit" -> {
        need(args, 3);
        what = edit(Path.of(args[1]), Path.of(args[2]));
      }
      default -> {
        usage();
        return;
      }
    }
    System.err.printf("ScaleInputs %s: %s in %.1f s%n", args[0], what, (System.nanoTime() - t0) / 1e9);
  }

  static void need(String[] args, int n) {
    if (args.length != n) usage();
  }

  static void usage() {
    System.err.println("usage: java bench/ScaleInputs.java hugo SITE HUGODIR | subset SITE M OUTSITE"
        + " | jbake SITE JBAKEDIR | edit SITE BACKUP");
    System.exit(2);
  }

  // ------------------------------------------------------------------------------------------------ reading
  static List<Item> catalogue(Path site) throws IOException {
    Path file = site.resolve("catalogue/catalogue.csv");
    Table t = read(file);
    int code = t.col("编码", file);
    int domain = t.col("领域", file);
    int l1 = t.col("一级事项", file);
    int l2 = t.col("二级事项", file);
    List<Item> items = new ArrayList<>();
    for (List<String> r : t.rows()) {
      if (r.size() <= Math.max(Math.max(code, domain), Math.max(l1, l2)) || r.get(code).isBlank()) continue;
      items.add(new Item(r.get(code).strip(), r.get(domain).strip(), r.get(l1).strip(), r.get(l2).strip()));
    }
    if (items.isEmpty()) throw new IllegalArgumentException(file + ": no catalogue items");
    return items;
  }

  /** The record files of the site's items, in catalogue order (items without a file are skipped). */
  static Map<Item, Path> recordFiles(Path site, List<Item> items) {
    Map<Item, Path> files = new LinkedHashMap<>();
    for (Item it : items) {
      Path f = site.resolve("catalogue/records/" + it.code() + ".csv");
      if (Files.isRegularFile(f)) files.put(it, f);
    }
    if (files.isEmpty()) throw new IllegalArgumentException(site + ": no catalogue/records/<item>.csv files");
    return files;
  }

  static Table read(Path file) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    if (s.startsWith("\uFEFF")) s = s.substring(1);
    List<List<String>> rows = parseCsv(s);
    if (rows.isEmpty()) throw new IllegalArgumentException(file + ": empty CSV file");
    return new Table(rows.get(0), new ArrayList<>(rows.subList(1, rows.size())));
  }

  /** RFC 4180, as SyntheticSite writes it (quoted fields may hold commas, quotes and line breaks). */
  static List<List<String>> parseCsv(String s) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(f.toString());
        f.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
        row.add(f.toString());
        f.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        f.append(c);
      }
    }
    if (f.length() > 0 || !row.isEmpty()) {
      row.add(f.toString());
      rows.add(row);
    }
    return rows;
  }

  /** gongkai's DisclosureRecord.slugOf: [0-9A-Za-z-] kept, everything else '-', lower case. */
  static String slugOf(String indexNo) {
    StringBuilder b = new StringBuilder();
    for (char c : indexNo.toCharArray()) {
      b.append((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ? c : '-');
    }
    return b.toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** One record's fields by column name. */
  record Rec(Item item, String indexNo, String title, String agency, String written, String published, String docNo,
      String subject, String validity, String disclosure, String body) {
    String slug() {
      return slugOf(indexNo);
    }

    static Rec of(Item item, Table t, Path file, List<String> r) {
      return new Rec(item, get(t, file, r, "索引号"), get(t, file, r, "标题"), get(t, file, r, "发布机构"),
          get(t, file, r, "成文日期"), get(t, file, r, "发布日期"), get(t, file, r, "文号"), get(t, file, r, "主题分类"),
          get(t, file, r, "有效性"), get(t, file, r, "公开属性"), get(t, file, r, "正文"));
    }

    static String get(Table t, Path file, List<String> r, String col) {
      int i = t.col(col, file);
      return i < r.size() ? r.get(i) : "";
    }
  }

  interface RecordSink {
    void accept(Rec r) throws IOException;
  }

  /** Calls sink for every record of the site, item by item in catalogue order, rows in file order. */
  static int forEachRecord(Path site, List<Item> items, RecordSink sink) throws IOException {
    int n = 0;
    for (Map.Entry<Item, Path> e : recordFiles(site, items).entrySet()) {
      Table t = read(e.getValue());
      for (List<String> row : t.rows()) {
        if (row.size() == 1 && row.get(0).isEmpty()) continue; // blank line
        sink.accept(Rec.of(e.getKey(), t, e.getValue(), row));
        n++;
      }
    }
    return n;
  }

  // --------------------------------------------------------------------------------------------------- Hugo
  /**
   * HUGODIR/content: {@code _index.md} (home), {@code <domain>/_index.md}, {@code <domain>/<item>/_index.md} (one
   * section per catalogue item, nested under its domain as gongkai's catalogue/<domain>/<item>/ is) and one page per
   * published record at {@code /records/<slug>/}, gongkai's record URL. HUGODIR's hugo.toml and layouts/ come from
   * bench/hugo/ (copied by scale.sh).
   */
  static String hugo(Path site, Path dir) throws IOException {
    List<Item> items = catalogue(site);
    Path content = dir.resolve("content");
    Files.createDirectories(content);
    write(content.resolve("_index.md"), "---\ntitle: " + yaml("首页") + "\n---\n");
    Map<String, String> domains = new LinkedHashMap<>();
    for (Item it : items) domains.putIfAbsent(it.domainSlug(), it.domain());
    int w = 0;
    for (Map.Entry<String, String> d : domains.entrySet()) {
      Path dd = content.resolve(d.getKey());
      Files.createDirectories(dd);
      write(dd.resolve("_index.md"), "---\ntitle: " + yaml(d.getValue()) + "\nweight: " + (++w) + "\n---\n");
    }
    w = 0;
    for (Item it : items) {
      Path id = content.resolve(it.domainSlug()).resolve(it.code());
      Files.createDirectories(id);
      write(id.resolve("_index.md"), "---\ntitle: " + yaml(it.level2()) + "\nweight: " + (++w)
          + "\ncode: " + yaml(it.code()) + "\ndomain: " + yaml(it.domain()) + "\nlevel1: " + yaml(it.level1()) + "\n---\n");
    }
    int[] published = {0};
    int total = forEachRecord(site, items, r -> {
      if (!r.disclosure().equals(PUBLISHED)) return;
      published[0]++;
      Path p = content.resolve(r.item().domainSlug()).resolve(r.item().code()).resolve(r.slug() + ".md");
      StringBuilder b = new StringBuilder(r.body().length() + 512);
      b.append("---\n");
      b.append("title: ").append(yaml(r.title())).append('\n');
      b.append("date: ").append(r.published()).append('\n');
      b.append("url: ").append(yaml("/records/" + r.slug() + "/")).append('\n');
      b.append("索引号: ").append(yaml(r.indexNo())).append('\n');
      b.append("文号: ").append(yaml(r.docNo())).append('\n');
      b.append("发布机构: ").append(yaml(r.agency())).append('\n');
      b.append("成文日期: ").append(yaml(r.written())).append('\n');
      b.append("发布日期: ").append(yaml(r.published())).append('\n');
      b.append("主题分类: ").append(yaml(r.subject())).append('\n');
      b.append("有效性: ").append(yaml(r.validity())).append('\n');
      b.append("item: ").append(yaml(r.item().code())).append('\n');
      b.append("---\n");
      b.append(lf(r.body())).append('\n');
      write(p, b.toString());
    });
    return total + " records read, " + published[0] + " published written as Hugo pages, " + items.size()
        + " item sections in " + domains.size() + " domains → " + content;
  }

  /** A YAML double-quoted scalar. */
  static String yaml(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  static String lf(String s) {
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }

  // ------------------------------------------------------------------------------------------------- subset
  /**
   * A gongkai site with M of SITE's records: the i-th record (0-based, items in catalogue order, rows in file order)
   * is kept when ⌊(i+1)·M/N⌋ > ⌊i·M/N⌋, so every item keeps its share and its date spread. The config, catalogue and
   * content pages are copied; each dataset keeps its first max(1, M/100) rows (SyntheticSite's N/100).
   */
  static String subset(Path site, int m, Path out) throws IOException {
    List<Item> items = catalogue(site);
    Map<Item, Path> files = recordFiles(site, items);
    int n = 0;
    Map<Item, Table> tables = new LinkedHashMap<>();
    for (Map.Entry<Item, Path> e : files.entrySet()) {
      Table t = read(e.getValue());
      t.rows().removeIf(r -> r.size() == 1 && r.get(0).isEmpty());
      tables.put(e.getKey(), t);
      n += t.rows().size();
    }
    if (m <= 0 || m > n) throw new IllegalArgumentException("subset: M must be 1.." + n + ", got " + m);
    Path cat = out.resolve("catalogue");
    Files.createDirectories(cat.resolve("records"));
    Files.copy(site.resolve("catalogue/site.json"), cat.resolve("site.json"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(site.resolve("catalogue/catalogue.csv"), cat.resolve("catalogue.csv"), StandardCopyOption.REPLACE_EXISTING);
    long i = 0;
    int kept = 0;
    for (Map.Entry<Item, Table> e : tables.entrySet()) {
      Table t = e.getValue();
      try (BufferedWriter w = Files.newBufferedWriter(cat.resolve("records/" + e.getKey().code() + ".csv"),
          StandardCharsets.UTF_8)) {
        csvRow(w, t.header());
        for (List<String> r : t.rows()) {
          if ((i + 1) * m / n > i * m / n) {
            csvRow(w, r);
            kept++;
          }
          i++;
        }
      }
    }
    Path ds = site.resolve("catalogue/datasets");
    int datasets = 0;
    if (Files.isDirectory(ds)) {
      Files.createDirectories(cat.resolve("datasets"));
      int rows = Math.max(1, m / 100);
      try (Stream<Path> s = Files.list(ds)) {
        for (Path p : s.sorted().toList()) {
          String name = p.getFileName().toString();
          if (name.endsWith(".csv")) {
            Table t = read(p);
            try (BufferedWriter w = Files.newBufferedWriter(cat.resolve("datasets/" + name), StandardCharsets.UTF_8)) {
              csvRow(w, t.header());
              for (List<String> r : t.rows().subList(0, Math.min(rows, t.rows().size()))) csvRow(w, r);
            }
            datasets++;
          } else if (Files.isRegularFile(p)) {
            Files.copy(p, cat.resolve("datasets/" + name), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    Path content = site.resolve("content");
    if (Files.isDirectory(content)) copyTree(content, out.resolve("content"));
    return kept + " of " + n + " records, " + datasets + " datasets of ≤ " + Math.max(1, m / 100) + " rows → " + out;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted().toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  // -------------------------------------------------------------------------------------------------- JBake
  /**
   * JBAKEDIR/content/records/<slug>.md for every published record (type=post, tags=<item code>, so JBake's tag
   * pages are the per-item lists) with the metadata as header keys, and the site's content pages (already JBake
   * pages) under JBAKEDIR/content/. Templates and jbake.properties come from bench/jbake/ (copied by scale.sh).
   */
  static String jbake(Path site, Path dir) throws IOException {
    List<Item> items = catalogue(site);
    Path records = dir.resolve("content/records");
    Files.createDirectories(records);
    int[] published = {0};
    int total = forEachRecord(site, items, r -> {
      if (!r.disclosure().equals(PUBLISHED)) return;
      published[0]++;
      StringBuilder b = new StringBuilder(r.body().length() + 512);
      header(b, "title", r.title());
      header(b, "date", r.published());
      header(b, "type", "post");
      header(b, "status", "published");
      header(b, "tags", r.item().code());
      header(b, "indexno", r.indexNo());
      header(b, "docno", r.docNo());
      header(b, "agency", r.agency());
      header(b, "written", r.written());
      header(b, "subject", r.subject());
      header(b, "validity", r.validity());
      header(b, "item", r.item().code());
      header(b, "itemtitle", r.item().level1() + " · " + r.item().level2());
      header(b, "domain", r.item().domain());
      b.append("~~~~~~\n").append(lf(r.body())).append('\n');
      write(records.resolve(r.slug() + ".md"), b.toString());
    });
    Path content = site.resolve("content");
    int pages = 0;
    if (Files.isDirectory(content)) {
      try (Stream<Path> s = Files.list(content)) {
        for (Path p : s.sorted().toList()) {
          if (p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p)) {
            Files.copy(p, dir.resolve("content").resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            pages++;
          }
        }
      }
    }
    return total + " records read, " + published[0] + " published written as JBake posts, " + pages + " pages → "
        + dir.resolve("content");
  }

  static void header(StringBuilder b, String key, String value) {
    // JBake splits a header line at its first '=' and trims; a value cannot span lines.
    b.append(key).append('=').append(value.replace('\n', ' ').replace('\r', ' ')).append('\n');
  }

  // --------------------------------------------------------------------------------------------------- edit
  /**
   * Edits one published record: the middle 主动公开 row of the largest record file gets {@value #EDIT_MARK} in front
   * of its title and one more paragraph in its body. The file is saved to BACKUP first and rewritten with
   * SyntheticSite's quoting rules (CRLF, quotes only where needed), so every other row keeps its bytes.
   */
  static String edit(Path site, Path backup) throws IOException {
    List<Item> items = catalogue(site);
    Path biggest = null;
    long size = -1;
    for (Path f : recordFiles(site, items).values()) {
      if (Files.size(f) > size) {
        size = Files.size(f);
        biggest = f;
      }
    }
    Table t = read(biggest);
    int title = t.col("标题", biggest);
    int body = t.col("正文", biggest);
    int disclosure = t.col("公开属性", biggest);
    int indexNo = t.col("索引号", biggest);
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < t.rows().size(); i++) {
      List<String> r = t.rows().get(i);
      if (r.size() == t.header().size() && r.get(disclosure).equals(PUBLISHED)) candidates.add(i);
    }
    if (candidates.isEmpty()) throw new IllegalArgumentException(biggest + ": no 主动公开 record to edit");
    List<String> row = t.rows().get(candidates.get(candidates.size() / 2));
    if (row.get(title).startsWith(EDIT_MARK)) {
      throw new IllegalArgumentException(biggest + ": already edited (" + row.get(title) + "); restore the site first");
    }
    Files.createDirectories(backup.toAbsolutePath().getParent());
    Files.copy(biggest, backup, StandardCopyOption.REPLACE_EXISTING);
    String newTitle = EDIT_MARK + row.get(title);
    row.set(title, newTitle);
    row.set(body, row.get(body) + "\n\n（本条信息已更正：基准测试的单条记录修改。）");
    String tmpName = biggest.getFileName() + ".tmp";
    Path tmp = biggest.resolveSibling(tmpName);
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      csvRow(w, t.header());
      for (List<String> r : t.rows()) csvRow(w, r);
    }
    Files.move(tmp, biggest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    String rel = site.relativize(biggest).toString();
    System.out.println(rel + "\t" + slugOf(row.get(indexNo)) + "\t" + newTitle);
    return "record " + row.get(indexNo) + " in " + rel + " retitled “" + newTitle + "”";
  }

  // -------------------------------------------------------------------------------------------------- output
  static void write(Path p, String s) throws IOException {
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }

  static void csvRow(Writer w, List<String> fields) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) w.write(',');
        String f = fields.get(i);
        if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
          w.write('"');
          w.write(f.replace("\"", "\"\""));
          w.write('"');
        } else {
          w.write(f);
        }
      }
      w.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
