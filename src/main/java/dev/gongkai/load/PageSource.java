package dev.gongkai.load;

import java.util.List;
import java.util.Optional;

/**
 * A Markdown file split into its JBake header ({@code key=value} lines ended by a line of {@code ~~~~~~}) and body.
 *
 * @param header the header lines in file order, each value located at its line; empty when the file has no header
 * @param hasHeader whether a {@code ~~~~~~} separator was found
 * @param bodyLine the 1-based line the body starts on, so Markdown problems map to the file's real line
 */
public record PageSource(String path, boolean hasHeader, List<HeaderEntry> header, String body, int bodyLine) {

  /** One {@code key=value} header line. */
  public record HeaderEntry(String key, Cell value) {}

  public PageSource {
    header = List.copyOf(header);
  }

  public Optional<Cell> get(String key) {
    return header.stream().filter(h -> h.key().equals(key)).map(HeaderEntry::value).findFirst();
  }
}
