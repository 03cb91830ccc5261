package dev.gongkai.cli;

import dev.gongkai.export.Checksums;
import dev.gongkai.export.ExportFile;
import dev.gongkai.export.SearchEngineMerge;
import dev.gongkai.write.StagedOutput;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    for (Path p : parts) {
      if (!Files.isDirectory(p)) {
        err.println("找不到目录 / no such folder: " + p);
        return ExitCodes.USAGE;
      }
    }
    List<ExportFile> files;
    try {
      files = SearchEngineMerge.merge(parts);
    } catch (SearchEngineMerge.MergeException e) {
      err.println("无法合并 / cannot merge: " + e.getMessage());
      return ExitCodes.INPUT;
    }
    List<ExportFile> all = new ArrayList<>(files);
    all.add(Checksums.build(files));
    try (StagedOutput o = StagedOutput.open(out)) {
      for (ExportFile f : all) o.write(f.path(), f.data());
      o.commit();
    } catch (StagedOutput.UnsafeOutputException e) {
      err.println("拒绝写入 / refusing to write: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (!quiet) {
      PrintWriter o = spec.commandLine().getOut();
      o.printf(Locale.ROOT, "已合并 %d 个部分，写入 %d 个文件 / merged %d parts into %d files: %s%n",
          parts.size(), all.size(), parts.size(), all.size(), out);
      o.flush();
    }
    return ExitCodes.OK;
  }
}
