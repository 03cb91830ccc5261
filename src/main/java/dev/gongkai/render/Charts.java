package dev.gongkai.render;

import dev.gongkai.model.ChartSpec;
import dev.gongkai.model.Dataset;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data of the charts declared in dataset schemas: rows grouped by the category column (dates by month or year),
 * the value column summed (exactly, in decimal) or the rows counted. Pure functions of published datasets; the SVG is
 * {@link SvgChart}'s job and the page's table alternative the template's.
 *
 * <p>Order: categories by value, largest first (ties in order of first appearance); dates chronologically, with
 * every month or year between the first and the last present (a month without rows is a real zero).
 */
public final class Charts {
  /** Most months or years a time series is filled to (beyond that, gaps are left out). */
  static final int MAX_FILLED = 240;

  private Charts() {}

  /**
   * A chart's data.
   *
   * @param category the category column (its label heads the table)
   * @param value the value column, or null for a count
   * @param points in display order
   * @param scale decimal places of every value and the total (the most any summed cell has)
   * @param skipped rows left out because their category (or, for a sum, value) cell is empty
   * @param sources the datasets whose rows were used, in site order
   */
  public record Chart(ChartSpec spec, Dataset.Column category, Dataset.Column value, List<Point> points, int scale,
      BigDecimal total, int skipped, List<Dataset> sources) {
    public Chart {
      points = List.copyOf(points);
      sources = List.copyOf(sources);
    }

    /** Whether the categories are dates, drawn in time order. */
    public boolean chronological() {
      return category.type().equals("date");
    }

    /** The point with the largest value (the first of equals), or null when there are none. */
    public Point max() {
      Point m = null;
      for (Point p : points) if (m == null || p.value().compareTo(m.value()) > 0) m = p;
      return m;
    }

    /** The total formatted like the values. */
    public String totalText() {
      return format(total, scale);
    }
  }

  /**
   * One bar, column or point.
   *
   * @param label the category value; {@code 2025-03} for a month, {@code 2025} for a year
   * @param text the value formatted with the chart's scale, e.g. {@code 118.0}
   */
  public record Point(String label, BigDecimal value, String text) {}

  /** UI text from the site's message bundle, with MessageFormat arguments (numbers passed as strings). */
  @FunctionalInterface
  public interface Text {
    String get(String key, Object... args);
  }

  /**
   * What a page template gets for one chart ({@code charts} on dataset and item pages, drawn by
   * {@code charts.html}).
   *
   * @param id unique on the page: {@code chart-1}, {@code chart-2}, …; the heading is {@code <id>-h}
   * @param svg the SVG markup, or null when there is nothing to draw
   * @param desc the summary in the SVG's {@code <desc>}: kind, number of items, the largest and the total
   * @param categoryHeader header of the table's first column, e.g. {@code 处罚日期（月）}
   * @param valueHeader header of its value column, e.g. {@code 金额（万元）} or {@code 数量（条）}
   * @param note rows left out, or blank
   */
  public record View(String id, Chart chart, String svg, String desc, String categoryHeader, String valueHeader,
      String note) {}

  /** The views of {@code charts}, numbered from 1 in order. */
  public static List<View> views(List<Chart> charts, Text text) {
    List<View> out = new ArrayList<>();
    for (Chart c : charts) {
      String id = "chart-" + (out.size() + 1);
      String category = c.category().label();
      if (c.spec().by() != ChartSpec.By.NONE) category = text.get("chart.by." + c.spec().by().id(), category);
      String valueHeader = c.value() == null ? text.get("chart.count") : c.value().label();
      String desc = "";
      String svg = null;
      if (!c.points().isEmpty()) {
        Point max = c.max();
        String kind = text.get("chart.kind." + c.spec().type().id());
        String n = String.valueOf(c.points().size());
        desc = c.chronological()
            ? text.get("chart.descTime", kind, c.points().get(0).label(),
                c.points().get(c.points().size() - 1).label(), n, max.label(), amount(c, max.text(), text),
                amount(c, c.totalText(), text))
            : text.get("chart.desc", kind, n, max.label(), amount(c, max.text(), text), amount(c, c.totalText(), text));
        svg = SvgChart.render(c, id, c.spec().title(), desc);
      }
      String note = c.skipped() == 0 ? "" : text.get("chart.skipped", String.valueOf(c.skipped()));
      out.add(new View(id, c, svg, desc, category, valueHeader, note));
    }
    return out;
  }

  /** A value with its unit, e.g. {@code 118.0万元}, {@code 12 条}. */
  private static String amount(Chart c, String value, Text text) {
    if (c.value() == null) return text.get("chart.rows", value);
    return c.value().unit().isBlank() ? value : text.get("chart.amount", value, c.value().unit());
  }

  /** The charts shown on a dataset's page: its own charts, not those pooled over its catalogue item. */
  public static List<Chart> forDataset(Dataset ds) {
    List<Chart> out = new ArrayList<>();
    for (ChartSpec spec : ds.charts()) if (!spec.acrossItem()) out.add(of(spec, List.of(ds)));
    return out;
  }

  /**
   * The charts shown on a catalogue item's page: each {@code "across": "item"} chart declared by one of the item's
   * published datasets (the same declaration in several of them counts once), over the rows of every one of them that
   * has the chart's category column (same type) and value column (numeric, same unit).
   *
   * @param itemDatasets the published datasets of one item, in site order
   */
  public static List<Chart> forItem(List<Dataset> itemDatasets) {
    Map<ChartSpec, Dataset> declared = new LinkedHashMap<>();
    for (Dataset ds : itemDatasets) {
      for (ChartSpec spec : ds.charts()) if (spec.acrossItem()) declared.putIfAbsent(spec, ds);
    }
    List<Chart> out = new ArrayList<>();
    declared.forEach((spec, owner) -> {
      Dataset.Column category = owner.column(spec.category());
      Dataset.Column value = spec.value().isEmpty() ? null : owner.column(spec.value());
      List<Dataset> pooled = new ArrayList<>();
      for (Dataset ds : itemDatasets) {
        Dataset.Column c = ds.column(spec.category());
        Dataset.Column v = value == null ? null : ds.column(spec.value());
        if (c == null || !c.type().equals(category.type())) continue;
        if (value != null && (v == null || !v.numeric() || !v.unit().equals(value.unit()))) continue;
        pooled.add(ds);
      }
      out.add(of(spec, pooled));
    });
    return out;
  }

  /**
   * Aggregates {@code spec} over the rows of {@code datasets} (which all have its columns; the first one's columns
   * label the chart).
   */
  public static Chart of(ChartSpec spec, List<Dataset> datasets) {
    Dataset first = datasets.get(0);
    Dataset.Column category = first.column(spec.category());
    Dataset.Column value = spec.aggregate() == ChartSpec.Aggregate.SUM ? first.column(spec.value()) : null;
    boolean dates = category.type().equals("date");
    Map<String, BigDecimal> sums = dates ? new TreeMap<>() : new LinkedHashMap<>();
    int scale = 0;
    int skipped = 0;
    for (Dataset ds : datasets) {
      int ci = ds.columns().indexOf(ds.column(spec.category()));
      int vi = value == null ? -1 : ds.columns().indexOf(ds.column(spec.value()));
      for (List<String> row : ds.rows()) {
        String key = group(row.get(ci), spec.by());
        String cell = vi < 0 ? "" : row.get(vi);
        if (key.isEmpty() || (vi >= 0 && cell.isEmpty())) {
          skipped++;
          continue;
        }
        BigDecimal v = BigDecimal.ONE;
        if (vi >= 0) {
          v = new BigDecimal(cell);
          scale = Math.max(scale, Math.max(0, v.scale()));
        }
        sums.merge(key, v, BigDecimal::add);
      }
    }
    if (dates && spec.by() != ChartSpec.By.NONE && !sums.isEmpty()) fillGaps(sums, spec.by());
    List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(sums.entrySet());
    if (!dates) entries.sort((a, b) -> b.getValue().compareTo(a.getValue())); // stable: ties keep first appearance
    List<Point> points = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> e : entries) {
      points.add(new Point(e.getKey(), e.getValue().setScale(scale), format(e.getValue(), scale)));
      total = total.add(e.getValue());
    }
    return new Chart(spec, category, value, points, scale, total.setScale(scale), skipped, datasets);
  }

  /** The group of a (normalised, {@code YYYY-MM-DD}) date cell, or the cell itself. */
  static String group(String cell, ChartSpec.By by) {
    if (cell.isEmpty()) return cell;
    return switch (by) {
      case MONTH -> cell.substring(0, 7);
      case YEAR -> cell.substring(0, 4);
      case NONE -> cell;
    };
  }

  /** Adds a zero for every month or year between the first and the last key of {@code sums} (sorted). */
  private static void fillGaps(Map<String, BigDecimal> sums, ChartSpec.By by) {
    List<String> keys = List.copyOf(sums.keySet());
    Set<String> all = new LinkedHashSet<>();
    if (by == ChartSpec.By.YEAR) {
      int from = Integer.parseInt(keys.get(0));
      int to = Integer.parseInt(keys.get(keys.size() - 1));
      for (int y = from; y <= to; y++) all.add(String.format(java.util.Locale.ROOT, "%04d", y));
    } else {
      YearMonth to = YearMonth.parse(keys.get(keys.size() - 1));
      for (YearMonth m = YearMonth.parse(keys.get(0)); !m.isAfter(to); m = m.plusMonths(1)) all.add(m.toString());
    }
    if (all.size() > MAX_FILLED) return; // a stray date decades off: draw what is there rather than 1,000 zeros
    for (String k : all) sums.putIfAbsent(k, BigDecimal.ZERO);
  }

  /** {@code v} with exactly {@code scale} decimals, plain (never 1E+3), no grouping: {@code 1510.0}. */
  public static String format(BigDecimal v, int scale) {
    return v.setScale(scale, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }
}
