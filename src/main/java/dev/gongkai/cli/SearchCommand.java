package dev.gongkai.cli;

import dev.gongkai.build.BuildRequest;
import dev.gongkai.diag.Lang;
import dev.gongkai.index.SearchFields;
import dev.gongkai.index.SearchIndex;
import dev.gongkai.index.SearchQuery;
import dev.gongkai.index.Searcher;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gongkai search "query"}: queries the Lucene index of the last {@code gongkai build} and prints the ranking
 * the portal's search page shows (same analysis, same BM25 scores, ties by document number).
 */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Search the last build's index and print the ranking the portal's search page shows.")
public final class SearchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Words to search for; all must match.")
  String[] words;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10", description = "Results to print (default 10).")
  int limit;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Index folder (default: SOURCE/.gongkai/index, written by gongkai build).")
  Path index;

  @Option(names = {"-f", "--filter"}, paramLabel = "FACET=VALUE",
      description = "Restrict to a facet value: domain, item, year, agency, validity or kind (repeatable).")
  Map<String, String> filters = new TreeMap<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or tsv: rank, doc, score, id, title, url.")
  String format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Lang lang = LangOption.resolve(spec);
    Path dir = index != null ? index : BuildRequest.defaultIndexDir(common.source);
    if (!hasSegments(dir) && index == null) {
      // The last build patched the browser's index and left this one to be rebuilt from what it indexed.
      err.println(lang.text("search.rebuilding", dir));
      err.flush();
      BuildRequest last = new BuildRequest(common.source, null, dir)
          .withCache(BuildRequest.defaultCacheDir(common.source));
      if (!dev.gongkai.build.SiteBuild.rebuildSearchIndex(last)) {
        err.println(lang.text("search.no-index", dir));
        return ExitCodes.USAGE;
      }
    }
    if (!hasSegments(dir)) {
      err.println(lang.text("search.no-index", dir));
      return ExitCodes.USAGE;
    }
    if (!format.equals("text") && !format.equals("tsv")) {
      err.println(lang.labelled("error.unknown-format", format + " (text, tsv)"));
      return ExitCodes.USAGE;
    }
    for (String facet : filters.keySet()) {
      if (!SearchFields.FACETS.contains(facet)) {
        err.println(lang.text("search.unknown-facet", facet, String.join(", ", SearchFields.FACETS)));
        return ExitCodes.USAGE;
      }
    }
    SearchQuery q = new SearchQuery(String.join(" ", words), filters);
    try (DirectoryReader reader = SearchIndex.open(dir)) {
      Searcher.Result r = new Searcher(reader).search(q, limit);
      if (format.equals("text")) out.println(lang.text("search.count", r.total()));
      int rank = 0;
      for (Searcher.Hit h : r.hits()) {
        rank++;
        if (format.equals("tsv")) {
          out.printf(Locale.ROOT, "%d\t%d\t%s\t%s\t%s\t%s%n", rank, h.doc(), Float.toString(h.score()), h.id(),
              h.title(), h.url());
        } else {
          out.printf(Locale.ROOT, "%3d. %s  [%s]  %s%n     %s  %s%n", rank, h.title(), Float.toString(h.score()),
              h.date(), h.id(), h.url());
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static boolean hasSegments(Path dir) {
    try (var s = Files.list(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
