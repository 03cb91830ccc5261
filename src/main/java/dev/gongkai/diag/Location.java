package dev.gongkai.diag;

/**
 * Where a problem is: a path relative to the site source, with a 1-based line and column (0 when unknown).
 * For spreadsheets saved as CSV the column is the character column of the field's first character, so an editor can
 * jump to it; the message also names the header.
 */
public record Location(String path, int line, int column) implements Comparable<Location> {

  public static Location file(String path) {
    return new Location(path, 0, 0);
  }

  public Location {
    path = path.replace('\\', '/');
  }

  @Override
  public int compareTo(Location o) {
    int c = path.compareTo(o.path);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    if (line <= 0) return path;
    return column <= 0 ? path + ":" + line : path + ":" + line + ":" + column;
  }
}
