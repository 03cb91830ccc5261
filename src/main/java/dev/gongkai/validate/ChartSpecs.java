package dev.gongkai.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.load.Cell;
import dev.gongkai.load.SourceText;
import dev.gongkai.model.ChartSpec;
import dev.gongkai.model.Dataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the {@code "charts"} of a dataset schema against its columns. Every problem is located at the
 * JSON value it is about: an unknown column, a value column that is not numeric, a {@code "by"} grouping on a column
 * that is not a date, a line chart over categories, an unknown key or an unknown type, grouping, aggregate or scope.
 */
final class ChartSpecs {
  static final Set<String> KEYS = Set.of("title", "type", "category", "by", "value", "aggregate", "across");

  private ChartSpecs() {}

  /** The charts of {@code schema} (empty when it declares none); problems are reported to {@code diags}. */
  static List<ChartSpec> read(JsonNode schema, List<Dataset.Column> columns, SourceText st, Diagnostics diags) {
    JsonNode charts = schema.get("charts");
    if (charts == null || charts.isNull()) return List.of();
    Positions at = new Positions(st);
    if (!charts.isArray()) {
      diags.report(Code.CHART_INVALID, at.of("/charts"), "charts", Bi.of("“charts”", "\"charts\""),
          Bi.of("charts 应为数组 [ … ]", "charts must be an array [ ... ]"), example());
      return List.of();
    }
    List<ChartSpec> out = new ArrayList<>();
    for (int i = 0; i < charts.size(); i++) {
      read(charts.get(i), "/charts/" + i, i + 1, columns, st, at, diags).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<ChartSpec> read(JsonNode c, String path, int n, List<Dataset.Column> columns,
      SourceText st, Positions at, Diagnostics diags) {
    String t = c.path("title").isTextual() ? c.path("title").asText().strip() : "";
    Bi name = t.isEmpty() ? Bi.of("第 " + n + " 个图表", "chart " + n) : Bi.of("图表“" + t + "”", "chart \"" + t + "\"");
    if (!c.isObject()) {
      diags.report(Code.CHART_INVALID, at.of(path), "", name,
          Bi.of("每个图表是一个对象 {\"title\": …, \"category\": …}", "every chart is an object {\"title\": ..., \"category\": ...}"),
          example());
      return Optional.empty();
    }
    int before = diags.errorCount();
    for (var it = c.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        diags.report(Code.CHART_INVALID, at.key(path + "/" + key), key, name,
            Bi.of("未知的键“" + key + "”", "unknown key \"" + key + "\""),
            Bi.of("可用的键：" + String.join("、", KEYS.stream().sorted().toList()),
                "known keys: " + String.join(", ", KEYS.stream().sorted().toList())));
      }
    }
    for (String key : KEYS) {
      if (c.has(key) && !c.get(key).isTextual()) {
        diags.report(Code.CHART_INVALID, at.of(path + "/" + key), c.get(key).toString(), name,
            Bi.of(key + " 应为文本", key + " must be a string"), example());
      }
    }
    if (diags.errorCount() > before) return Optional.empty();

    String title = c.path("title").asText("").strip();
    if (title.isEmpty()) {
      diags.report(Code.CHART_INVALID, at.of(path), "", name, Bi.of("缺少标题 title", "it has no title"), example());
    } else {
      PersonalData.check(new Cell(title, at.of(path + "/title")), "title", diags);
    }
    Dataset.Column category = column(c, "category", path, name, columns, at, diags, true);
    ChartSpec.By by = enumValue(c, "by", ChartSpec.By.class, ChartSpec.By.NONE, path, at, diags);
    ChartSpec.Type type = enumValue(c, "type", ChartSpec.Type.class, null, path, at, diags);
    boolean across = false;
    if (c.has("across")) {
      across = c.get("across").asText().equals("item");
      if (!across) {
        diags.report(Code.ENUM_UNKNOWN, at.of(path + "/across"), c.get("across").asText(), c.get("across").asText(),
            "across", "item");
      }
    }
    Dataset.Column value = c.has("value") ? column(c, "value", path, name, columns, at, diags, false) : null;
    ChartSpec.Aggregate aggregate = enumValue(c, "aggregate", ChartSpec.Aggregate.class,
        c.has("value") ? ChartSpec.Aggregate.SUM : ChartSpec.Aggregate.COUNT, path, at, diags);

    if (category != null && by != null && by != ChartSpec.By.NONE && !category.type().equals("date")) {
      diags.report(Code.CHART_INVALID, at.of(path + "/by"), c.path("by").asText(), name,
          Bi.of("按" + (by == ChartSpec.By.MONTH ? "月" : "年") + "分组（by）只能用于日期列，而“" + category.name()
              + "”是 " + category.type() + " 类型", "grouping by " + by.id() + " needs a date column, but \""
              + category.name() + "\" is of type " + category.type()),
          hintColumns(columns, "date", Bi.of("日期列", "date columns"), Bi.of("去掉 by，按原值分组",
              "remove \"by\" to group by the values as they are")));
    }
    if (value != null && !value.numeric()) {
      diags.report(Code.CHART_INVALID, at.of(path + "/value"), value.name(), name,
          Bi.of("数值列“" + value.name() + "”不是数字（integer 或 number）类型", "the value column \"" + value.name()
              + "\" is not numeric (integer or number)"),
          hintColumns(columns, "numeric", Bi.of("数字列", "numeric columns"), Bi.of("用 \"aggregate\": \"count\" 统计行数",
              "use \"aggregate\": \"count\" to count rows")));
    }
    if (aggregate == ChartSpec.Aggregate.SUM && !c.has("value")) {
      diags.report(Code.CHART_INVALID, at.key(path + "/aggregate", path), "", name,
          Bi.of("求和（sum）需要用 value 指定数值列", "a sum needs a value column (\"value\")"),
          hintColumns(columns, "numeric", Bi.of("数字列", "numeric columns"), Bi.of("", "")));
    }
    if (aggregate == ChartSpec.Aggregate.COUNT && c.has("value")) {
      diags.report(Code.CHART_INVALID, at.of(path + "/value"), c.get("value").asText(), name,
          Bi.of("计数（count）统计的是行数，不用 value", "a count counts rows and takes no \"value\""),
          Bi.of("去掉 value，或者改为 \"aggregate\": \"sum\"", "remove \"value\", or use \"aggregate\": \"sum\""));
    }
    if (type == ChartSpec.Type.LINE && category != null && !category.type().equals("date")) {
      diags.report(Code.CHART_INVALID, at.of(path + "/type"), "line", name,
          Bi.of("折线图（line）只用于日期列，而“" + category.name() + "”是 " + category.type() + " 类型",
              "a line chart needs a date category, but \"" + category.name() + "\" is of type " + category.type()),
          Bi.of("分类数据用 \"type\": \"bar\"（横向条形图）或 \"column\"（柱形图）",
              "use \"type\": \"bar\" (horizontal bars) or \"column\" for categories"));
    }
    if (diags.errorCount() > before) return Optional.empty();
    if (type == null) {
      type = category.type().equals("date") ? ChartSpec.Type.COLUMN : ChartSpec.Type.BAR;
    }
    return Optional.of(new ChartSpec(title, type, category.name(), by, value == null ? "" : value.name(),
        aggregate, across));
  }

  private static Dataset.Column column(JsonNode c, String key, String path, Bi name, List<Dataset.Column> columns,
      Positions at, Diagnostics diags, boolean required) {
    String v = c.path(key).asText("").strip();
    if (v.isEmpty()) {
      if (required) {
        diags.report(Code.CHART_INVALID, c.has(key) ? at.of(path + "/" + key) : at.of(path), "", name,
            Bi.of("缺少分类列 " + key, "it has no " + key + " column"),
            hintColumns(columns, "", Bi.of("可用的列", "columns"), Bi.of("", "")));
      }
      return null;
    }
    for (Dataset.Column col : columns) if (col.name().equals(v)) return col;
    diags.report(Code.CHART_INVALID, at.of(path + "/" + key), v, name,
        Bi.of(key + " 指定的列“" + v + "”不在 columns 中", "the " + key + " column \"" + v + "\" is not in columns"),
        hintColumns(columns, key.equals("value") ? "numeric" : "", Bi.of(key.equals("value") ? "数字列" : "可用的列",
            key.equals("value") ? "numeric columns" : "columns"), Bi.of("", "")));
    return null;
  }

  private static <E extends Enum<E>> E enumValue(JsonNode c, String key, Class<E> type, E dflt, String path,
      Positions at, Diagnostics diags) {
    if (!c.has(key)) return dflt;
    String v = c.get(key).asText();
    E e = ChartSpec.parse(type, v).filter(x -> !x.name().equals("NONE")).orElse(null);
    if (e == null) diags.report(Code.ENUM_UNKNOWN, at.of(path + "/" + key), v, v, key, ChartSpec.ids(type));
    return e;
  }

  /** A hint listing the columns of a kind ({@code date}, {@code numeric} or all), then {@code otherwise}. */
  private static Bi hintColumns(List<Dataset.Column> columns, String kind, Bi what, Bi otherwise) {
    List<String> names = columns.stream()
        .filter(c -> kind.isEmpty() || (kind.equals("numeric") ? c.numeric() : c.type().equals(kind)))
        .map(Dataset.Column::name).toList();
    String zh = names.isEmpty() ? "本表没有" + what.zh() : what.zh() + "：" + String.join("、", names);
    String en = names.isEmpty() ? "this table has no " + what.en() : what.en() + ": " + String.join(", ", names);
    if (!otherwise.zh().isEmpty()) {
      zh += "；或" + otherwise.zh();
      en += "; or " + otherwise.en();
    }
    return Bi.of(zh, en);
  }

  private static Bi example() {
    return Bi.of("例如 \"charts\": [{\"title\": \"各乡镇救灾资金\", \"category\": \"乡镇\", \"value\": \"金额\"}]，见 README“图表”一节",
        "e.g. \"charts\": [{\"title\": \"Funds by township\", \"category\": \"乡镇\", \"value\": \"金额\"}]; see Charts in the README");
  }

  /** Where each value (and each object key) of a JSON text starts, by JSON Pointer. */
  static final class Positions {
    private final SourceText st;
    private final Map<String, Integer> values = new HashMap<>();
    private final Map<String, Integer> keys = new HashMap<>();

    Positions(SourceText st) {
      this.st = st;
      try (JsonParser p = SiteConfigValidator.JSON.getFactory().createParser(st.text())) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          int offset = (int) p.currentTokenLocation().getCharOffset();
          // At a START_OBJECT/START_ARRAY Jackson's pointer names the container itself; at a key, the key's value.
          String pointer = p.getParsingContext().pathAsPointer().toString();
          if (t == JsonToken.FIELD_NAME) {
            keys.putIfAbsent(pointer, offset);
          } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY || t.isScalarValue()) {
            values.putIfAbsent(pointer, offset);
          }
        }
      } catch (IOException e) {
        // Already parsed as a tree; positions found so far are kept, the rest fall back to the file's start.
      }
    }

    /** The start of the value at {@code pointer}, else of its nearest enclosing value. */
    Location of(String pointer) {
      for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
        Integer o = values.get(p);
        if (o != null) return st.locate(o);
        if (p.isEmpty()) return st.locate(0);
      }
    }

    /** The key of {@code pointer} in its object, else the value at {@code fallback}. */
    Location key(String pointer, String fallback) {
      Integer o = keys.get(pointer);
      return o != null ? st.locate(o) : of(fallback);
    }

    Location key(String pointer) {
      return key(pointer, pointer.substring(0, pointer.lastIndexOf('/')));
    }
  }
}
