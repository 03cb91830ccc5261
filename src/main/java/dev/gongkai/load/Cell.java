package dev.gongkai.load;

import dev.gongkai.diag.Location;

/** One value as written in an input file (CSV field, JSON value, header line), with where it starts. */
public record Cell(String value, Location location) {

  /** The value with surrounding ASCII and full-width spaces removed, as validation compares it. */
  public String trimmed() {
    return value.strip();
  }

  public boolean isBlank() {
    return value.isBlank();
  }
}
