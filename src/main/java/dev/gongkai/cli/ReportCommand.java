package dev.gongkai.cli;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Lang;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.Site;
import dev.gongkai.report.AnnualIssue;
import dev.gongkai.report.AnnualOutput;
import dev.gongkai.report.AnnualReport;
import dev.gongkai.report.AnnualSource;
import dev.gongkai.validate.SiteValidator;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gongkai report annual --year Y}: reports computed from the site's records and data files. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Reports computed from the published records and catalogue/annual-report/ data files.",
    subcommands = {ReportCommand.Annual.class})
public final class ReportCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin LangOption lang;

  @Override
  public void run() {
    throw new UsageError(spec.commandLine(), LangOption.resolve(spec).text("usage.missing-report"));
  }

  /**
   * {@code gongkai report annual --year Y}: the 政府信息公开工作年度报告 tables (国办公开办函〔2021〕30号) of year Y.
   * Exit 1 when the site's input or the year's data file has errors (sum rules of 表三/表四 included); warnings
   * (cross-year checks) go to stderr and do not change the exit code.
   */
  @Command(name = "annual", mixinStandardHelpOptions = true,
      description = "Print the tables of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号 format) of one year: "
          + "表二 counted from the published records, 表三 and 表四 from catalogue/annual-report/<year>.json.")
  public static final class Annual implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "The report year, e.g. 2025.")
    int year;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
        description = "text (default), csv (table,row,column,value,counted,source) or json.")
    String format;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Lang lang = LangOption.resolve(spec);
      if (!format.equals("text") && !format.equals("csv") && !format.equals("json")) {
        err.println(lang.labelled("error.unknown-format", format + " (text, csv, json)"));
        return ExitCodes.USAGE;
      }
      if (year < 1000 || year > 9999) {
        err.println(lang.labelled("report.year-digits", year));
        return ExitCodes.USAGE;
      }
      Diagnostics diags = new Diagnostics();
      Optional<Site> site;
      SourceTree tree;
      try {
        tree = new SourceTree(common.source);
        site = SiteValidator.validate(InputLoader.load(tree, diags), diags);
      } catch (java.nio.file.NoSuchFileException e) {
        err.println(lang.labelled("error.no-such-folder", e.getFile()));
        return ExitCodes.USAGE;
      }
      if (site.isEmpty() || diags.hasErrors()) {
        DiagnosticPrinter p = new DiagnosticPrinter(err, false, lang);
        p.print(diags);
        p.summary(diags);
        err.println(lang.text("report.input-errors"));
        return ExitCodes.INPUT;
      }
      PublishedSite published = DisclosureGate.apply(site.get());
      AnnualReport report = AnnualSource.load(published, tree.root()).report(year);
      for (AnnualIssue i : report.issues()) {
        if (i.error() || !common.quiet) print(i, err, lang);
      }
      if (report.hasErrors()) {
        err.println(lang.text("diag.summary", report.errors().size(), report.warnings().size()));
        err.println(lang.text("report.data-errors"));
        err.flush();
        return ExitCodes.INPUT;
      }
      err.flush();
      out.print(switch (format) {
        case "csv" -> AnnualOutput.csv(report);
        case "json" -> AnnualOutput.json(report);
        default -> AnnualOutput.text(report);
      });
      out.flush();
      return ExitCodes.OK;
    }

    /** An issue as the CLI prints diagnostics: headline, message in the chosen language, the data-file key. */
    static void print(AnnualIssue i, PrintWriter err, Lang lang) {
      err.println(i.headline());
      for (String line : lang.pickLines(i.zh(), i.en())) err.println("    " + line);
      if (!i.key().isEmpty()) err.println("    | " + i.key());
    }
  }
}
