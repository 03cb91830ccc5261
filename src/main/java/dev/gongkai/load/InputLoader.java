package dev.gongkai.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stage 1: reads every input file of a site source folder into {@link Inputs}. Problems are collected, not thrown:
 * a broken file is reported and left out, and the rest is still read so that one run shows every error.
 */
public final class InputLoader {
  public static final String SITE_CONFIG = "catalogue/site.json";
  public static final String CATALOGUE = "catalogue/catalogue.csv";
  public static final String RECORDS_DIR = "catalogue/records";
  public static final String DATASETS_DIR = "catalogue/datasets";
  public static final String CONTENT_DIR = "content";
  public static final String DOCUMENTS_DIR = "content/documents";

  private InputLoader() {}

  public static Inputs load(SourceTree tree, Diagnostics diags) throws IOException {
    Path root = tree.root();
    SourceText config = null;
    Path configPath = root.resolve(SITE_CONFIG);
    if (java.nio.file.Files.isRegularFile(configPath)) {
      config = tree.read(configPath, StandardCharsets.UTF_8, diags).orElse(null);
    } else {
      diags.report(Code.CONFIG_MISSING, Location.file(SITE_CONFIG), "", SITE_CONFIG);
    }
    Charset csvCharset = csvCharset(config);

    Table catalogue = null;
    Path cataloguePath = root.resolve(CATALOGUE);
    if (java.nio.file.Files.isRegularFile(cataloguePath)) {
      catalogue = tree.read(cataloguePath, csvCharset, diags).flatMap(t -> CsvReader.read(t, diags)).orElse(null);
    } else {
      diags.report(Code.FILE_MISSING, Location.file(CATALOGUE), "", Bi.of("标准目录文件", "catalogue file"), CATALOGUE);
    }

    List<Table> records = new ArrayList<>();
    for (Path p : tree.files(RECORDS_DIR, diags, ".csv", ".json")) {
      boolean json = p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
      tree.read(p, json ? StandardCharsets.UTF_8 : csvCharset, diags)
          .flatMap(t -> json ? JsonTableReader.read(t, diags) : CsvReader.read(t, diags))
          .ifPresent(records::add);
    }

    List<Inputs.DatasetSource> datasets = loadDatasets(tree, csvCharset, diags);

    // Every file under content/, whatever its kind, in one walk: pages may link images and files that are then
    // published, so a symlink there that leaves the source is an error (reported once), never followed.
    List<PageSource> content = new ArrayList<>();
    List<Path> documents = new ArrayList<>();
    for (Path p : tree.files(CONTENT_DIR, diags)) {
      String rel = tree.rel(p);
      if (rel.startsWith(DOCUMENTS_DIR + "/")) {
        documents.add(p);
      } else if (rel.toLowerCase(Locale.ROOT).endsWith(".md")) {
        tree.read(p, StandardCharsets.UTF_8, diags).map(t -> FrontMatter.parse(t, diags)).ifPresent(content::add);
      }
    }
    return new Inputs(tree, config, catalogue, records, datasets, content, documents);
  }

  private static List<Inputs.DatasetSource> loadDatasets(SourceTree tree, Charset csvCharset, Diagnostics diags)
      throws IOException {
    Map<String, Path[]> pairs = new TreeMap<>();
    for (Path p : tree.files(DATASETS_DIR, diags, ".csv", ".schema.json")) {
      String name = p.getFileName().toString();
      boolean schema = name.endsWith(".schema.json");
      String id = schema ? name.substring(0, name.length() - ".schema.json".length())
          : name.substring(0, name.length() - ".csv".length());
      pairs.computeIfAbsent(id, k -> new Path[2])[schema ? 1 : 0] = p;
    }
    List<Inputs.DatasetSource> out = new ArrayList<>();
    for (Map.Entry<String, Path[]> e : pairs.entrySet()) {
      Path csv = e.getValue()[0];
      Path schema = e.getValue()[1];
      Table table = csv == null ? null
          : tree.read(csv, csvCharset, diags).flatMap(t -> CsvReader.read(t, diags)).orElse(null);
      SourceText schemaText = schema == null ? null : tree.read(schema, StandardCharsets.UTF_8, diags).orElse(null);
      // A file that exists but could not be read is already reported; the dataset is left out whole, so that its
      // other file is not reported as having no partner.
      if ((csv != null && table == null) || (schema != null && schemaText == null)) continue;
      out.add(new Inputs.DatasetSource(e.getKey(), schemaText, table,
          csv == null ? DATASETS_DIR + "/" + e.getKey() + ".csv" : tree.rel(csv),
          schema == null ? DATASETS_DIR + "/" + e.getKey() + ".schema.json" : tree.rel(schema)));
    }
    return out;
  }

  /** The CSV charset declared in site.json ({@code options.encoding}); UTF-8 when absent or unreadable. */
  private static Charset csvCharset(SourceText config) {
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
