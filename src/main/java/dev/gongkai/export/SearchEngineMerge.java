package dev.gongkai.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.index.analysis.CharFold;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the search-engine exports ({@link SearchEngineExport}) of parts of one site built separately, e.g. one
 * build per catalogue domain or per agency: the result is what one build of all the documents would have written.
 * Documents are sorted by id in every part, so the merge is the sorted union; a document present in several parts
 * (a content page every part carries) must be byte-identical in each and is kept once. Parts must share the base
 * URL, the format, the analyzer and the part size, and their settings and schema files must be the ones this
 * version of gongkai writes (a part built by another version is refused, never mixed in).
 *
 * <p>Every part's files are checked against its manifest (sizes and SHA-256) and parsed: each bulk action names
 * the {@value SearchEngineExport#INDEX} index and the id of the document line after it, and the Solr files hold the
 * same ids as the bulk files. Holds all documents in memory (about twice their JSON size).
 */
public final class SearchEngineMerge {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** A part that cannot be merged; the message says which part and why, in Chinese and English. */
  public static final class MergeException extends Exception {
    public MergeException(String zh, String en) {
      super(zh + " / " + en);
    }
  }

  private SearchEngineMerge() {}

  /**
   * The merged export, with paths relative to the export folder ({@code manifest.json}, {@code opensearch/…},
   * {@code solr/…}: without the {@value SearchEngineExport#DIR} prefix), for the caller to write.
   *
   * @param parts each a built site folder (holding {@value SearchEngineExport#DIR}) or an export folder (holding
   *     {@code manifest.json}, e.g. the output of an earlier merge); order does not matter
   * @throws MergeException when a part is missing, damaged or does not fit the others
   * @throws IOException on read failures of the machine
   */
  public static List<ExportFile> merge(List<Path> parts) throws MergeException, IOException {
    if (parts.isEmpty()) throw new MergeException("没有要合并的部分", "no parts to merge");
    TreeMap<String, SearchEngineExport.Entry> all = new TreeMap<>();
    Map<String, Path> from = new TreeMap<>();
    String baseUrl = null;
    long partBytes = 0;
    for (Path part : parts) {
      Path dir = exportDir(part);
      JsonNode m = read(dir.resolve(SearchEngineExport.MANIFEST), part);
      String base = m.path("baseUrl").asText();
      long size = m.path("partMaxBytes").asLong();
      if (m.path("format").asInt() != SearchEngineExport.FORMAT
          || !CharFold.ANALYZER_VERSION.equals(m.path("analyzer").asText())
          || !SearchEngineExport.INDEX.equals(m.path("index").asText())) {
        throw new MergeException(part + " 由其他版本的 gongkai 生成（格式或分析器不同）",
            part + " was written by another version of gongkai (format or analyzer differ)");
      }
      if (baseUrl == null) {
        baseUrl = base;
        partBytes = size;
      } else if (!baseUrl.equals(base) || partBytes != size) {
        throw new MergeException(part + " 的 baseUrl 或分片大小与 " + parts.get(0) + " 不同：不是同一站点的部分",
            part + " has another baseUrl or part size than " + parts.get(0) + ": not a part of the same site");
      }
      checkStatic(dir, part);
      Map<String, byte[]> bulk = bulk(dir, m.path("opensearch").path("bulk"), part);
      Map<String, byte[]> solr = solr(dir, m.path("solr").path("docs"), part);
      if (!bulk.keySet().equals(solr.keySet()) || bulk.size() != m.path("documents").asInt()) {
        throw new MergeException(part + " 的 OpenSearch 与 Solr 文件的文档不一致",
            part + ": the OpenSearch and Solr files hold different documents");
      }
      for (var e : bulk.entrySet()) {
        String id = e.getKey();
        SearchEngineExport.Entry entry = new SearchEngineExport.Entry(id, e.getValue(), solr.get(id));
        SearchEngineExport.Entry had = all.putIfAbsent(id, entry);
        if (had != null && !(Arrays.equals(had.bulk(), entry.bulk()) && Arrays.equals(had.solr(), entry.solr()))) {
          throw new MergeException("文档 " + id + " 在 " + from.get(id) + " 和 " + part + " 中内容不同",
              "document " + id + " differs between " + from.get(id) + " and " + part);
        }
        from.putIfAbsent(id, part);
      }
    }
    List<ExportFile> out = new ArrayList<>();
    try {
      SearchEngineExport.writeEntries(new ArrayList<>(all.values()), baseUrl, partBytes, (f, sha) ->
          out.add(new ExportFile(f.path().substring(SearchEngineExport.DIR.length()), f.data(), f.mediaType())));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the list does not throw
    }
    return out;
  }

  /** The export folder of a part: the part itself when it has a manifest, else its {@code search/engines/}. */
  static Path exportDir(Path part) throws MergeException {
    if (Files.isRegularFile(part.resolve(SearchEngineExport.MANIFEST))) return part;
    Path inSite = part.resolve(SearchEngineExport.DIR);
    if (Files.isRegularFile(inSite.resolve(SearchEngineExport.MANIFEST))) return inSite;
    throw new MergeException(part + " 不是 gongkai 构建的站点，也不是检索引擎导出目录（没有 manifest.json）",
        part + " is neither a gongkai build nor a search-engine export (no manifest.json)");
  }

  /** The settings, schema and README must be exactly what this version writes. */
  private static void checkStatic(Path dir, Path part) throws MergeException, IOException {
    for (ExportFile f : SearchEngineExport.staticFiles()) {
      String rel = f.path().substring(SearchEngineExport.DIR.length());
      Path p = dir.resolve(rel);
      if (!Files.isRegularFile(p) || !Arrays.equals(Files.readAllBytes(p), f.data())) {
        throw new MergeException(part + " 的 " + rel + " 与本版本 gongkai 生成的不同",
            part + ": " + rel + " differs from what this version of gongkai writes");
      }
    }
  }

  /** id → action line + document line (with their LFs), from the bulk files the manifest lists. */
  private static Map<String, byte[]> bulk(Path dir, JsonNode files, Path part) throws MergeException, IOException {
    Map<String, byte[]> docs = new TreeMap<>();
    for (JsonNode f : files) {
      String text = partFile(dir, f, part);
      String[] lines = text.split("\n", -1);
      if (lines.length % 2 != 1 || !lines[lines.length - 1].isEmpty()) {
        throw damaged(part, f, "action and document lines must come in pairs, each ending in LF");
      }
      for (int i = 0; i + 1 < lines.length; i += 2) {
        JsonNode action = parse(lines[i], part, f).path("index");
        JsonNode doc = parse(lines[i + 1], part, f);
        String id = action.path("_id").asText();
        if (!SearchEngineExport.INDEX.equals(action.path("_index").asText()) || id.isEmpty()
            || !id.equals(doc.path("id").asText())) {
          throw damaged(part, f, "line " + (i + 1) + " is not an index action for the document after it");
        }
        byte[] pair = (lines[i] + "\n" + lines[i + 1] + "\n").getBytes(StandardCharsets.UTF_8);
        if (docs.put(id, pair) != null) throw damaged(part, f, "duplicate id " + id);
      }
    }
    return docs;
  }

  /** id → Solr document line (without the separator), from the Solr files the manifest lists. */
  private static Map<String, byte[]> solr(Path dir, JsonNode files, Path part) throws MergeException, IOException {
    Map<String, byte[]> docs = new TreeMap<>();
    for (JsonNode f : files) {
      String text = partFile(dir, f, part);
      String[] lines = text.split("\n", -1);
      int n = lines.length;
      if (n < 4 || !lines[0].equals("[") || !lines[n - 2].equals("]") || !lines[n - 1].isEmpty()) {
        throw damaged(part, f, "not a JSON array with one document per line");
      }
      for (int i = 1; i < n - 2; i++) {
        String line = lines[i];
        boolean last = i == n - 3;
        if (!last) {
          if (!line.endsWith(",")) throw damaged(part, f, "line " + (i + 1) + " does not end with a comma");
          line = line.substring(0, line.length() - 1);
        }
        String id = parse(line, part, f).path("id").asText();
        if (id.isEmpty() || docs.put(id, line.getBytes(StandardCharsets.UTF_8)) != null) {
          throw damaged(part, f, "line " + (i + 1) + " has no id or a duplicate one");
        }
      }
    }
    return docs;
  }

  /** A listed file's text, after checking its size and SHA-256 against the manifest. */
  private static String partFile(Path dir, JsonNode f, Path part) throws MergeException, IOException {
    String rel = f.path("path").asText();
    Path p = dir.resolve(rel).normalize();
    if (rel.isEmpty() || !p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
      throw new MergeException(part + " 缺少文件 " + rel, part + " lacks the file " + rel);
    }
    byte[] data = Files.readAllBytes(p);
    if (data.length != f.path("bytes").asLong() || !Checksums.sha256(data).equals(f.path("sha256").asText())) {
      throw damaged(part, f, "size or SHA-256 differs from the manifest");
    }
    return new String(data, StandardCharsets.UTF_8);
  }

  private static JsonNode read(Path file, Path part) throws MergeException, IOException {
    try {
      return JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new MergeException(part + " 的 manifest.json 无法解析", part + ": manifest.json is not valid JSON");
    }
  }

  private static JsonNode parse(String line, Path part, JsonNode f) throws MergeException {
    try {
      JsonNode n = JSON.readTree(line);
      if (n == null || !n.isObject()) throw damaged(part, f, "a line is not a JSON object");
      return n;
    } catch (JsonProcessingException e) {
      throw damaged(part, f, "a line is not valid JSON");
    }
  }

  private static MergeException damaged(Path part, JsonNode f, String why) {
    String rel = f.path("path").asText();
    return new MergeException(part + " 的 " + rel + " 已损坏或被修改", part + ": " + rel + " is damaged or was edited: " + why);
  }
}
