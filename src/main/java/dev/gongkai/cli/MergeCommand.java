package dev.gongkai.cli;

import dev.gongkai.diag.Lang;
import dev.gongkai.export.Checksums;
import dev.gongkai.export.ExportFile;
import dev.gongkai.export.SearchEngineMerge;
import dev.gongkai.write.StagedOutput;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gongkai merge -o DIR PART…}: merges the search-engine exports ({@code search/engines/}) of parts of one site
 * built separately (by domain or agency) into one export, the same bytes one build of everything writes. The output
 * folder is replaced whole, with the same safety as {@code build}'s ({@code .gongkai-output} marker).
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Merge the search-engine exports (search/engines/) of separately built parts of one site.")
public final class MergeCommand implements Callable<Integer> {
  @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
      description = "Output folder for the merged export (manifest.json, opensearch/, solr/, SHA256SUMS).")
  Path out;

  @Parameters(paramLabel = "PART", arity = "1..*",
      description = "Built site folders (or search/engines/ folders, or earlier merge outputs); any order.")
  List<Path> parts;

  @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
  boolean quiet;

  @Mixin LangOption langOption;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Lang lang = LangOption.resolve(spec);
    for (Path p : parts) {
      if (!Files.isDirectory(p)) {
        err.println(lang.labelled("error.no-such-folder", p));
        return ExitCodes.USAGE;
      }
    }
    List<ExportFile> files;
    try {
      files = SearchEngineMerge.merge(parts);
    } catch (SearchEngineMerge.MergeException e) {
      err.println(lang.labelled("merge.cannot-merge", inLanguage(e.getMessage(), lang)));
      return ExitCodes.INPUT;
    }
    List<ExportFile> all = new ArrayList<>(files);
    all.add(Checksums.build(files));
    try (StagedOutput o = StagedOutput.open(out)) {
      for (ExportFile f : all) o.write(f.path(), f.data());
      o.commit();
    } catch (StagedOutput.UnsafeOutputException e) {
      err.println(lang.labelled("merge.refusing", e.getMessage()));
      return ExitCodes.USAGE;
    }
    if (!quiet) {
      PrintWriter o = spec.commandLine().getOut();
      o.println(lang.text("merge.done", parts.size(), all.size(), out));
      o.flush();
    }
    return ExitCodes.OK;
  }

  /**
   * The part of a {@link SearchEngineMerge.MergeException} message in {@code lang}: the exception joins its
   * Chinese and English as {@code zh / en} (the first {@code " / "} separates them); a message without one is shown
   * as it is.
   */
  static String inLanguage(String message, Lang lang) {
    int at = message.indexOf(Lang.SEPARATOR);
    if (at < 0) return message;
    return lang.pick(message.substring(0, at), message.substring(at + Lang.SEPARATOR.length()));
  }
}
