package dev.gongkai.validate;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.Cell;
import dev.gongkai.load.Row;
import dev.gongkai.load.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns a kind of table may have; binds a table's header to them, reporting unknown, duplicate and missing. */
public record ColumnSet(List<Column> columns) {

  public ColumnSet {
    columns = List.copyOf(columns);
  }

  /**
   * @param optionalHere required columns that this file may omit (e.g. 事项 in a file named after its item)
   * @return the bound table, or empty when the header is unusable (problems reported)
   */
  public Optional<Bound> bind(Table table, Diagnostics diags, String... optionalHere) {
    Map<String, Integer> index = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < table.header().size(); i++) {
      Cell h = table.header().get(i);
      Optional<Column> col = columns.stream().filter(c -> c.matches(h.value())).findFirst();
      if (col.isEmpty()) {
        if (h.isBlank()) continue;
        diags.report(Code.HEADER_UNKNOWN, h.location(), h.value(), h.trimmed(), known());
        ok = false;
      } else if (index.putIfAbsent(col.get().key(), i) != null) {
        diags.report(Code.HEADER_DUPLICATE, h.location(), h.value(), col.get().zh());
        ok = false;
      }
    }
    if (table.header().isEmpty() && table.rows().isEmpty()) {
      return Optional.of(new Bound(table, Map.of(), this)); // an empty JSON array: nothing to check
    }
    dev.gongkai.diag.Location top = table.header().isEmpty()
        ? new dev.gongkai.diag.Location(table.path(), 1, 1)
        : table.header().get(0).location();
    for (Column c : columns) {
      if (c.required() && !index.containsKey(c.key()) && !List.of(optionalHere).contains(c.key())) {
        diags.report(Code.HEADER_MISSING, top, "", c.zh());
        ok = false;
      }
    }
    return ok ? Optional.of(new Bound(table, Map.copyOf(index), this)) : Optional.empty();
  }

  private String known() {
    return columns.stream().map(c -> c.zh() + " (" + c.en() + ")").collect(Collectors.joining("、"));
  }

  /** Whether {@code header} names one of the columns (as {@link #bind} would match it). */
  public boolean knows(String header) {
    return columns.stream().anyMatch(c -> c.matches(header));
  }

  public Column column(String key) {
    return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
  }

  /** A table whose header is bound to known columns. */
  public record Bound(Table table, Map<String, Integer> index, ColumnSet set) {

    public boolean has(String key) {
      return index.containsKey(key);
    }

    /** The cell of {@code key} in {@code row}; a blank cell at the row's start when the column is absent. */
    public Cell cell(Row row, String key) {
      Integer i = index.get(key);
      return i == null ? new Cell("", row.location()) : row.cells().get(i);
    }
  }
}
