package dev.gongkai.cli;

import dev.gongkai.diag.Diagnostics;
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
import java.util.Locale;
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

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing report: annual");
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
      if (!format.equals("text") && !format.equals("csv") && !format.equals("json")) {
        err.println("未知格式 / unknown format: " + format + " (text, csv, json)");
        return ExitCodes.USAGE;
      }
      if (year < 1000 || year > 9999) {
        err.println("年份应为四位数 / the year must have 4 digits: " + year);
        return ExitCodes.USAGE;
      }
      Diagnostics diags = new Diagnostics();
      Optional<Site> site;
      SourceTree tree;
      try {
        tree = new SourceTree(common.source);
        site = SiteValidator.validate(InputLoader.load(tree, diags), diags);
      } catch (java.nio.file.NoSuchFileException e) {
        err.println("找不到目录 / no such folder: " + e.getFile());
        return ExitCodes.USAGE;
      }
      if (site.isEmpty() || diags.hasErrors()) {
        DiagnosticPrinter p = new DiagnosticPrinter(err, false);
        p.print(diags);
        p.summary(diags);
        err.println("站点输入有错误，无法生成报告 / the site's input has errors; no report");
        return ExitCodes.INPUT;
      }
      PublishedSite published = DisclosureGate.apply(site.get());
      AnnualReport report = AnnualSource.load(published, tree.root()).report(year);
      for (AnnualIssue i : report.issues()) {
        if (i.error() || !common.quiet) i.print(err);
      }
      if (report.hasErrors()) {
        int e = report.errors().size();
        int w = report.warnings().size();
        err.printf(Locale.ROOT, "%d 个错误，%d 个警告 / %d error%s, %d warning%s%n", e, w, e, e == 1 ? "" : "s", w,
            w == 1 ? "" : "s");
        err.println("数据文件有错误，未输出报告 / the data file has errors; no report printed");
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
  }
}
