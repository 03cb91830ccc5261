package dev.gongkai.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole small site in one text, in Go's txtar format: a comment, then files each introduced by a line
 * {@code -- path --}. Lets tests keep their fixture sites inline and readable.
 */
public record Txtar(String comment, Map<String, String> files) {

  public static Txtar parse(String text) {
    Map<String, String> files = new LinkedHashMap<>();
    StringBuilder comment = new StringBuilder();
    String current = null;
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
        if (current != null) files.put(current, body.toString());
        current = line.substring(3, line.length() - 3).strip();
        body.setLength(0);
      } else if (current == null) {
        comment.append(line).append('\n');
      } else {
        body.append(line).append('\n');
      }
    }
    if (current != null) files.put(current, body.toString());
    return new Txtar(comment.toString(), files);
  }

  public static Txtar read(Path p) throws IOException {
    return parse(Files.readString(p, StandardCharsets.UTF_8));
  }

  /** Lines of the comment that start with {@code prefix}, with the prefix removed. */
  public List<String> directives(String prefix) {
    List<String> out = new ArrayList<>();
    for (String line : comment.split("\n")) if (line.startsWith(prefix)) out.add(line.substring(prefix.length()).strip());
    return out;
  }

  /** This archive's files over {@code base}'s (same path replaces; an empty body with {@code (delete)} removes). */
  public Txtar over(Txtar base) {
    Map<String, String> merged = new LinkedHashMap<>(base.files);
    files.forEach((k, v) -> {
      if (v.strip().equals("(delete)")) merged.remove(k);
      else merged.put(k, v);
    });
    return new Txtar(comment, merged);
  }

  /** Writes the files under {@code dir}. Text {@code \\xNN} escapes are not interpreted: use {@link #writeBytes}. */
  public Path writeTo(Path dir) throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
    return dir;
  }
}
