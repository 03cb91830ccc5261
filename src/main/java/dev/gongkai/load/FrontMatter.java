package dev.gongkai.load;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses JBake's page header: {@code key=value} lines up to a line of six or more {@code ~}. A file without such a
 * line has no header (its whole text is the body). Malformed header lines are reported at their real line.
 */
public final class FrontMatter {
  private FrontMatter() {}

  public static PageSource parse(SourceText src, Diagnostics diags) {
    String text = src.text();
    String[] lines = text.split("\r\n|\r|\n", -1);
    int sep = -1;
    for (int i = 0; i < lines.length && i < 200; i++) {
      if (lines[i].strip().matches("~{6,}")) {
        sep = i;
        break;
      }
    }
    if (sep < 0) return new PageSource(src.path(), false, List.of(), text, 1);
    List<PageSource.HeaderEntry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sep; i++) {
      String line = lines[i];
      if (line.isBlank()) continue;
      Location where = new Location(src.path(), i + 1, 1);
      int eq = line.indexOf('=');
      if (eq <= 0 || line.substring(0, eq).isBlank()) {
        diags.report(Code.FRONTMATTER_INVALID, where, line, line.strip(),
            Bi.of("缺少等号，应为 key=value", "no '=', expected key=value"));
        continue;
      }
      String key = line.substring(0, eq).strip();
      if (!seen.add(key)) {
        diags.report(Code.FRONTMATTER_INVALID, where, line, key, Bi.of("重复的键", "duplicate key"));
        continue;
      }
      String value = line.substring(eq + 1).strip();
      int col = eq + 2 + (line.length() - eq - 1 - line.substring(eq + 1).stripLeading().length());
      entries.add(new PageSource.HeaderEntry(key, new Cell(value, new Location(src.path(), i + 1, col))));
    }
    StringBuilder body = new StringBuilder();
    for (int i = sep + 1; i < lines.length; i++) {
      body.append(lines[i]);
      if (i < lines.length - 1) body.append('\n');
    }
    return new PageSource(src.path(), true, entries, body.toString(), sep + 2);
  }
}
