package dev.gongkai.cli;

import dev.gongkai.diag.Lang;
import dev.gongkai.load.SourceTree;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every subcommand shares (a picocli mixin). */
public final class CommonOptions {
  @Option(names = {"-s", "--source"}, paramLabel = "DIR", defaultValue = ".",
      description = "Site folder with catalogue/, content/ and site-templates/ (default: current folder).")
  Path source;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces of internal errors and every phase time.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
  boolean quiet;

  @Mixin LangOption lang;

  /** The site folder opened; when it does not exist, says so on {@code err} and returns empty (exit with USAGE). */
  Optional<SourceTree> openSource(PrintWriter err, Lang lang) throws java.io.IOException {
    try {
      return Optional.of(new SourceTree(source));
    } catch (NoSuchFileException e) {
      err.println(lang.labelled("error.no-such-folder", e.getFile()));
      return Optional.empty();
    }
  }
}
