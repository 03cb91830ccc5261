package dev.gongkai.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.load.Cell;
import dev.gongkai.load.Inputs;
import dev.gongkai.load.Row;
import dev.gongkai.load.SourceText;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.Disclosure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a dataset's schema and CSV against each other: the header lists exactly the schema's columns in order,
 * every cell has its column's type, the primary key is unique, and personal-data columns are masked.
 */
public final class DatasetValidator {
  private static final Set<String> TYPES = Set.of("string", "integer", "number", "date");
  private static final Map<String, String> PERSONAL_EXAMPLES = Map.of(
      "id", "530199********123X", "phone", "138****5678", "name", "张*", "bankcard", "6222********1234");

  private DatasetValidator() {}

  public static Optional<Dataset> validate(Inputs.DatasetSource src, Catalogue catalogue, Diagnostics diags) {
    if (!src.id().matches("[a-z0-9][a-z0-9-]*")) {
      diags.report(Code.SCHEMA_INVALID, Location.file(src.csvPath()), src.id(),
          Bi.of("数据集文件名只能用小写字母、数字和连字符", "dataset file names use lowercase letters, digits and '-' only"));
      return Optional.empty();
    }
    if (src.id().equals("catalogue") || src.id().startsWith("records-")) {
      // The open-data export publishes the catalogue and each item's record metadata under these ids.
      diags.report(Code.SCHEMA_INVALID, Location.file(src.csvPath()), src.id(),
          Bi.of("数据集名“catalogue”和以“records-”开头的名称留给目录和信息目录数据集，请改名",
              "the dataset names \"catalogue\" and \"records-…\" are reserved for the catalogue and record exports; rename"));
      return Optional.empty();
    }
    if (src.schema() == null || src.table() == null) {
      if (src.schema() == null && src.table() != null) {
        diags.report(Code.SCHEMA_MISSING, Location.file(src.csvPath()), "", src.id(), Bi.of("说明文件 " + src.schemaPath(), "schema " + src.schemaPath()));
      } else if (src.table() == null && src.schema() != null) {
        diags.report(Code.SCHEMA_MISSING, Location.file(src.schemaPath()), "", src.id(), Bi.of("数据文件 " + src.csvPath(), "data file " + src.csvPath()));
      }
      return Optional.empty();
    }
    SourceText st = src.schema();
    if (st.text().isBlank()) {
      diags.report(Code.FILE_EMPTY, st.locate(0), "");
      return Optional.empty();
    }
    JsonNode s;
    try {
      s = SiteConfigValidator.JSON.readTree(st.text());
    } catch (JsonProcessingException e) {
      diags.report(Code.JSON_SYNTAX, SiteConfigValidator.where(st, e), "", dev.gongkai.load.JsonTableReader.message(e));
      return Optional.empty();
    }
    if (s == null || !s.isObject()) {
      diags.report(Code.JSON_SHAPE, st.locate(0), "", Bi.of("对象 {…}", "an object {...}"));
      return Optional.empty();
    }
    int before = diags.errorCount();
    String title = text(s, "title", st, diags, true);
    String itemCode = text(s, "item", st, diags, true);
    if (!itemCode.isEmpty() && catalogue.item(itemCode).isEmpty() && !catalogue.items().isEmpty()) {
      diags.report(Code.ITEM_UNKNOWN, SiteConfigValidator.keyLocation(st, "item"), itemCode, itemCode);
    }
    LocalDate published = null;
    if (s.hasNonNull("published")) {
      published = Values.optionalDate(new Cell(s.get("published").asText(), SiteConfigValidator.keyLocation(st, "published")), diags).orElse(null);
    }
    Disclosure disclosure = Disclosure.ACTIVE;
    if (s.hasNonNull("disclosure")) {
      disclosure = Disclosure.parse(s.get("disclosure").asText()).orElse(null);
      if (disclosure == null) {
        diags.report(Code.ENUM_UNKNOWN, SiteConfigValidator.keyLocation(st, "disclosure"), s.get("disclosure").asText(),
            s.get("disclosure").asText(), "disclosure", Disclosure.allLabels());
      }
    }
    for (String key : List.of("title", "description", "agency")) {
      if (s.path(key).isTextual()) {
        PersonalData.check(new Cell(s.path(key).asText(), SiteConfigValidator.keyLocation(st, key)), key, diags);
      }
    }
    List<Dataset.Column> columns = new ArrayList<>();
    List<String> masks = new ArrayList<>();
    JsonNode cols = s.path("columns");
    if (!cols.isArray() || cols.isEmpty()) {
      schemaInvalid(st, "columns", Bi.of("columns 应为非空数组", "columns must be a non-empty array"), diags);
    }
    for (JsonNode c : cols.isArray() ? cols : List.<JsonNode>of()) {
      if (!c.isObject()) {
        schemaInvalid(st, "columns", Bi.of("每一列都是一个对象 {\"name\": …, \"type\": …}",
            "every column is an object {\"name\": ..., \"type\": ...}"), diags);
        continue;
      }
      String name = c.path("name").isTextual() ? c.path("name").asText().strip() : "";
      String type = c.path("type").asText("string");
      String personal = c.path("personal").asText("");
      String mask = c.path("mask").asText("");
      if (name.isEmpty()) schemaInvalid(st, "columns", Bi.of("每一列都要有文本的 name", "every column needs a name (a string)"), diags);
      if (!name.isEmpty() && columns.stream().anyMatch(k -> k.name().equals(name))) {
        schemaInvalid(st, "columns", Bi.of("列名“" + name + "”重复", "column name \"" + name + "\" is repeated"), diags);
      }
      if (!mask.isEmpty() && !PersonalData.KINDS.contains(mask)) {
        diags.report(Code.ENUM_UNKNOWN, columnKeyLocation(st, name, "mask"), mask, mask, "mask",
            String.join("、", PersonalData.KINDS.stream().sorted().toList()));
        mask = "";
      } else if (!mask.isEmpty() && !personal.isEmpty() && !personal.equals(mask)) {
        diags.report(Code.SCHEMA_INVALID, columnKeyLocation(st, name, "mask"), mask,
            Bi.of("列“" + name + "”的 personal 与 mask 不一致", "column \"" + name + "\" has different personal and mask kinds"));
      } else if (!mask.isEmpty()) {
        personal = mask; // a masked column is personal data, published masked
      }
      if (!TYPES.contains(type)) {
        diags.report(Code.ENUM_UNKNOWN, SiteConfigValidator.keyLocation(st, type), type, type, "type",
            String.join("、", TYPES.stream().sorted().toList()));
      }
      masks.add(mask);
      if (!personal.isEmpty() && !PERSONAL_EXAMPLES.containsKey(personal)) {
        diags.report(Code.ENUM_UNKNOWN, SiteConfigValidator.keyLocation(st, personal), personal, personal, "personal",
            String.join("、", PERSONAL_EXAMPLES.keySet().stream().sorted().toList()));
      }
      columns.add(new Dataset.Column(name, c.path("title").asText(""), type, c.path("unit").asText(""),
          c.path("description").asText(""), personal));
    }
    List<String> names = columns.stream().map(Dataset.Column::name).toList();
    List<String> primaryKey = new ArrayList<>();
    JsonNode pk = s.path("primaryKey");
    if (pk.isTextual()) {
      primaryKey.add(pk.asText()); // Table Schema allows a single column name
    } else if (pk.isArray()) {
      pk.forEach(k -> primaryKey.add(k.asText()));
    } else if (!pk.isMissingNode() && !pk.isNull()) {
      schemaInvalid(st, "primaryKey", Bi.of("primaryKey 应为列名或列名数组", "primaryKey must be a column name or an array of them"), diags);
    }
    for (String k : primaryKey) {
      if (!names.contains(k)) {
        schemaInvalid(st, "primaryKey", Bi.of("主键列“" + k + "”不在 columns 中", "primary key column \"" + k + "\" is not in columns"), diags);
      }
    }
    List<dev.gongkai.model.ChartSpec> charts = ChartSpecs.read(s, columns, st, diags);
    if (diags.errorCount() > before) return Optional.empty();

    // The CSV header must be the schema's columns, in order.
    List<Cell> header = src.table().header();
    for (int i = 0; i < Math.max(header.size(), names.size()); i++) {
      if (i >= header.size()) {
        diags.report(Code.HEADER_MISSING, header.get(0).location(), "", names.get(i));
      } else if (i >= names.size() || !header.get(i).trimmed().equals(names.get(i))) {
        diags.report(Code.HEADER_UNKNOWN, header.get(i).location(), header.get(i).value(), header.get(i).trimmed(),
            String.join(", ", names));
      }
    }
    if (diags.errorCount() > before) return Optional.empty();

    List<List<String>> rows = new ArrayList<>();
    Map<String, Integer> keys = new HashMap<>();
    int[] maskedCount = new int[columns.size()];
    for (Row row : src.table().rows()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        Dataset.Column col = columns.get(i);
        Cell cell = row.cells().get(i);
        if (!masks.get(i).isEmpty()) {
          // "mask": published masked, never silently (counted and reported below).
          String v = cell.trimmed();
          String masked = PersonalData.mask(v, masks.get(i));
          if (!masked.equals(v)) maskedCount[i]++;
          cell = new Cell(masked, cell.location());
        }
        values.add(cell(col, cell, diags));
      }
      if (!primaryKey.isEmpty()) {
        StringBuilder key = new StringBuilder();
        for (String k : primaryKey) key.append(values.get(names.indexOf(k))).append('\u0000');
        Integer prev = keys.putIfAbsent(key.toString(), row.location().line());
        if (prev != null) {
          Cell first = row.cells().get(names.indexOf(primaryKey.get(0)));
          diags.report(Code.KEY_DUPLICATE, first.location(), first.value(), String.join("+", primaryKey),
              key.toString().replace('\u0000', ' ').strip(), prev);
        }
      }
      rows.add(values);
    }
    for (int i = 0; i < columns.size(); i++) {
      if (maskedCount[i] > 0) {
        diags.report(Code.PERSONAL_MASKED, header.get(i).location(), "", maskedCount[i], columns.get(i).name(),
            masks.get(i));
      }
    }
    if (diags.errorCount() > before) return Optional.empty();
    return Optional.of(new Dataset(src.id(), title, itemCode, s.path("description").asText(""),
        s.path("agency").asText(""), published, disclosure, columns, primaryKey, rows, src.csvPath(), charts));
  }

  /** Checks one cell; returns its normalised value (dates as YYYY-MM-DD). */
  private static String cell(Dataset.Column col, Cell cell, Diagnostics diags) {
    String v = cell.trimmed();
    if (!col.personal().isEmpty() && !v.isEmpty() && !PersonalData.isMasked(v)) {
      diags.report(Code.PERSONAL_UNMASKED, cell.location(), "", col.name(), col.personal(),
          PERSONAL_EXAMPLES.get(col.personal()));
      return v;
    }
    PersonalData.check(cell, col.name(), diags);
    if (v.isEmpty()) return v;
    switch (col.type()) {
      case "integer" -> {
        if (!v.matches("-?\\d+")) typeError(col, cell, Bi.of("整数", "a whole number"), diags);
      }
      case "number" -> {
        if (!v.matches("-?\\d+(\\.\\d+)?")) typeError(col, cell, Bi.of("数字", "a number"), diags);
      }
      case "date" -> {
        Optional<LocalDate> d = Values.optionalDate(cell, diags);
        if (d.isPresent()) return d.get().toString();
      }
      default -> {}
    }
    return v;
  }

  private static void typeError(Dataset.Column col, Cell cell, Bi what, Diagnostics diags) {
    diags.report(Code.CELL_TYPE, cell.location(), cell.value(), col.name(), Values.shown(cell.trimmed()), what);
  }

  private static String text(JsonNode s, String key, SourceText st, Diagnostics diags, boolean required) {
    JsonNode n = s.get(key);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      if (required) diags.report(Code.FIELD_REQUIRED, SiteConfigValidator.keyLocation(st, key), "", key);
      return "";
    }
    return n.asText().strip();
  }

  /** Where {@code "key"} is in the column object named {@code name} (approximately: after the name's first mention). */
  private static Location columnKeyLocation(SourceText st, String name, String key) {
    String t = st.text();
    int at = name.isEmpty() ? -1 : t.indexOf("\"" + name + "\"");
    int k = t.indexOf("\"" + key + "\"", Math.max(0, at));
    return k >= 0 ? st.locate(k) : SiteConfigValidator.keyLocation(st, key);
  }

  private static void schemaInvalid(SourceText st, String key, Bi why, Diagnostics diags) {
    diags.report(Code.SCHEMA_INVALID, SiteConfigValidator.keyLocation(st, key), key, why);
  }
}
