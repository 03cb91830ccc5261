package dev.gongkai.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gongkai.render.Views;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Stage "changes": compares this build's datasets with the previous release's (a folder holding that release's
 * published output) and publishes, under {@code data/changes/}, one diff per changed dataset keyed by its primary key
 * (added / changed / removed rows, as CSV and JSON), the release index {@code data/releases.json} (carried forward
 * from the previous release, newest first) and {@code data/record-history.json} (index number → changes, carried
 * forward), which the record pages show. Both sides are read from the published CSV files and their
 * {@code datapackage.json} primary keys, so a release built by any earlier gongkai version compares the same way.
 *
 * <p>Without a previous release this is the first one: the release index gets its first entry and no diffs.
 */
public final class Changes {
  static final String CHANGE = "变更";
  static final String FIELDS = "变更字段";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").build();

  private Changes() {}

  /**
   * @param files the files written so far (history is computed for the {@code records-*} datasets)
   * @param history index number → changes, newest first (for the record pages)
   * @param summary dataset id → {added, changed, removed} of this release
   */
  public record Result(List<ExportFile> files, Map<String, List<Views.Change>> history,
      Map<String, int[]> summary, String release) {}

  /** A table read from a published CSV with its primary key. */
  record Table(List<String> columns, List<String> key, Map<String, List<String>> rows) {}

  /**
   * @param datasets this build's datasets and their files (from {@link DatasetExports})
   * @param exportFiles this build's export files, to read the current CSVs from; with a previous release they must
   *     be all of them (an incremental build's kept files have no bytes here: it exports everything then)
   * @param previous the previous release's output folder, or null for a first release
   */
  public static Result build(List<DatasetInfo> datasets, List<ExportFile> exportFiles, Path previous,
      Provenance provenance) throws IOException {
    return build(datasets, exportFiles, previous, provenance, java.util.Set.of(), java.util.Set.of());
  }

  /**
   * As {@link #build(List, List, Path, Provenance)}, for a site that withholds some records or datasets: a record
   * that was published before and is withheld now (a 主动公开 record reclassified) must not reappear as a "removed"
   * row — not even its index number — so its rows and its carried-forward history are left out, and so is every
   * row of a withheld dataset.
   *
   * @param withheldKeys index numbers of the records the gate withholds in this build
   * @param withheldDatasets ids of the datasets the gate withholds in this build
   */
  public static Result build(List<DatasetInfo> datasets, List<ExportFile> exportFiles, Path previous,
      Provenance provenance, java.util.Set<String> withheldKeys, java.util.Set<String> withheldDatasets)
      throws IOException {
    Map<String, byte[]> current = new TreeMap<>();
    for (ExportFile f : exportFiles) current.put(f.path(), f.data());
    String release = provenance.time().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    // The release id: its time plus the commit, or (outside git) a digest of the published data, so that two
    // different releases never share an id and the same release built twice does.
    String releaseId = provenance.time().toString() + "+" + (provenance.commit().isEmpty()
        ? "data-" + Checksums.sha256(digestOf(datasets, current)).substring(0, 12)
        : provenance.commit().substring(0, 12));

    List<ExportFile> out = new ArrayList<>();
    Map<String, int[]> summary = new TreeMap<>();
    Map<String, List<Views.Change>> history = new TreeMap<>();
    String previousId = "";
    ArrayNode releases = JSON.createArrayNode();
    if (previous != null) {
      Path idx = previous.resolve("data/releases.json");
      if (Files.isRegularFile(idx)) {
        JsonNode old = JSON.readTree(idx.toFile());
        for (JsonNode r : old.path("releases")) releases.add(r);
        if (!releases.isEmpty()) previousId = releases.get(0).path("id").asText();
      }
      Path hist = previous.resolve("data/record-history.json");
      if (Files.isRegularFile(hist)) {
        JSON.readTree(hist.toFile()).fields().forEachRemaining(e -> {
          List<Views.Change> list = new ArrayList<>();
          for (JsonNode c : e.getValue()) {
            List<String> fields = new ArrayList<>();
            c.path("fields").forEach(x -> fields.add(x.asText()));
            list.add(new Views.Change(c.path("release").asText(), c.path("change").asText(), fields));
          }
          if (!withheldKeys.contains(e.getKey())) history.put(e.getKey(), list);
        });
      }
      // Datasets of either release: one that disappeared (an item with no published record left) counts as all
      // of its rows removed.
      TreeSet<String> ids = new TreeSet<>();
      datasets.forEach(ds -> ids.add(ds.id()));
      Path oldData = previous.resolve("data");
      if (Files.isDirectory(oldData)) {
        try (var dirs = Files.list(oldData)) {
          dirs.map(p -> p.getFileName().toString())
              .filter(id -> Files.isRegularFile(previous.resolve(csvPath(id)))).forEach(ids::add);
        }
      }
      for (String id : ids) {
        if (withheldDatasets.contains(id)) continue;
        Path oldCsv = previous.resolve(csvPath(id));
        Table before = Files.isRegularFile(oldCsv)
            ? table(Files.readAllBytes(oldCsv), readIfExists(previous.resolve(descriptorPath(id)))) : null;
        Table now = table(current.get(csvPath(id)), current.get(descriptorPath(id)));
        if (now == null && before == null) continue;
        if (now == null) now = new Table(before.columns(), before.key(), Map.of());
        if (before == null) before = new Table(now.columns(), now.key(), Map.of());
        if (!withheldKeys.isEmpty()) {
          Map<String, List<String>> visible = new LinkedHashMap<>(before.rows());
          visible.keySet().removeIf(withheldKeys::contains);
          before = new Table(before.columns(), before.key(), visible);
        }
        Diff d = diff(before, now);
        if (d.isEmpty()) continue;
        summary.put(id, new int[] {d.added.size(), d.changed.size(), d.removed.size()});
        out.add(new ExportFile("data/changes/" + id + ".csv", csv(now, before, d), "text/csv"));
        out.add(new ExportFile("data/changes/" + id + ".json",
            json(id, now, before, d, previousId, releaseId), "application/json"));
        if (id.startsWith("records-")) {
          d.added.forEach(k -> prepend(history, k, new Views.Change(release, "added", List.of())));
          d.changed.forEach((k, f) -> prepend(history, k, new Views.Change(release, "changed", f)));
          d.removed.forEach(k -> prepend(history, k, new Views.Change(release, "removed", List.of())));
        }
      }
    }
    ObjectNode entry = JSON.createObjectNode();
    entry.put("id", releaseId);
    entry.put("date", release);
    entry.put("time", provenance.time().toString());
    entry.put("generator", provenance.generator());
    if (!provenance.commit().isEmpty()) entry.put("commit", provenance.commit());
    entry.put("previous", previousId.isEmpty() ? null : previousId);
    ObjectNode changed = entry.putObject("datasets");
    summary.forEach((id, c) -> {
      ObjectNode n = changed.putObject(id);
      n.put("added", c[0]);
      n.put("changed", c[1]);
      n.put("removed", c[2]);
      n.put("diff", "changes/" + id + ".json");
    });
    ArrayNode all = JSON.createArrayNode();
    if (!releaseId.equals(previousId)) all.add(entry);
    for (JsonNode r : releases) all.add(r);
    ObjectNode index = JSON.createObjectNode();
    index.set("releases", all);
    out.add(new ExportFile("data/releases.json", pretty(index), "application/json"));
    ObjectNode hist = JSON.createObjectNode();
    history.forEach((k, list) -> {
      ArrayNode a = hist.putArray(k);
      for (Views.Change c : list) {
        ObjectNode n = a.addObject();
        n.put("release", c.release());
        n.put("change", c.change());
        ArrayNode f = n.putArray("fields");
        c.fields().forEach(f::add);
      }
    });
    out.add(new ExportFile("data/record-history.json", pretty(hist), "application/json"));
    return new Result(List.copyOf(out), Map.copyOf(history), Map.copyOf(summary), releaseId);
  }

  /**
   * The published CSV files (not the Excel copies) by path with their SHA-256: from the datasets' distributions (an
   * incremental build keeps unchanged datasets' files without their bytes), and from the files given.
   */
  private static byte[] digestOf(List<DatasetInfo> datasets, Map<String, byte[]> files) {
    Map<String, String> csv = new TreeMap<>();
    for (DatasetInfo ds : datasets) {
      for (DatasetInfo.Distribution d : ds.distributions()) {
        if (isCsv(d.path())) csv.put(d.path(), d.sha256());
      }
    }
    files.forEach((path, data) -> {
      if (isCsv(path) && !csv.containsKey(path)) csv.put(path, Checksums.sha256(data));
    });
    StringBuilder b = new StringBuilder();
    csv.forEach((path, sha256) -> b.append(path).append(' ').append(sha256).append('\n'));
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isCsv(String path) {
    return path.endsWith(".csv") && !path.endsWith(".excel.csv");
  }

  static String csvPath(String id) {
    return "data/" + id + "/" + id + ".csv";
  }

  static String descriptorPath(String id) {
    return "data/" + id + "/datapackage.json";
  }

  private static byte[] readIfExists(Path p) throws IOException {
    return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
  }

  private static void prepend(Map<String, List<Views.Change>> history, String key, Views.Change c) {
    List<Views.Change> list = new ArrayList<>();
    list.add(c);
    list.addAll(history.getOrDefault(key, List.of()));
    history.put(key, List.copyOf(list));
  }

  /** Reads a published CSV; the key is the descriptor's primary key, else the first column. */
  static Table table(byte[] csv, byte[] descriptor) throws IOException {
    if (csv == null) return null;
    String text = new String(csv, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    if (records.isEmpty()) return new Table(List.of(), List.of(), Map.of());
    List<String> columns = records.get(0).toList();
    List<String> key = descriptor == null ? List.of() : primaryKey(JSON.readTree(descriptor));
    if (key.isEmpty() || !columns.containsAll(key)) key = List.of(columns.get(0));
    int[] keyIdx = key.stream().mapToInt(columns::indexOf).toArray();
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (CSVRecord r : records.subList(1, records.size())) {
      List<String> row = r.toList();
      StringBuilder k = new StringBuilder();
      for (int i : keyIdx) k.append(k.length() == 0 ? "" : "\u0000").append(i < row.size() ? row.get(i) : "");
      rows.put(k.toString(), row);
    }
    return new Table(columns, key, rows);
  }

  private static List<String> primaryKey(JsonNode descriptor) {
    for (JsonNode res : descriptor.path("resources")) {
      JsonNode pk = res.path("schema").path("primaryKey");
      if (pk.isTextual()) return List.of(pk.asText());
      if (pk.isArray()) {
        List<String> l = new ArrayList<>();
        pk.forEach(x -> l.add(x.asText()));
        return l;
      }
    }
    return List.of();
  }

  /** Row keys added and removed, and for changed rows the names of the columns that differ. */
  record Diff(List<String> added, Map<String, List<String>> changed, List<String> removed) {
    boolean isEmpty() {
      return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
  }

  static Diff diff(Table before, Table now) {
    List<String> added = new ArrayList<>();
    Map<String, List<String>> changed = new TreeMap<>();
    List<String> removed = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(before.rows().keySet());
    keys.addAll(now.rows().keySet());
    for (String k : keys) {
      List<String> a = before.rows().get(k);
      List<String> b = now.rows().get(k);
      if (a == null) added.add(k);
      else if (b == null) removed.add(k);
      else {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < now.columns().size(); i++) {
          String col = now.columns().get(i);
          int j = before.columns().indexOf(col);
          String old = j < 0 || j >= a.size() ? null : a.get(j);
          if (!Objects.equals(old, i < b.size() ? b.get(i) : null)) fields.add(col);
        }
        if (!fields.isEmpty()) changed.put(k, List.copyOf(fields));
      }
    }
    return new Diff(added, changed, removed);
  }

  private static byte[] csv(Table now, Table before, Diff d) {
    StringBuilder sb = new StringBuilder();
    try (CSVPrinter p = new CSVPrinter(sb, CSV)) {
      List<String> header = new ArrayList<>(List.of(CHANGE, FIELDS));
      header.addAll(now.columns());
      p.printRecord(header);
      for (String k : d.added()) p.printRecord(row("added", List.of(), now.rows().get(k)));
      for (var e : d.changed().entrySet()) p.printRecord(row("changed", e.getValue(), now.rows().get(e.getKey())));
      for (String k : d.removed()) p.printRecord(row("removed", List.of(), aligned(before, now, k)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> row(String change, List<String> fields, List<String> values) {
    List<String> r = new ArrayList<>(List.of(change, String.join("；", fields)));
    r.addAll(values);
    return r;
  }

  /** A removed row's values in the current column order (blank for columns the old table lacked). */
  private static List<String> aligned(Table before, Table now, String key) {
    List<String> old = before.rows().get(key);
    List<String> r = new ArrayList<>();
    for (String c : now.columns()) {
      int j = before.columns().indexOf(c);
      r.add(j < 0 || j >= old.size() ? "" : old.get(j));
    }
    return r;
  }

  private static byte[] json(String id, Table now, Table before, Diff d, String previousId, String releaseId) {
    ObjectNode n = JSON.createObjectNode();
    n.put("dataset", id);
    n.put("release", releaseId);
    n.put("previous", previousId.isEmpty() ? null : previousId);
    ArrayNode key = n.putArray("primaryKey");
    now.key().forEach(key::add);
    ArrayNode added = n.putArray("added");
    for (String k : d.added()) added.add(object(now.columns(), now.rows().get(k)));
    ArrayNode changed = n.putArray("changed");
    for (var e : d.changed().entrySet()) {
      ObjectNode c = changed.addObject();
      ArrayNode f = c.putArray("fields");
      e.getValue().forEach(f::add);
      c.set("before", object(before.columns(), before.rows().get(e.getKey())));
      c.set("after", object(now.columns(), now.rows().get(e.getKey())));
    }
    ArrayNode removed = n.putArray("removed");
    for (String k : d.removed()) removed.add(object(before.columns(), before.rows().get(k)));
    return pretty(n);
  }

  private static ObjectNode object(List<String> columns, List<String> row) {
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i < columns.size(); i++) o.put(columns.get(i), i < row.size() ? row.get(i) : null);
    return o;
  }

  private static byte[] pretty(JsonNode n) {
    try {
      return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
