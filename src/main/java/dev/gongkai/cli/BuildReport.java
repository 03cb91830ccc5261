package dev.gongkai.cli;

import dev.gongkai.build.BuildResult;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Lang;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What {@code build} and {@code validate} print when the pipeline has run: the diagnostics in the chosen
 * {@link DiagnosticFormat}, the error and warning counts, and the result line. stdout carries only the JSON document
 * or the GitHub annotations; everything for people goes to stderr.
 *
 * @param command {@code build} or {@code validate}
 * @param source the site folder (GitHub annotation paths are made relative to its repository)
 */
record BuildReport(String command, PrintWriter out, PrintWriter err, CommonOptions common, Lang lang,
    DiagnosticFormat format, Path source) {

  /**
   * Prints and returns the exit code.
   *
   * @param success the result line of a successful run in one language ({@link Lang#ZH_CN} or {@link Lang#EN});
   *     bilingual output prints the Chinese line, then the English one (which scripts such as bench/run.sh read)
   */
  int print(BuildResult r, Function<Lang, String> success) {
    DiagnosticPrinter p = new DiagnosticPrinter(err, !common.quiet, lang);
    switch (format) {
      case JSON -> {
        out.print(DiagnosticJson.write(command, r.ok(), r.diagnostics()));
        out.flush();
      }
      case GITHUB -> {
        GithubAnnotations github = new GithubAnnotations(GithubAnnotations.repositoryPrefix(source), lang);
        for (Diagnostic d : r.diagnostics().sorted()) {
          if (d.isError() || !common.quiet) out.println(github.command(d));
        }
        out.flush();
        p.notShown(r.diagnostics());
      }
      case TEXT -> p.print(r.diagnostics());
    }
    if (!r.ok()) {
      p.summary(r.diagnostics());
      // build.failed: the published output is left as it was; validate.failed: validate writes nothing anyway.
      err.println(lang.text(command + ".failed"));
      err.flush();
      return ExitCodes.INPUT;
    }
    if (!common.quiet) {
      if (r.diagnostics().warningCount() > 0) p.summary(r.diagnostics());
      if (lang.zh()) err.println(success.apply(Lang.ZH_CN));
      if (lang.en()) err.println(success.apply(Lang.EN));
    }
    err.flush();
    return ExitCodes.OK;
  }
}
