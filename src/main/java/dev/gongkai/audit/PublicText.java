package dev.gongkai.audit;

import java.util.List;

/**
 * One published text that makes a needle non-distinctive (a 主动公开 record's title, numbers, attachment names and
 * body; a dataset's row), kept as its lines: the text is their join with {@code \n}, built only when it is matched.
 * At 100,000 records the joined texts were over 200 MB of copies per build, though an incremental build matches only
 * the texts it has not seen (see {@link NeedleMemo}) and needs of the others just their {@link #hash()}.
 *
 * <p>The lines are not copied (they are the model's own lists and strings); a null line reads as {@code "null"}, as
 * {@link String#join} writes it.
 */
record PublicText(List<String> lines, Object source) {

  /**
   * @param lines the text's lines
   * @param source the immutable instance the lines were taken from (a record, a dataset row, a string): the same
   *     instance gives the same lines, which is what lets {@link TextHashes} carry a hash from one build to the next
   */
  PublicText {}

  /** Lines that are their own source (an immutable list). */
  PublicText(List<String> lines) {
    this(lines, lines);
  }

  static PublicText of(String text) {
    return new PublicText(List.of(text), text);
  }

  /** The lines joined with {@code \n}. */
  String text() {
    return lines.size() == 1 ? lines.get(0) : String.join("\n", lines);
  }

  /** {@link NeedleMemo.Hash#of} of {@link #text()}, without joining the lines. */
  NeedleMemo.Hash hash() {
    int length = lines.size() - 1;
    for (String l : lines) length += String.valueOf(l).length();
    NeedleMemo.Hash.Builder h = new NeedleMemo.Hash.Builder(length);
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) h.add('\n');
      h.add(String.valueOf(lines.get(i)));
    }
    return h.build();
  }
}
