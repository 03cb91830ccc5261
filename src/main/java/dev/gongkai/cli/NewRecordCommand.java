package dev.gongkai.cli;

import dev.gongkai.diag.Diagnostic;
import dev.gongkai.scaffold.NewRecord;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gongkai new record ITEM --title …}: appends a record with the next 索引号 to the item's record file
 * ({@link NewRecord}) and prints the 索引号 and the {@code file:line} it wrote.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
    description = "Append a record with the agency's next 索引号 to the item's record file (CSV or JSON); prints the "
        + "索引号 and file:line. Fill in the rest (文号, 正文 …) there, then run gongkai validate.")
public final class NewRecordCommand implements Callable<Integer> {
  /** Dates of records are Chinese calendar days, wherever the command runs. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "ITEM", description = "Catalogue item code (aqsc-01-01) or path (安全生产/政策文件/法律法规).")
  String item;

  @Option(names = "--title", required = true, paramLabel = "标题", description = "The record's title (标题).")
  String title;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "成文日期 and 发布日期, and the year of the 索引号 (default: today in China).")
  String date;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalDate day;
    try {
      day = date == null ? LocalDate.now(CHINA) : LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      err.println("--date 应为有效日期 YYYY-MM-DD，例如 2025-03-05，而不是“" + date + "” / --date must be a valid date "
          + "YYYY-MM-DD such as 2025-03-05, not \"" + date + "\"");
      return ExitCodes.USAGE;
    }
    if (day.getYear() < 1900 || day.getYear() > 2099) {
      err.println("--date 的年份应在 1900–2099 之间 / the year of --date must be 1900–2099: " + day);
      return ExitCodes.USAGE;
    }
    NewRecord.Result r;
    try {
      r = NewRecord.add(new NewRecord.Request(common.source, item, title, day));
    } catch (NewRecord.Refused e) {
      DiagnosticPrinter p = new DiagnosticPrinter(err, true, LangOption.resolve(spec));
      for (Diagnostic d : e.diagnostics()) p.print(d);
      err.println(e.getMessage());
      return e.usage() ? ExitCodes.USAGE : ExitCodes.INPUT;
    } catch (java.nio.file.NoSuchFileException e) {
      err.println("找不到目录 / no such folder: " + e.getFile());
      return ExitCodes.USAGE;
    }
    out.println(r.indexNo() + " " + r.location());
    if (!common.quiet) {
      if (r.created()) err.println("新建了记录文件 / created the record file " + r.file());
      if (r.prefixFrom().equals("regionCode")) {
        err.println("前段码暂用行政区划代码；请在 catalogue/site.json 的 options.indexPrefix 中设置本机关的代码"
            + " / the prefix is the region code for now: set the agency's code as options.indexPrefix in catalogue/site.json");
      }
      err.println("请在该行补全文号、主题分类、正文等，然后运行 gongkai validate / fill in 文号, 主题分类, 正文 … on that line,"
          + " then run gongkai validate");
    }
    return ExitCodes.OK;
  }
}
