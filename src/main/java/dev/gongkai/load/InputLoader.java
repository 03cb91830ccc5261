package dev.gongkai.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.validate.RecordValidator;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Stage 1: reads every input file of a site source folder into {@link Inputs}. Problems are collected, not thrown:
 * a broken file is reported and left out, and the rest is still read so that one run shows every error.
 *
 * <p>Record files are {@code .csv}, {@code .json} or {@code .xlsx}; a dataset's data file is a {@code .csv} or an
 * {@code .xlsx} beside its {@code .schema.json} (both for one dataset is the error {@code data-file-duplicate}).
 * Workbooks are read by {@link XlsxReader}; Excel's lock files ({@code ~$name.xlsx}) are skipped.
 */
public final class InputLoader {
  public static final String SITE_CONFIG = "catalogue/site.json";
  public static final String CATALOGUE = "catalogue/catalogue.csv";
  public static final String RECORDS_DIR = "catalogue/records";
  public static final String DATASETS_DIR = "catalogue/datasets";
  public static final String CONTENT_DIR = "content";
  public static final String DOCUMENTS_DIR = "content/documents";

  /**
   * Whether a header cell names a record column (a Chinese header or its English alias, as the record validator
   * binds them): what finds the header row below title rows in a workbook. The one thing loading takes from
   * validation, so that both agree on the headers.
   */
  private static final Predicate<String> RECORD_HEADER = RecordValidator.COLUMNS::knows;

  private InputLoader() {}

  public static Inputs load(SourceTree tree, Diagnostics diags) throws IOException {
    return load(tree, diags, null);
  }

  /**
   * What a caller already knows of record files: {@code gongkai serve} keeps each file's checked rows between builds
   * (see {@code RowsMemo}) and need not have the file read again.
   */
  @FunctionalInterface
  public interface Known {
    /**
     * Whether the record file {@code rel} with this stamp, checked against this context, is known (it is then left
     * unread).
     */
    boolean has(String rel, FileStamp stamp, byte[] context);
  }

  /**
   * Reads the site, leaving unread the record files {@code known} already knows (null: reads every file). With a
   * {@code known}, the result's {@link Inputs#context()} is a SHA-256 over the stamps of {@code site.json},
   * {@code catalogue.csv} and every file under {@code content/} (body files, attachments: what a row's checks read
   * besides its own file), and each record file's stamp is taken before it is read, so that a file changed while
   * it is read is read again next time.
   */
  public static Inputs load(SourceTree tree, Diagnostics diags, Known known) throws IOException {
    SourceText config = readConfig(tree, diags);
    Charset csvCharset = csvCharset(config);
    Table catalogue = readCatalogue(tree, csvCharset, diags);

    // Every file under content/, whatever its kind, in one walk: pages may link images and files that are then
    // published, so a symlink there that leaves the source is an error (reported once), never followed.
    List<Path> contentFiles = tree.files(CONTENT_DIR, diags);
    byte[] context = known == null ? new byte[0] : context(tree, csvCharset, contentFiles);

    // A .csv, .json and .xlsx of the same name are all read, like any two record files: their records are merged,
    // and a record kept in both is reported as a duplicate index number.
    // Each file is read and parsed on its own, on every core, and kept in file order (diagnostics are kept in
    // file, line and column order whatever thread reports them).
    List<Inputs.RecordFile> recordFiles = tree.files(RECORDS_DIR, diags, ".csv", ".json", ".xlsx").parallelStream()
        .map(p -> recordFile(tree, p, csvCharset, known, context, diags)).toList();
    List<Table> records = recordFiles.stream().map(Inputs.RecordFile::table).filter(t -> t != null).toList();

    List<Inputs.DatasetSource> datasets = loadDatasets(tree, csvCharset, diags);

    List<PageSource> content = new ArrayList<>();
    List<Path> documents = new ArrayList<>();
    for (Path p : contentFiles) {
      String rel = tree.rel(p);
      if (rel.startsWith(DOCUMENTS_DIR + "/")) {
        documents.add(p);
      } else if (rel.toLowerCase(Locale.ROOT).endsWith(".md")) {
        tree.read(p, StandardCharsets.UTF_8, diags).map(t -> FrontMatter.parse(t, diags)).ifPresent(content::add);
      }
    }
    return new Inputs(tree, config, catalogue, records, datasets, content, documents, recordFiles, context);
  }

  /** One record file: left unread when {@code known} knows it, else read, reporting aside and then to {@code diags}. */
  private static Inputs.RecordFile recordFile(SourceTree tree, Path p, Charset csvCharset, Known known,
      byte[] context, Diagnostics diags) {
    String rel = tree.rel(p);
    FileStamp stamp = null;
    if (known != null) {
      try {
        stamp = tree.stamp(p);
      } catch (IOException e) {
        stamp = null; // reading it reports the problem
      }
      if (stamp != null && known.has(rel, stamp, context)) return new Inputs.RecordFile(rel, stamp, null, true, null);
    }
    Diagnostics aside = diags.aside();
    Table t = recordTable(tree, p, csvCharset, aside).orElse(null);
    diags.addAll(aside);
    return new Inputs.RecordFile(rel, stamp, t, false, aside);
  }

  /** See {@link #load(SourceTree, Diagnostics, Known)}. */
  private static byte[] context(SourceTree tree, Charset csvCharset, List<Path> contentFiles) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    out.writeUTF(csvCharset.name());
    List<Path> files = new ArrayList<>();
    files.add(tree.root().resolve(SITE_CONFIG));
    files.add(tree.root().resolve(CATALOGUE));
    files.addAll(contentFiles);
    for (Path f : files) {
      out.writeUTF(tree.rel(f));
      FileStamp s;
      try {
        s = FileStamp.of(f);
      } catch (java.nio.file.NoSuchFileException e) {
        s = null; // a missing site.json or catalogue.csv is a state too
      }
      out.writeLong(s == null ? -1 : s.size());
      out.writeLong(s == null ? -1 : s.modifiedNanos());
      out.writeUTF(s == null ? "" : s.fileKey());
    }
    out.flush();
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** The records of one file, or empty when it cannot be read (reported) or is an office lock file. */
  private static Optional<Table> recordTable(SourceTree tree, Path p, Charset csvCharset, Diagnostics diags) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      if (isLockFile(p)) return Optional.empty();
      return tree.readBytes(p, diags).flatMap(b -> XlsxReader.read(tree.rel(p), b, RECORD_HEADER, diags));
    }
    boolean json = name.endsWith(".json");
    return tree.read(p, json ? StandardCharsets.UTF_8 : csvCharset, diags)
        .flatMap(t -> json ? JsonTableReader.read(t, diags) : CsvReader.read(t, diags));
  }

  private static List<Inputs.DatasetSource> loadDatasets(SourceTree tree, Charset csvCharset, Diagnostics diags)
      throws IOException {
    // id → its data files (.csv, .xlsx) and its .schema.json
    Map<String, List<Path>> data = new TreeMap<>();
    Map<String, Path> schemas = new TreeMap<>();
    for (Path p : tree.files(DATASETS_DIR, diags, ".csv", ".xlsx", ".schema.json")) {
      String name = p.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".schema.json")) {
        schemas.put(name.substring(0, name.length() - ".schema.json".length()), p);
      } else if (!isLockFile(p)) {
        data.computeIfAbsent(name.substring(0, name.lastIndexOf('.')), k -> new ArrayList<>()).add(p);
      }
    }
    java.util.SortedSet<String> ids = new java.util.TreeSet<>(data.keySet());
    ids.addAll(schemas.keySet());
    List<Inputs.DatasetSource> out = new ArrayList<>();
    for (String id : ids) {
      List<Path> files = data.getOrDefault(id, List.of());
      Path schema = schemas.get(id);
      if (files.size() > 1) {
        diags.report(Code.DATA_FILE_DUPLICATE, Location.file(tree.rel(files.get(1))), "", id, tree.rel(files.get(0)),
            tree.rel(files.get(1)));
        continue;
      }
      Path file = files.isEmpty() ? null : files.get(0);
      SourceText schemaText = schema == null ? null : tree.read(schema, StandardCharsets.UTF_8, diags).orElse(null);
      Table table = null;
      if (file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
        Predicate<String> known = schemaColumns(schemaText)::contains;
        table = tree.readBytes(file, diags).flatMap(b -> XlsxReader.read(tree.rel(file), b, known, diags)).orElse(null);
      } else if (file != null) {
        table = tree.read(file, csvCharset, diags).flatMap(t -> CsvReader.read(t, diags)).orElse(null);
      }
      // A file that exists but could not be read is already reported; the dataset is left out whole, so that its
      // other file is not reported as having no partner.
      if ((file != null && table == null) || (schema != null && schemaText == null)) continue;
      out.add(new Inputs.DatasetSource(id, schemaText, table,
          file == null ? DATASETS_DIR + "/" + id + ".csv" : tree.rel(file),
          schema == null ? DATASETS_DIR + "/" + id + ".schema.json" : tree.rel(schema)));
    }
    return out;
  }

  /** Excel's and WPS's lock file of an open workbook ({@code ~$name.xlsx}): not a table, never read. */
  static boolean isLockFile(Path p) {
    return p.getFileName().toString().startsWith("~$");
  }

  /**
   * The column names a dataset schema declares, for finding the header row of its workbook; empty when the schema
   * is missing or broken (the validator reports that, and the first non-blank row is taken as the header).
   */
  private static java.util.Set<String> schemaColumns(SourceText schema) {
    java.util.Set<String> names = new java.util.HashSet<>();
    if (schema == null) return names;
    try {
      for (JsonNode c : new ObjectMapper().readTree(schema.text()).path("columns")) {
        if (c.path("name").isTextual()) names.add(c.path("name").asText().strip());
      }
    } catch (IOException | RuntimeException e) {
      // reported by the dataset validator, which parses the schema properly
    }
    return names;
  }

  /** {@code catalogue/site.json}, or null after reporting it missing or unreadable. */
  public static SourceText readConfig(SourceTree tree, Diagnostics diags) {
    Path configPath = tree.root().resolve(SITE_CONFIG);
    if (java.nio.file.Files.isRegularFile(configPath)) {
      return tree.read(configPath, StandardCharsets.UTF_8, diags).orElse(null);
    }
    diags.report(Code.CONFIG_MISSING, Location.file(SITE_CONFIG), "", SITE_CONFIG);
    return null;
  }

  /** {@code catalogue/catalogue.csv} read in {@code csvCharset}, or null after reporting why it cannot be read. */
  public static Table readCatalogue(SourceTree tree, Charset csvCharset, Diagnostics diags) {
    Path cataloguePath = tree.root().resolve(CATALOGUE);
    if (java.nio.file.Files.isRegularFile(cataloguePath)) {
      return tree.read(cataloguePath, csvCharset, diags).flatMap(t -> CsvReader.read(t, diags)).orElse(null);
    }
    diags.report(Code.FILE_MISSING, Location.file(CATALOGUE), "", Bi.of("标准目录文件", "catalogue file"), CATALOGUE);
    return null;
  }

  /** The CSV charset declared in site.json ({@code options.encoding}); UTF-8 when absent or unreadable. */
  public static Charset csvCharset(SourceText config) {
    if (config == null) return StandardCharsets.UTF_8;
    try {
      JsonNode enc = new ObjectMapper().readTree(config.text()).path("options").path("encoding");
      String name = enc.asText("UTF-8").toUpperCase(Locale.ROOT);
      if (name.equals("GB18030") || name.equals("GBK") || name.equals("GB2312")) return TextDecoder.GB18030;
    } catch (IOException | RuntimeException e) {
      // reported by the config validator, which parses the file properly
    }
    return StandardCharsets.UTF_8;
  }
}
