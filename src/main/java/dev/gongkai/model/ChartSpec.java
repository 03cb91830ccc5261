package dev.gongkai.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A chart declared in a dataset's {@code schema.json} ({@code "charts": [ … ]}), validated against its columns. Charts
 * are drawn at build time as SVG with a table alternative (see {@code dev.gongkai.render.Charts}).
 *
 * @param title shown above the chart and as the SVG's {@code <title>}
 * @param category the column whose values (or dates, grouped by {@code by}) are the bars
 * @param by how a date column is grouped; {@link By#NONE} uses each value as it is
 * @param value the numeric column summed; blank for {@link Aggregate#COUNT}
 * @param acrossItem {@code "across": "item"}: pooled over every published dataset of the same catalogue item that has
 *     the same columns, and shown on the item page instead of the dataset page
 */
public record ChartSpec(String title, Type type, String category, By by, String value, Aggregate aggregate,
    boolean acrossItem) {

  /** Chart kinds: horizontal bars, vertical columns, or a line (for dates only). */
  public enum Type {
    BAR, COLUMN, LINE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Grouping of a date column. */
  public enum By {
    NONE, MONTH, YEAR;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What a bar shows: the sum of the value column, or the number of rows. */
  public enum Aggregate {
    SUM, COUNT;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The constant of {@code type} whose {@code id()} is {@code id}. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String id) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().toLowerCase(Locale.ROOT).equals(id)).findFirst();
  }

  /** The ids of {@code type}'s constants, for diagnostics, e.g. {@code bar、column、line}. */
  public static String ids(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
        .filter(s -> !s.equals("none")).collect(Collectors.joining("、"));
  }
}
