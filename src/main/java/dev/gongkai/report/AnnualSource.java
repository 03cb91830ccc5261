package dev.gongkai.report;

import dev.gongkai.diag.Location;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.Validity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The inputs of the annual reports: the published records and every data file in
 * {@code catalogue/annual-report/} (files named {@code <year>.json}; other names are ignored). Makes the
 * {@link AnnualReport} of any year; the counting rules are documented there.
 */
public final class AnnualSource {
  /** 表二 row → the 二级事项 names whose items count for it when the data file does not say otherwise. */
  public static final Map<String, Set<String>> DEFAULT_ITEMS = defaults();

  private final PublishedSite site;
  private final AnnualFormat format = AnnualFormat.get();
  private final java.util.NavigableMap<Integer, AnnualData> data;
  /** Published records by 索引号, made on the first lookup (only data files that name records need it). */
  private Map<String, DisclosureRecord> byIndex;
  /** {@link #years()}, made once: it goes through every record. */
  private final SortedSet<Integer> years;
  /** 索引号 → the year a data file's {@code repealed} list says the record stopped being in force. */
  private final Map<String, Integer> endYears = new HashMap<>();
  /** Problems with {@code repealed} entries, by the year of the file that has them. */
  private final Map<Integer, List<AnnualIssue>> repealIssues = new HashMap<>();

  private AnnualSource(PublishedSite site, java.util.NavigableMap<Integer, AnnualData> data) {
    this.site = site;
    this.data = data;
    this.years = yearsOf(site, data.keySet());
    resolveRepeals();
  }

  private static SortedSet<Integer> yearsOf(PublishedSite site, Set<Integer> dataYears) {
    // A bit per year rather than a tree set of boxed years: this runs over every record on every build.
    java.util.BitSet bits = new java.util.BitSet();
    SortedSet<Integer> years = new TreeSet<>(dataYears);
    for (DisclosureRecord r : site.records()) {
      addYear(r.written().getYear(), bits, years);
      addYear(r.published().getYear(), bits, years);
    }
    bits.stream().forEach(years::add);
    return Collections.unmodifiableSortedSet(years);
  }

  private static void addYear(int year, java.util.BitSet bits, SortedSet<Integer> others) {
    if (year >= 0) bits.set(year);
    else others.add(year);
  }

  /** The published record with index number {@code indexNo}, or null. */
  private synchronized DisclosureRecord record(String indexNo) {
    if (byIndex == null) {
      Map<String, DisclosureRecord> m = new HashMap<>(site.records().size() * 4 / 3 + 1);
      for (DisclosureRecord r : site.records()) m.put(r.indexNo(), r);
      byIndex = m;
    }
    return byIndex.get(indexNo);
  }

  /** Reads the data files under {@code root} (the site source folder). */
  public static AnnualSource load(PublishedSite site, Path root) {
    TreeMap<Integer, AnnualData> data = new TreeMap<>();
    Path dir = root.resolve(AnnualData.DIR);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.sorted().toList()) {
          String name = p.getFileName().toString();
          if (name.matches("\\d{4}\\.json") && Files.isRegularFile(p)) {
            int year = Integer.parseInt(name.substring(0, 4));
            data.put(year, AnnualData.read(root, year));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new AnnualSource(site, data);
  }

  /** A source with the given data files (tests). */
  public static AnnualSource of(PublishedSite site, Map<Integer, AnnualData> data) {
    return new AnnualSource(site, new TreeMap<>(data));
  }

  /** Years with a data file or a published record (by 成文日期 or 发布日期), ascending. */
  public SortedSet<Integer> years() {
    return years;
  }

  /** The data file of {@code year}, or null. */
  public AnnualData data(int year) {
    return data.get(year);
  }

  /** The report of {@code year}. */
  public AnnualReport report(int year) {
    AnnualData d = usable(data.get(year));
    List<AnnualIssue> issues = new ArrayList<>();
    List<AnnualReport.Note> notes = new ArrayList<>();
    if (data.containsKey(year)) issues.addAll(data.get(year).issues());
    issues.addAll(repealIssues.getOrDefault(year, List.of()));
    for (AnnualData other : data.values()) {
      if (other.year() != year && !other.readable()) {
        issues.add(AnnualIssue.warning(Location.file(other.path()), "report-other-file", "",
            other.year() + " 年的数据文件无法读取，其中的 repealed 列表未被采用",
            "the data file of " + other.year() + " cannot be read; its repealed list was not used"));
      }
    }

    Map<String, Selection> sel = new LinkedHashMap<>();
    for (String row : AnnualFormat.COUNTED_ROWS) {
      AnnualData from = categoriesFrom(year, row);
      sel.put(row, selection(row, from, from != null && from.year() == year ? issues : null));
    }
    // Last year is counted like this year unless its own data file chose its own categories.
    AnnualData prevData = usable(data.get(year - 1));
    Map<String, Selection> prevSel = new LinkedHashMap<>();
    sel.forEach((row, s) -> prevSel.put(row,
        prevData != null && prevData.categories().containsKey(row) ? selection(row, prevData, null) : s));

    Map<String, Map<String, AnnualReport.Cell>> cells = table2Cells(year, d, sel);
    Map<String, Map<String, AnnualReport.Cell>> prevCells = table2Cells(year - 1, prevData, prevSel);
    crossYear(year, d, cells, prevCells, issues);
    table2Notes(cells, notes);
    repealNotes(year, sel, notes);
    carryCheck(year, d, prevData, issues);

    List<AnnualReport.Table2> t2 = new ArrayList<>();
    for (AnnualFormat.Table2Group g : format.table2()) {
      List<AnnualReport.Row2> rows = new ArrayList<>();
      for (String row : g.rows()) {
        rows.add(new AnnualReport.Row2(row, g.columns().stream().map(c -> cells.get(row).get(c)).toList()));
      }
      t2.add(new AnnualReport.Table2(g.caption(), g.rowHeader(), g.columns(), rows));
    }
    List<AnnualReport.Basis> basis = new ArrayList<>();
    sel.forEach((row, s) -> basis.add(s.basis(row)));
    Collections.sort(issues);
    return new AnnualReport(year, site.config().agency(), format.source(),
        data.containsKey(year) ? data.get(year).path() : null,
        format.sections(), d == null ? Map.of() : d.texts(), t2,
        d == null || d.table3() == null ? null : table3(d.table3()),
        d == null || d.table4() == null ? null : table4(d.table4()), basis, notes, issues);
  }

  private static AnnualData usable(AnnualData d) {
    return d == null || !d.readable() ? null : d;
  }

  // ---- 表二 ----

  /**
   * The records a row counts, and what chose them.
   *
   * @param from the data file whose {@code categories} chose them, or null for the default items
   * @param records the items' records and the extra ones, each once
   */
  private record Selection(List<CatalogueItem> items, List<DisclosureRecord> extra, AnnualData from,
      List<DisclosureRecord> records) {
    AnnualReport.Basis basis(String row) {
      return new AnnualReport.Basis(row,
          items.stream().map(i -> new AnnualReport.Link(i.code(), i.domain() + " · " + i.level2(), i.url())).toList(),
          extra.stream().map(r -> new AnnualReport.Link(r.indexNo(), r.title(), r.url())).toList(),
          from == null ? null : from.year());
    }
  }

  /**
   * The data file whose {@code categories} decide {@code row} in {@code year}: the year's own, else the latest
   * earlier one that sets the row (a choice holds until a later file changes it); null for the default items.
   */
  private AnnualData categoriesFrom(int year, String row) {
    for (AnnualData d : data.headMap(year, true).descendingMap().values()) {
      if (d.readable() && d.categories().containsKey(row)) return d;
    }
    return null;
  }

  /** The selection of {@code row} by {@code from}'s categories (or the defaults); entry problems go to {@code issues}. */
  private Selection selection(String row, AnnualData from, List<AnnualIssue> issues) {
    List<CatalogueItem> items = new ArrayList<>();
    List<DisclosureRecord> extra = new ArrayList<>();
    if (from != null) {
      for (AnnualData.Entry e : from.categories().get(row)) {
        if (e.value().contains("/")) {
          DisclosureRecord r = record(e.value());
          if (r != null) extra.add(r);
          else if (issues != null) issues.add(AnnualIssue.error(e.where(), "report-unknown", "categories[\"" + row + "\"]",
              "“" + e.value() + "”不是已公开（主动公开）记录的索引号", "“" + e.value() + "” is not the index number of a published record"));
        } else {
          var item = site.catalogue().item(e.value());
          if (item.isPresent()) items.add(item.get());
          else if (issues != null) issues.add(AnnualIssue.error(e.where(), "report-unknown", "categories[\"" + row + "\"]",
              "目录中没有编码为“" + e.value() + "”的事项", "the catalogue has no item with code “" + e.value() + "”"));
        }
      }
    } else {
      for (CatalogueItem i : site.catalogue().items()) if (DEFAULT_ITEMS.get(row).contains(i.level2())) items.add(i);
    }
    // Each record once, without hashing records (a record's hash goes through all its fields, body included): an
    // item's records are its own, so only items named twice and extra records of a chosen item, or named twice, repeat.
    Set<String> codes = new LinkedHashSet<>();
    for (CatalogueItem i : items) codes.add(i.code());
    List<DisclosureRecord> records = new ArrayList<>();
    for (String code : codes) records.addAll(site.byItem().getOrDefault(code, List.of()));
    Set<String> extraSeen = new HashSet<>();
    for (DisclosureRecord r : extra) {
      if (!codes.contains(r.itemCode()) && extraSeen.add(r.indexNo())) records.add(r);
    }
    return new Selection(items, extra, from, records);
  }

  /** Every 表二 cell of {@code year}: counted, then replaced by the figures the data file gives. */
  private Map<String, Map<String, AnnualReport.Cell>> table2Cells(int year, AnnualData d, Map<String, Selection> sel) {
    Map<String, Map<String, AnnualReport.Cell>> out = new LinkedHashMap<>();
    for (AnnualFormat.Table2Group g : format.table2()) {
      for (String row : g.rows()) {
        Map<String, AnnualReport.Cell> cells = new LinkedHashMap<>();
        for (String col : g.columns()) {
          Long counted = sel.containsKey(row) ? count(sel.get(row).records(), col, year) : null;
          AnnualData.Given given = d == null ? null : d.table2().getOrDefault(row, Map.of()).get(col);
          BigDecimal value = given != null ? given.value() : counted == null ? null : BigDecimal.valueOf(counted);
          cells.put(col, new AnnualReport.Cell(col, value, counted, given != null));
        }
        out.put(row, cells);
      }
    }
    return out;
  }

  private long count(List<DisclosureRecord> records, String column, int year) {
    LocalDate end = LocalDate.of(year, 12, 31);
    return switch (column) {
      case AnnualFormat.MADE, AnnualFormat.DECISIONS ->
          records.stream().filter(r -> r.written().getYear() == year).count();
      case AnnualFormat.REPEALED ->
          records.stream().filter(r -> r.validity() != Validity.VALID && endYear(r) == year).count();
      case AnnualFormat.VALID -> records.stream()
          .filter(r -> !r.written().isAfter(end) && (r.validity() == Validity.VALID || endYear(r) > year)).count();
      default -> 0L;
    };
  }

  /** The year a 废止/失效 record stopped being in force: from a data file's repealed list, else its 发布日期's year. */
  private int endYear(DisclosureRecord r) {
    return endYears.getOrDefault(r.indexNo(), r.published().getYear());
  }

  /** Reads every data file's {@code repealed} list into {@link #endYears}, checking each entry. */
  private void resolveRepeals() {
    Map<String, Location> first = new HashMap<>();
    for (AnnualData d : data.values()) {
      for (AnnualData.Entry e : d.repealed()) {
        List<AnnualIssue> issues = repealIssues.computeIfAbsent(d.year(), y -> new ArrayList<>());
        String key = "repealed";
        DisclosureRecord r = record(e.value());
        if (r == null) {
          issues.add(AnnualIssue.error(e.where(), "report-unknown", key,
              "“" + e.value() + "”不是已公开（主动公开）记录的索引号；本站以外文件的废止件数请在 table2 中直接给出",
              "“" + e.value() + "” is not the index number of a published record; for documents not on the site give "
                  + "本年废止件数 in table2 instead"));
        } else if (r.validity() == Validity.VALID) {
          issues.add(AnnualIssue.error(e.where(), "report-repealed", key,
              "“" + e.value() + "”列为本年废止，但该记录的有效性仍为“有效”（" + r.origin() + "）；请把记录的有效性改为废止或失效",
              "“" + e.value() + "” is listed as repealed, but the record's 有效性 is still 有效 (" + r.origin()
                  + "); set it to 废止 or 失效"));
        } else if (r.written().getYear() > d.year()) {
          issues.add(AnnualIssue.error(e.where(), "report-repealed", key,
              "“" + e.value() + "”的成文日期为 " + r.written() + "，不能在 " + d.year() + " 年废止",
              "“" + e.value() + "” was written on " + r.written() + "; it cannot have been repealed in " + d.year()));
        } else if (first.containsKey(e.value())) {
          issues.add(AnnualIssue.error(e.where(), "report-repealed", key,
              "“" + e.value() + "”已在 " + first.get(e.value()) + " 列为废止", "“" + e.value()
                  + "” is already listed as repealed at " + first.get(e.value())));
        } else {
          first.put(e.value(), e.where());
          endYears.put(e.value(), d.year());
        }
      }
    }
  }

  /** 现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y), for 规章 and 行政规范性文件. */
  private void crossYear(int year, AnnualData d, Map<String, Map<String, AnnualReport.Cell>> cells,
      Map<String, Map<String, AnnualReport.Cell>> prev, List<AnnualIssue> issues) {
    for (String row : AnnualFormat.DOCUMENT_ROWS) {
      Map<String, AnnualReport.Cell> c = cells.get(row);
      long made = c.get(AnnualFormat.MADE).value().longValueExact();
      long repealed = c.get(AnnualFormat.REPEALED).value().longValueExact();
      long valid = c.get(AnnualFormat.VALID).value().longValueExact();
      long before = prev.get(row).get(AnnualFormat.VALID).value().longValueExact();
      long expected = before + made - repealed;
      if (valid == expected) continue;
      AnnualData.Given g = d == null ? null : d.table2().getOrDefault(row, Map.of()).get(AnnualFormat.VALID);
      Location where = g != null ? g.where() : d != null ? Location.file(d.path()) : Location.file("catalogue/records");
      issues.add(AnnualIssue.warning(where, "report-cross-year", "table2[\"" + row + "\"]",
          row + "：" + year + " 年现行有效件数为 " + valid + "，而按 " + (year - 1) + " 年现行有效 " + before + " + 本年制发 "
              + made + " − 本年废止 " + repealed + " 应为 " + expected + "（可能有本站以外的文件或数据缺漏）",
          row + ": 现行有效件数 " + year + " is " + valid + ", but " + (year - 1) + "'s " + before + " + made " + made
              + " − repealed " + repealed + " gives " + expected + " (documents outside the site, or gaps in the data)"));
    }
  }

  private void table2Notes(Map<String, Map<String, AnnualReport.Cell>> cells, List<AnnualReport.Note> notes) {
    cells.forEach((row, cs) -> cs.values().forEach(c -> {
      if (c.given() && c.counted() != null) {
        notes.add(new AnnualReport.Note(
            row + "“" + c.column() + "”取自数据文件（" + c.text() + "）；本站公开的记录计 " + c.counted() + " 件。",
            row + " “" + c.column() + "” is the data file's figure (" + c.text() + "); the site's published records count "
                + c.counted() + "."));
      } else if (!c.hasValue()) {
        notes.add(new AnnualReport.Note(row + "“" + c.column() + "”：数据文件未提供。",
            row + " “" + c.column() + "”: not given in the data file."));
      }
    }));
  }

  /** Names the 废止/失效 records whose end year was assumed (no repealed entry) where that shapes this year's figures. */
  private void repealNotes(int year, Map<String, Selection> sel, List<AnnualReport.Note> notes) {
    Set<DisclosureRecord> assumed = new TreeSet<>(Comparator.comparing(DisclosureRecord::indexNo));
    for (String row : AnnualFormat.DOCUMENT_ROWS) {
      for (DisclosureRecord r : sel.get(row).records()) {
        if (r.validity() != Validity.VALID && !endYears.containsKey(r.indexNo()) && r.written().getYear() <= year
            && endYear(r) >= year) {
          assumed.add(r);
        }
      }
    }
    for (DisclosureRecord r : assumed) {
      notes.add(new AnnualReport.Note(
          r.indexNo() + "《" + r.title() + "》有效性为" + r.validity().label() + "，数据文件未写明其废止年份，按发布日期所在的 "
              + endYear(r) + " 年计。",
          r.indexNo() + " (" + r.title() + ") is " + r.validity().label() + "; no data file says when it stopped being "
              + "in force, so the year of its 发布日期, " + endYear(r) + ", is assumed."));
    }
  }

  // ---- 表三, 表四 ----

  /** 上年结转(Y) should be last year's 结转下年度继续办理 when both years have 表三. */
  private void carryCheck(int year, AnnualData d, AnnualData prev, List<AnnualIssue> issues) {
    if (d == null || prev == null || d.table3() == null || prev.table3() == null) return;
    List<Long> now = d.table3().row("carried");
    List<Long> before = prev.table3().row("carry-over");
    List<String> diffs = new ArrayList<>();
    for (int c = 0; c < now.size(); c++) {
      if (!now.get(c).equals(before.get(c))) {
        diffs.add(format.table3Columns().get(c) + " " + now.get(c) + " ≠ " + before.get(c));
      }
    }
    if (diffs.isEmpty()) return;
    issues.add(AnnualIssue.warning(d.table3().whereOf("carried"), "report-carry-over", "table3[\"二、上年结转政府信息公开申请数量\"]",
        "上年结转与 " + (year - 1) + " 年报告的“结转下年度继续办理”不一致：" + String.join("，", diffs),
        "carried over differs from " + (year - 1) + "'s “结转下年度继续办理”: " + String.join(", ", diffs)));
  }

  private AnnualReport.Table3 table3(AnnualData.Table3 t) {
    List<String> cols = format.table3Columns();
    String org = "t3-org";
    List<List<AnnualReport.Header>> header = new ArrayList<>();
    header.add(List.of(new AnnualReport.Header("t3-item", "", 1, 3, "col"),
        new AnnualReport.Header("t3-applicant", "申请人情况", cols.size(), 1, "colgroup")));
    List<AnnualReport.Header> second = new ArrayList<>();
    second.add(new AnnualReport.Header("t3-c0", cols.get(0), 1, 2, "col"));
    second.add(new AnnualReport.Header(org, "法人或其他组织", cols.size() - 2, 1, "colgroup"));
    second.add(new AnnualReport.Header("t3-c" + (cols.size() - 1), cols.get(cols.size() - 1), 1, 2, "col"));
    header.add(second);
    List<AnnualReport.Header> third = new ArrayList<>();
    for (int c = 1; c < cols.size() - 1; c++) third.add(new AnnualReport.Header("t3-c" + c, cols.get(c), 1, 1, "col"));
    header.add(third);
    List<AnnualReport.Row3> rows = new ArrayList<>();
    String results = null;
    for (AnnualFormat.Table3Row r : format.table3Rows()) {
      String rid = "t3-r-" + r.id();
      if (r.heading()) results = rid;
      else if (r.level() == 0) results = null;
      // Row headers that describe a cell: 三、本年度办理结果 for the results, the category for a numbered reason.
      StringBuilder rowHeaders = new StringBuilder();
      if (results != null && !r.heading()) rowHeaders.append(results).append(' ');
      for (AnnualFormat.Table3Row parent : format.table3Rows()) {
        if (r.level() == 2 && parent.sumOf().contains(r.id())) rowHeaders.append("t3-r-").append(parent.id()).append(' ');
      }
      rowHeaders.append(rid);
      List<AnnualReport.DataCell> cells = new ArrayList<>();
      if (!r.heading()) {
        List<Long> v = t.row(r.id());
        for (int c = 0; c < cols.size(); c++) {
          String h = "t3-applicant " + (c > 0 && c < cols.size() - 1 ? org + " " : "") + "t3-c" + c + " " + rowHeaders;
          cells.add(new AnnualReport.DataCell(v.get(c), h));
        }
      }
      rows.add(new AnnualReport.Row3(r.id(), r.key(), r.label(), r.level(), r.heading(), rid, cells));
    }
    return new AnnualReport.Table3(cols, header, rows);
  }

  private AnnualReport.Table4 table4(AnnualData.Table4 t) {
    List<AnnualFormat.Table4Group> groups = format.table4Groups();
    List<String> cols = format.table4Columns();
    List<List<AnnualReport.Header>> header = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    Map<String, String> parentIds = new LinkedHashMap<>();
    Map<String, Integer> parentSpan = new LinkedHashMap<>();
    for (AnnualFormat.Table4Group g : groups) {
      if (g.parent() != null) parentSpan.merge(g.parent(), cols.size(), Integer::sum);
    }
    List<AnnualReport.DataCell> cells = new ArrayList<>();
    List<AnnualReport.Group4> out = new ArrayList<>();
    for (int gi = 0; gi < groups.size(); gi++) {
      AnnualFormat.Table4Group g = groups.get(gi);
      String gid = "t4-" + g.id();
      String prefix;
      if (g.parent() == null) {
        header.get(0).add(new AnnualReport.Header(gid, g.label(), cols.size(), 1, "colgroup"));
        for (int c = 0; c < cols.size(); c++) {
          header.get(1).add(new AnnualReport.Header(gid + "-" + c, cols.get(c), 1, 2, "col"));
        }
        prefix = gid;
      } else {
        String pid = parentIds.computeIfAbsent(g.parent(), p -> "t4-p" + parentIds.size());
        if (header.get(0).stream().noneMatch(h -> h.id().equals(pid))) {
          header.get(0).add(new AnnualReport.Header(pid, g.parent(), parentSpan.get(g.parent()), 1, "colgroup"));
        }
        header.get(1).add(new AnnualReport.Header(gid, g.label(), cols.size(), 1, "colgroup"));
        for (int c = 0; c < cols.size(); c++) {
          header.get(2).add(new AnnualReport.Header(gid + "-" + c, cols.get(c), 1, 1, "col"));
        }
        prefix = pid + " " + gid;
      }
      List<Long> v = t.groups().get(gi);
      for (int c = 0; c < cols.size(); c++) cells.add(new AnnualReport.DataCell(v.get(c), prefix + " " + gid + "-" + c));
      out.add(new AnnualReport.Group4(g.key(), v));
    }
    return new AnnualReport.Table4(header.stream().map(List::copyOf).toList(), out, cells);
  }

  private static Map<String, Set<String>> defaults() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("规章", Set.of("部门和地方规章", "规章", "部门规章", "地方政府规章", "政府规章"));
    m.put("行政规范性文件", Set.of("其他政策文件", "行政规范性文件", "规范性文件"));
    m.put("行政许可", Set.of("行政许可"));
    m.put("行政处罚", Set.of("行政处罚"));
    m.put("行政强制", Set.of("行政强制"));
    return Collections.unmodifiableMap(m);
  }
}
