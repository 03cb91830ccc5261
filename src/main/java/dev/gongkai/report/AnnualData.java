package dev.gongkai.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gongkai.diag.Location;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One year's data file, {@code catalogue/annual-report/<year>.json}: the figures only the agency keeps (表三
 * applications, 表四 reviews and lawsuits, the fees of 表二), optional overrides of how 表二 is counted, and the
 * free text of the report's sections. Reading never throws for bad input: every problem becomes an
 * {@link AnnualIssue} located at the key, and the sum rules of 表三 and 表四 are checked here.
 *
 * <pre>{@code
 * {
 *   "year": 2025,
 *   "categories": {"规章": []},                      // 表二 row → item codes and/or 索引号 (optional)
 *   "repealed": ["015583216/2024-00102"],          // records 废止 or 失效 during this year (optional)
 *   "table2": {"行政处罚": {"本年处理决定数量": 25}, "行政事业性收费": {"本年收费金额（单位：万元）": 0}},
 *   "table3": {"一、本年新收政府信息公开申请数量": [5, 2, 0, 0, 0, 0, 7], …},   // 6 numbers, or 7 with 总计
 *   "table4": {"行政复议": [1, 0, 0, 0, 1], …},     // 结果维持, 结果纠正, 其他结果, 尚未审结[, 总计]
 *   "text": {"一、总体情况": "…", "五": "…", "六": "…"}
 * }
 * }</pre>
 *
 * Keys starting with {@code _} are comments and ignored; any other unknown key is an error.
 *
 * @param readable false when the file could not be parsed at all (then everything else is empty)
 * @param categories 表二 row → the entries that choose its records, for the rows the file overrides
 * @param table3 null when the file has no {@code table3}
 * @param table4 null when the file has no {@code table4}
 * @param texts section heading → paragraphs, for the sections the file writes about
 */
public record AnnualData(
    int year,
    String path,
    boolean readable,
    Map<String, List<Entry>> categories,
    List<Entry> repealed,
    Map<String, Map<String, Given>> table2,
    Table3 table3,
    Table4 table4,
    Map<String, List<String>> texts,
    List<AnnualIssue> issues) {

  /** The data files' folder, relative to the site source. */
  public static final String DIR = "catalogue/annual-report";
  private static final Set<String> TOP_KEYS = Set.of("year", "categories", "repealed", "table2", "table3", "table4",
      "text");
  private static final List<String> NUMERALS = List.of("一", "二", "三", "四", "五", "六");
  private static final String TABLE3_KEYS = "表三的行键（如“（三）1.属于国家秘密”）或行编号（如 denied-1），见 "
      + AnnualFormat.RESOURCE + " / a table 三 row key (e.g. “（三）1.属于国家秘密”) or row id (e.g. denied-1), see "
      + AnnualFormat.RESOURCE;

  /** A string entry of a list, with where it was written. */
  public record Entry(String value, Location where) {}

  /** A figure the data file gives for a cell of 表二. */
  public record Given(BigDecimal value, Location where) {}

  /**
   * 表三 as given: row id → 7 numbers (the 6 applicant columns and 总计), for every row except headings.
   *
   * @param where row id → where the file gives that row (rows left out are absent); key {@code ""}: the table
   */
  public record Table3(Map<String, List<Long>> rows, Map<String, Location> where) {
    public List<Long> row(String id) {
      return rows.get(id);
    }

    public Location whereOf(String id) {
      return where.getOrDefault(id, where.get(""));
    }
  }

  /** 表四 as given: per column group (行政复议, 未经复议直接起诉, 复议后起诉), 5 numbers ending with 总计. */
  public record Table4(List<List<Long>> groups) {}

  /** The data file's path for {@code year}, relative to the site source. */
  public static String pathOf(int year) {
    return DIR + "/" + year + ".json";
  }

  /** Reads {@code root/catalogue/annual-report/<year>.json}; an unreadable file gives an issue, not an exception. */
  public static AnnualData read(Path root, int year) {
    String path = pathOf(year);
    String text;
    try {
      text = Files.readString(root.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return unreadable(year, path, AnnualIssue.error(Location.file(path), "report-file", "",
          "无法读取数据文件：" + e.getMessage(), "cannot read the data file: " + e.getMessage()));
    }
    return parse(text, path, year);
  }

  /** Interprets {@code text} as the data file {@code path} of {@code year}. */
  public static AnnualData parse(String text, String path, int year) {
    AnnualJson json;
    try {
      json = AnnualJson.parse(text, path);
    } catch (JsonProcessingException e) {
      Location where = AnnualJson.loc(path, e.getLocation());
      return unreadable(year, path, AnnualIssue.error(where, "report-json", "",
          "数据文件不是有效的 JSON：" + e.getOriginalMessage(), "the data file is not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      return unreadable(year, path, AnnualIssue.error(Location.file(path), "report-file", "",
          "无法读取数据文件：" + e.getMessage(), "cannot read the data file: " + e.getMessage()));
    }
    return new Parser(json, path, year).parse();
  }

  private static AnnualData unreadable(int year, String path, AnnualIssue issue) {
    return new AnnualData(year, path, false, Map.of(), List.of(), Map.of(), null, null, Map.of(), List.of(issue));
  }

  public boolean hasErrors() {
    return issues.stream().anyMatch(AnnualIssue::error);
  }

  /** Reads the JSON tree into the record, collecting issues. */
  private static final class Parser {
    private final AnnualJson json;
    private final String path;
    private final int year;
    private final AnnualFormat format = AnnualFormat.get();
    private final List<AnnualIssue> issues = new ArrayList<>();

    Parser(AnnualJson json, String path, int year) {
      this.json = json;
      this.path = path;
      this.year = year;
    }

    AnnualData parse() {
      JsonNode root = json.root;
      Map<String, List<Entry>> categories = new LinkedHashMap<>();
      List<Entry> repealed = new ArrayList<>();
      Map<String, Map<String, Given>> table2 = new LinkedHashMap<>();
      Table3 table3 = null;
      Table4 table4 = null;
      Map<String, List<String>> texts = new LinkedHashMap<>();
      if (root == null || !root.isObject()) {
        shape(new Object[0], "一个对象", "an object");
        return done(categories, repealed, table2, null, null, texts);
      }
      for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (k.startsWith("_")) continue;
        if (!TOP_KEYS.contains(k)) {
          unknownKey(new Object[] {k}, String.join("、", TOP_KEYS.stream().sorted().toList()));
        }
      }
      JsonNode y = root.get("year");
      if (y != null && !(y.canConvertToInt() && y.isIntegralNumber() && y.asInt() == year)) {
        issues.add(AnnualIssue.error(json.at("year"), "report-year", "year",
            "“year”为 " + y + "，但文件名表示 " + year + " 年",
            "\"year\" is " + y + " but the file name says " + year));
      }
      if (root.has("categories")) categories(root.get("categories"), categories);
      if (root.has("repealed")) strings(root.get("repealed"), repealed, "repealed");
      if (root.has("table2")) table2(root.get("table2"), table2);
      if (root.has("table3")) table3 = table3(root.get("table3"));
      if (root.has("table4")) table4 = table4(root.get("table4"));
      if (root.has("text")) texts(root.get("text"), texts);
      return done(categories, repealed, table2, table3, table4, texts);
    }

    private AnnualData done(Map<String, List<Entry>> categories, List<Entry> repealed,
        Map<String, Map<String, Given>> table2, Table3 t3, Table4 t4, Map<String, List<String>> texts) {
      Collections.sort(issues);
      return new AnnualData(year, path, true, Collections.unmodifiableMap(categories), List.copyOf(repealed),
          Collections.unmodifiableMap(table2), t3, t4, Collections.unmodifiableMap(texts), List.copyOf(issues));
    }

    private void categories(JsonNode n, Map<String, List<Entry>> out) {
      if (!n.isObject()) {
        shape(new Object[] {"categories"}, "对象：表二的行 → 事项编码或索引号列表",
            "an object: row of table 二 → list of item codes or index numbers");
        return;
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String row = it.next();
        if (row.startsWith("_")) continue;
        if (!AnnualFormat.COUNTED_ROWS.contains(row)) {
          unknownKey(new Object[] {"categories", row}, String.join("、", AnnualFormat.COUNTED_ROWS));
          continue;
        }
        List<Entry> entries = new ArrayList<>();
        strings(n.get(row), entries, "categories", row);
        out.put(row, List.copyOf(entries));
      }
    }

    private void strings(JsonNode n, List<Entry> out, Object... at) {
      if (!n.isArray()) {
        shape(at, "字符串数组", "an array of strings");
        return;
      }
      for (int i = 0; i < n.size(); i++) {
        Object[] el = append(at, i);
        JsonNode v = n.get(i);
        if (!v.isTextual() || v.asText().isBlank()) shape(el, "非空字符串", "a non-empty string");
        else out.add(new Entry(v.asText().strip(), json.at(el)));
      }
    }

    private void table2(JsonNode n, Map<String, Map<String, Given>> out) {
      if (!n.isObject()) {
        shape(new Object[] {"table2"}, "对象：表二的行 → {列: 数值}", "an object: row of table 二 → {column: number}");
        return;
      }
      List<String> rows = format.table2().stream().flatMap(g -> g.rows().stream()).toList();
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String row = it.next();
        if (row.startsWith("_")) continue;
        if (!rows.contains(row)) {
          unknownKey(new Object[] {"table2", row}, String.join("、", rows));
          continue;
        }
        AnnualFormat.Table2Group g = format.table2Group(row).orElseThrow();
        JsonNode cells = n.get(row);
        if (!cells.isObject()) {
          shape(new Object[] {"table2", row}, "对象：{列: 数值}", "an object: {column: number}");
          continue;
        }
        Map<String, Given> given = new LinkedHashMap<>();
        for (Iterator<String> ci = cells.fieldNames(); ci.hasNext(); ) {
          String col = ci.next();
          if (col.startsWith("_")) continue;
          Object[] at = {"table2", row, col};
          if (!g.columns().contains(col)) {
            unknownKey(at, String.join("、", g.columns()));
            continue;
          }
          JsonNode v = cells.get(col);
          boolean money = row.equals(AnnualFormat.FEE_ROW);
          if (!v.isNumber() || v.decimalValue().signum() < 0 || (!money && !v.isIntegralNumber())) {
            shape(at, money ? "不小于 0 的数（万元）" : "不小于 0 的整数", money ? "a number ≥ 0 (万元)" : "an integer ≥ 0");
            continue;
          }
          given.put(col, new Given(v.decimalValue(), json.at(at)));
        }
        out.put(row, Collections.unmodifiableMap(given));
      }
    }

    private Table3 table3(JsonNode n) {
      if (!n.isObject()) {
        shape(new Object[] {"table3"}, "对象：表三的行 → 6 或 7 个数", "an object: row of table 三 → 6 or 7 numbers");
        return null;
      }
      List<AnnualFormat.Table3Row> rows = format.table3Rows();
      Map<String, List<Long>> given = new LinkedHashMap<>();
      Map<String, String> keyOf = new LinkedHashMap<>(); // row id → the key the file used
      Map<String, Boolean> totalGiven = new LinkedHashMap<>();
      int cols = format.table3Columns().size();
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (k.startsWith("_")) continue;
        AnnualFormat.Table3Row row = table3Row(k);
        if (row == null || row.heading()) {
          unknownKey(new Object[] {"table3", k}, TABLE3_KEYS);
          continue;
        }
        if (keyOf.containsKey(row.id())) {
          issues.add(AnnualIssue.error(json.at("table3", k), "report-key", AnnualJson.key("table3", k),
              "表三“" + row.key() + "”重复给出（另见“" + keyOf.get(row.id()) + "”）",
              "table 三 row “" + row.key() + "” is given twice (see also “" + keyOf.get(row.id()) + "”)"));
          continue;
        }
        List<Long> values = numbers(n.get(k), new Object[] {"table3", k}, cols - 1, cols);
        if (values == null) continue;
        keyOf.put(row.id(), k);
        totalGiven.put(row.id(), values.size() == cols);
        if (values.size() == cols) {
          long sum = 0;
          for (int c = 0; c < cols - 1; c++) sum += values.get(c);
          if (sum != values.get(cols - 1)) {
            sumError(new Object[] {"table3", k, cols - 1},
                "表三“" + row.key() + "”的“总计”应为各类申请人之和 " + sum + "，实为 " + values.get(cols - 1),
                "table 三 row “" + row.key() + "”: 总计 must be the sum of the applicant columns, " + sum
                    + ", but is " + values.get(cols - 1));
          }
        } else {
          values = new ArrayList<>(values);
          values.add(values.stream().mapToLong(Long::longValue).sum());
        }
        given.put(row.id(), List.copyOf(values));
      }
      // Rows left out are zeros; subtotals and （七）总计 left out are computed, given ones are checked.
      Map<String, List<Long>> all = new LinkedHashMap<>();
      for (AnnualFormat.Table3Row row : rows) {
        if (!row.heading()) value(row, given, all, keyOf);
      }
      String total = "total";
      for (int c = 0; c < cols; c++) {
        long in = all.get("new").get(c) + all.get("carried").get(c);
        long outc = all.get(total).get(c) + all.get("carry-over").get(c);
        if (in != outc) {
          String col = format.table3Columns().get(c);
          String at = keyOf.getOrDefault(total, keyOf.getOrDefault("new", null));
          Object[] where = at == null ? new Object[] {"table3"} : new Object[] {"table3", at, c};
          sumError(where,
              "表三“" + col + "”列：本年新收 + 上年结转 = " + all.get("new").get(c) + " + " + all.get("carried").get(c)
                  + " = " + in + "，而办理结果总计 + 结转下年度继续办理 = " + all.get(total).get(c) + " + "
                  + all.get("carry-over").get(c) + " = " + outc + "，两者应相等",
              "table 三, column “" + col + "”: received this year + carried over = " + all.get("new").get(c) + " + "
                  + all.get("carried").get(c) + " = " + in + ", but results total + carried to next year = "
                  + all.get(total).get(c) + " + " + all.get("carry-over").get(c) + " = " + outc
                  + "; they must be equal");
        }
      }
      Map<String, Location> where = new LinkedHashMap<>();
      where.put("", json.at("table3"));
      keyOf.forEach((id, k) -> where.put(id, json.at("table3", k)));
      return new Table3(Collections.unmodifiableMap(all), Collections.unmodifiableMap(where));
    }

    /** The row's values: as given (subtotals checked against their parts), or the sum of its parts, or zeros. */
    private List<Long> value(AnnualFormat.Table3Row row, Map<String, List<Long>> given, Map<String, List<Long>> all,
        Map<String, String> keyOf) {
      List<Long> done = all.get(row.id());
      if (done != null) return done;
      int cols = format.table3Columns().size();
      List<Long> sum = null;
      if (!row.sumOf().isEmpty()) {
        long[] s = new long[cols];
        for (String part : row.sumOf()) {
          List<Long> v = value(format.table3Row(part).orElseThrow(), given, all, keyOf);
          for (int c = 0; c < cols; c++) s[c] += v.get(c);
        }
        sum = new ArrayList<>();
        for (long x : s) sum.add(x);
      }
      List<Long> v = given.get(row.id());
      if (v != null && sum != null) {
        for (int c = 0; c < cols; c++) {
          if (!v.get(c).equals(sum.get(c))) {
            String col = format.table3Columns().get(c);
            String k = keyOf.get(row.id());
            sumError(new Object[] {"table3", k, c},
                "表三“" + row.key() + "”“" + col + "”列应为其下各项之和 " + sum.get(c) + "，实为 " + v.get(c),
                "table 三 row “" + row.key() + "”, column “" + col + "”: must be the sum of the rows under it, "
                    + sum.get(c) + ", but is " + v.get(c));
          }
        }
      }
      List<Long> out = v != null ? v : sum != null ? List.copyOf(sum) : Collections.nCopies(cols, 0L);
      all.put(row.id(), out);
      return out;
    }

    private AnnualFormat.Table3Row table3Row(String k) {
      var byKey = format.table3Row(k);
      if (byKey.isPresent()) return byKey.get();
      List<AnnualFormat.Table3Row> byLabel = format.table3Rows().stream().filter(r -> r.label().equals(k)).toList();
      return byLabel.size() == 1 ? byLabel.get(0) : null;
    }

    private Table4 table4(JsonNode n) {
      if (!n.isObject()) {
        shape(new Object[] {"table4"}, "对象：行政复议、行政诉讼/未经复议直接起诉、行政诉讼/复议后起诉 → 4 或 5 个数",
            "an object: 行政复议, 行政诉讼/未经复议直接起诉, 行政诉讼/复议后起诉 → 4 or 5 numbers");
        return null;
      }
      List<AnnualFormat.Table4Group> groups = format.table4Groups();
      int cols = format.table4Columns().size();
      List<List<Long>> values = new ArrayList<>();
      for (int i = 0; i < groups.size(); i++) values.add(Collections.nCopies(cols, 0L));
      boolean[] seen = new boolean[groups.size()];
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (k.startsWith("_")) continue;
        int gi = -1;
        for (int i = 0; i < groups.size(); i++) {
          AnnualFormat.Table4Group g = groups.get(i);
          if (g.key().equals(k) || g.label().equals(k) || g.id().equals(k)) gi = i;
        }
        if (gi < 0) {
          unknownKey(new Object[] {"table4", k}, String.join("、", groups.stream().map(AnnualFormat.Table4Group::key).toList()));
          continue;
        }
        AnnualFormat.Table4Group g = groups.get(gi);
        if (seen[gi]) {
          issues.add(AnnualIssue.error(json.at("table4", k), "report-key", AnnualJson.key("table4", k),
              "表四“" + g.key() + "”重复给出", "table 四 group “" + g.key() + "” is given twice"));
          continue;
        }
        seen[gi] = true;
        List<Long> v = numbers(n.get(k), new Object[] {"table4", k}, cols - 1, cols);
        if (v == null) continue;
        long sum = 0;
        for (int c = 0; c < cols - 1; c++) sum += v.get(c);
        if (v.size() == cols && sum != v.get(cols - 1)) {
          sumError(new Object[] {"table4", k, cols - 1},
              "表四“" + g.key() + "”的“总计”应为结果维持、结果纠正、其他结果、尚未审结之和 " + sum + "，实为 " + v.get(cols - 1),
              "table 四 “" + g.key() + "”: 总计 must be the sum of 结果维持, 结果纠正, 其他结果 and 尚未审结, " + sum
                  + ", but is " + v.get(cols - 1));
        }
        if (v.size() < cols) {
          v = new ArrayList<>(v);
          v.add(sum);
        }
        values.set(gi, List.copyOf(v));
      }
      return new Table4(List.copyOf(values));
    }

    private void texts(JsonNode n, Map<String, List<String>> out) {
      if (!n.isObject()) {
        shape(new Object[] {"text"}, "对象：章节 → 文字", "an object: section → text");
        return;
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (k.startsWith("_")) continue;
        String section = null;
        for (int i = 0; i < format.sections().size(); i++) {
          String s = format.sections().get(i);
          if (s.equals(k) || NUMERALS.get(i).equals(k)) section = s;
        }
        if (section == null) {
          unknownKey(new Object[] {"text", k}, String.join("、", format.sections()));
          continue;
        }
        JsonNode v = n.get(k);
        if (!v.isTextual()) {
          shape(new Object[] {"text", k}, "字符串（空行分段）", "a string (paragraphs separated by blank lines)");
          continue;
        }
        List<String> paras = new ArrayList<>();
        for (String p : v.asText().replace("\r", "").split("\n\\s*\n")) {
          if (!p.isBlank()) paras.add(p.strip());
        }
        if (!paras.isEmpty()) out.put(section, List.copyOf(paras));
      }
    }

    /** An array of {@code min}..{@code max} integers ≥ 0, or null (with an issue). */
    private List<Long> numbers(JsonNode n, Object[] at, int min, int max) {
      if (!n.isArray() || n.size() < min || n.size() > max) {
        shape(at, min + " 或 " + max + " 个不小于 0 的整数组成的数组", "an array of " + min + " or " + max + " integers ≥ 0");
        return null;
      }
      List<Long> out = new ArrayList<>();
      boolean ok = true;
      for (int i = 0; i < n.size(); i++) {
        JsonNode v = n.get(i);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
          shape(append(at, i), "不小于 0 的整数", "an integer ≥ 0");
          ok = false;
        } else {
          out.add(v.asLong());
        }
      }
      return ok ? out : null;
    }

    private void sumError(Object[] at, String zh, String en) {
      issues.add(AnnualIssue.error(json.at(at), "report-sum", AnnualJson.key(at), zh, en));
    }

    private void shape(Object[] at, String zh, String en) {
      JsonNode v = json.root;
      for (Object s : at) v = v == null ? null : s instanceof Integer i ? v.get(i) : v.get((String) s);
      String found = v == null ? "" : "，实为 " + abbreviate(v.toString());
      String foundEn = v == null ? "" : ", found " + abbreviate(v.toString());
      String key = at.length == 0 ? "(根 / root)" : AnnualJson.key(at);
      issues.add(AnnualIssue.error(json.at(at), "report-value", at.length == 0 ? "" : AnnualJson.key(at),
          key + " 应为" + zh + found, key + " must be " + en + foundEn));
    }

    private void unknownKey(Object[] at, String known) {
      String k = AnnualJson.key(at);
      issues.add(AnnualIssue.error(json.at(at), "report-key", k,
          "未知的键 " + k + "；可用：" + known, "unknown key " + k + "; expected one of: " + known));
    }

    private static String abbreviate(String s) {
      return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

    private static Object[] append(Object[] at, Object seg) {
      Object[] out = java.util.Arrays.copyOf(at, at.length + 1);
      out[at.length] = seg;
      return out;
    }
  }
}
