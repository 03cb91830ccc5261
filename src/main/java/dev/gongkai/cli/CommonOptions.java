package dev.gongkai.cli;

import java.nio.file.Path;
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
}
