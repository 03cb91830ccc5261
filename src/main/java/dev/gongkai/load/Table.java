package dev.gongkai.load;

import java.util.List;

/** A header and rows read from a CSV or JSON file, before any column has a meaning. */
public record Table(String path, List<Cell> header, List<Row> rows) {
  public Table {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }
}
