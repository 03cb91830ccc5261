package dev.gongkai.load;

import dev.gongkai.diag.Location;
import java.util.List;

/** A data row: one cell per header column (missing JSON keys become blank cells at the row's location). */
public record Row(Location location, List<Cell> cells) {
  public Row {
    cells = List.copyOf(cells);
  }
}
