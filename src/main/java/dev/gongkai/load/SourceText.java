package dev.gongkai.load;

import dev.gongkai.diag.Location;
import java.util.Arrays;

/**
 * A decoded text file with its path relative to the site source, able to turn a character offset into a
 * 1-based line and column (columns count UTF-16 code units from the line start, as editors do for CJK text).
 */
public final class SourceText {
  private final String path;
  private final String text;
  private final int[] lineStarts;

  public SourceText(String path, String text) {
    this.path = path;
    this.text = text;
    int n = 1;
    for (int i = 0; i < text.length(); i++) if (endsLine(text, i)) n++;
    int[] starts = new int[n];
    int k = 1;
    for (int i = 0; i < text.length(); i++) if (endsLine(text, i)) starts[k++] = i + 1;
    this.lineStarts = starts;
  }

  /** LF, or a CR not followed by LF (old Mac line ends, which Excel for Mac still writes). */
  private static boolean endsLine(String text, int i) {
    char c = text.charAt(i);
    return c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
  }

  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  public Location locate(int offset) {
    offset = atLineEnd(offset);
    int idx = Arrays.binarySearch(lineStarts, offset);
    int line = idx >= 0 ? idx : -idx - 2;
    return new Location(path, line + 1, offset - lineStarts[line] + 1);
  }

  /** The LF of a CRLF is part of the same line end: a position there is the end of the line, as at the CR. */
  private int atLineEnd(int offset) {
    boolean lfOfCrLf = offset > 0 && offset < text.length() && text.charAt(offset) == '\n'
        && text.charAt(offset - 1) == '\r';
    return lfOfCrLf ? offset - 1 : offset;
  }

  /**
   * {@link #locate} for a reader that asks in order: each offset must be at least the one before. It walks forward
   * from the last line instead of searching (a CSV file locates every field: a million at 100,000 records).
   */
  public Locator locator() {
    return new Locator();
  }

  /** See {@link #locator()}. Not thread-safe. */
  public final class Locator {
    private int line;

    private Locator() {}

    /** The same location as {@link SourceText#locate}{@code (offset)}. */
    public Location at(int offset) {
      offset = atLineEnd(offset);
      if (offset < lineStarts[line]) throw new IllegalArgumentException("offsets must not decrease: " + offset);
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
      return new Location(path, line + 1, offset - lineStarts[line] + 1);
    }
  }
}
