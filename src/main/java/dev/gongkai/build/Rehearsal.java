package dev.gongkai.build;

import dev.gongkai.validate.RowsMemo;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The edit {@link SiteBuild#rehearse} makes in memory: one 主动公开 record's title, with {@link #MARK} added, in the
 * bytes of its record file. The title is found as it is written (UTF-8 or GB18030, unescaped) and must occur once in
 * the file, so that only that cell changes; a record file whose titles are not found so is passed over.
 */
final class Rehearsal {
  /** What the rehearsed edit adds to a title. */
  static final String MARK = "（预演）";
  /** Titles tried per record file. */
  private static final int TITLES = 8;
  private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"));

  private Rehearsal() {}

  /**
   * The edit: a record file (source-relative path) and its edited bytes, or empty when {@code rows} holds no record
   * file with a title found so.
   *
   * @param which which of the titles found so (0: the first): another number edits another record
   */
  static Optional<Map.Entry<String, byte[]>> pick(Path source, RowsMemo rows, int which) {
    int skip = which;
    for (Map.Entry<String, List<String>> e : rows.publishedTitles(TITLES).entrySet()) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(source.resolve(e.getKey()));
      } catch (IOException x) {
        continue; // gone since the last build: the next build reports it
      }
      // The file's titles in the first encoding that finds one of them: an ASCII title is the same bytes in both, and
      // looking again in the second would count its record twice.
      boolean found = false;
      for (int c = 0; c < CHARSETS.size() && !found; c++) {
        Charset cs = CHARSETS.get(c);
        for (String title : e.getValue()) {
          byte[] t = title.getBytes(cs);
          int at = indexOf(bytes, t, 0);
          if (at < 0 || indexOf(bytes, t, at + 1) >= 0) continue;
          found = true;
          if (skip-- > 0) continue;
          byte[] mark = MARK.getBytes(cs);
          byte[] edited = new byte[bytes.length + mark.length];
          int end = at + t.length;
          System.arraycopy(bytes, 0, edited, 0, end);
          System.arraycopy(mark, 0, edited, end, mark.length);
          System.arraycopy(bytes, end, edited, end + mark.length, bytes.length - end);
          return Optional.of(Map.entry(e.getKey(), edited));
        }
      }
    }
    return Optional.empty();
  }

  /** Where {@code needle} (not empty) first occurs in {@code hay} at or after {@code from}, or -1. */
  static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
