package dev.gongkai.serve;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Predicates for paths the {@link SourceWatcher} should ignore. They are given absolute paths; a directory that is
 * excluded is not watched at all, so nothing below it is seen either.
 */
public final class WatchExclusions {
  /** Directory and file names never worth a rebuild: version control, build output, IDE state, OS litter. */
  private static final Set<String> NAMES =
      Set.of(
          ".git", ".hg", ".svn", ".gongkai", "target", "node_modules", ".idea", ".vscode", ".DS_Store", "Thumbs.db",
          "desktop.ini",
          // Vim writes and deletes "4913" to test whether it may create files in a directory.
          "4913");

  private WatchExclusions() {}

  /**
   * Version-control and tool directories ({@code .git}, {@code target}, {@code .gongkai}, …) and editor or office
   * temporary files: {@code *.swp}, {@code *.swo}, {@code *.swx}, {@code *~}, {@code .#*}, {@code #*#},
   * {@code *.tmp}, JetBrains {@code *___jb_tmp___}, MS Office {@code ~$*} and LibreOffice {@code .~lock.*#}. Only the
   * file name is looked at, so a site that itself lives below a folder called {@code target} still works.
   */
  public static Predicate<Path> defaults() {
    return path -> {
      Path name = path.getFileName();
      return name != null && isIgnoredName(name.toString());
    };
  }

  /** Paths equal to or below any of {@code dirs} (compared after making both absolute and normalised). */
  public static Predicate<Path> under(Collection<Path> dirs) {
    List<Path> roots = dirs.stream().map(d -> d.toAbsolutePath().normalize()).toList();
    return path -> {
      Path p = path.toAbsolutePath().normalize();
      return roots.stream().anyMatch(p::startsWith);
    };
  }

  static boolean isIgnoredName(String name) {
    if (NAMES.contains(name)) return true;
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".swp")
        || lower.endsWith(".swo")
        || lower.endsWith(".swx")
        || lower.endsWith(".tmp")
        || lower.endsWith("~")
        || lower.endsWith("___jb_tmp___")
        || lower.endsWith("___jb_old___")
        || lower.startsWith(".#")
        || lower.startsWith("~$")
        || lower.startsWith(".~lock.")
        || (lower.length() > 1 && lower.startsWith("#") && lower.endsWith("#"));
  }
}
