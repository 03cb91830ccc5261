package dev.gongkai.cli;

import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Lang;
import dev.gongkai.diag.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --format github}: one GitHub Actions workflow command per diagnostic,
 * {@code ::error file=…,line=…,col=…,title=…::message}, so a pull request shows each problem on its file and line
 * (a workbook's on its file, the cell in the title).
 * The message is what the text format prints under the headline, in the chosen language. Values are escaped as the
 * Actions runner expects: {@code %}, CR and LF in the message; additionally {@code :} and {@code ,} in properties.
 */
final class GithubAnnotations {
  private final String prefix;
  private final Lang lang;

  /**
   * @param prefix what to put before a diagnostic's path to make it relative to the repository root: empty, or a
   *     folder path ending in {@code /} ({@link #repositoryPrefix})
   */
  GithubAnnotations(String prefix, Lang lang) {
    this.prefix = prefix;
    this.lang = lang;
  }

  /**
   * The workflow command for {@code d}, without a line end. A place in a workbook has no line to give GitHub: the
   * annotation is on the file, and its title starts with the sheet and cell ({@code Sheet1!D37: date-invalid}).
   */
  String command(Diagnostic d) {
    Location at = d.location();
    StringBuilder b = new StringBuilder("::").append(d.isError() ? "error" : "warning");
    b.append(" file=").append(property(prefix + at.path()));
    String title = d.code().id();
    if (at.inWorkbook()) {
      title = at.sheetRef() + ": " + title;
    } else if (at.line() > 0) {
      b.append(",line=").append(at.line());
      if (at.column() > 0) b.append(",col=").append(at.column());
    }
    b.append(",title=").append(property(title));
    b.append("::").append(data(String.join("\n", DiagnosticPrinter.body(d, lang))));
    return b.toString();
  }

  /** Escapes a command's message: {@code %} {@code %25}, CR {@code %0D}, LF {@code %0A}. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value: as {@link #data}, and {@code :} {@code %3A}, {@code ,} {@code %2C}. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * The site folder's path inside its git repository, ending in {@code /} ({@code sites/county/}), so that paths
   * relative to the site become relative to the repository root as GitHub needs them; empty when the site is the
   * repository's top folder or is in no repository (the paths are then given as they are).
   */
  static String repositoryPrefix(Path source) {
    Path dir;
    try {
      dir = source.toRealPath();
    } catch (IOException e) {
      dir = source.toAbsolutePath().normalize();
    }
    for (Path top = dir; top != null; top = top.getParent()) {
      // A worktree or submodule has a .git file instead of a folder.
      if (Files.exists(top.resolve(".git"))) {
        Path rel = top.relativize(dir);
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? "" : s + "/";
      }
    }
    return "";
  }
}
