package dev.gongkai.cli;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Lang;
import dev.gongkai.scaffold.NewRecord;
import dev.gongkai.validate.Column;
import dev.gongkai.validate.RecordValidator;
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
    description = "Append a record with the agency's next index number (索引号) to the item's record file"
        + " (CSV or JSON); prints the index number and file:line. Fill in the other columns there, then run"
        + " gongkai validate.")
public final class NewRecordCommand implements Callable<Integer> {
  /** Dates of records are Chinese calendar days, wherever the command runs. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "ITEM",
      description = "Catalogue item: its code (aqsc-01-01) or its path (domain/level 1/level 2, as in catalogue.csv).")
  String item;

  @Option(names = "--title", required = true, paramLabel = "TITLE", description = "The record's title.")
  String title;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "The date written and the date published, and the year of the index number"
          + " (default: today in China).")
  String date;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Lang lang = LangOption.resolve(spec);
    LocalDate day;
    try {
      day = date == null ? LocalDate.now(CHINA) : LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      err.println(lang.text("new.bad-date", date));
      return ExitCodes.USAGE;
    }
    if (day.getYear() < 1900 || day.getYear() > 2099) {
      err.println(lang.labelled("new.date-year", day));
      return ExitCodes.USAGE;
    }
    NewRecord.Result r;
    try {
      r = NewRecord.add(new NewRecord.Request(common.source, item, title, day));
    } catch (NewRecord.Refused e) {
      DiagnosticPrinter p = new DiagnosticPrinter(err, true, lang);
      for (Diagnostic d : e.diagnostics()) p.print(d);
      err.println(lang.pick(e.reason()));
      return e.usage() ? ExitCodes.USAGE : ExitCodes.INPUT;
    } catch (java.nio.file.NoSuchFileException e) {
      err.println(lang.labelled("error.no-such-folder", e.getFile()));
      return ExitCodes.USAGE;
    }
    out.println(r.indexNo() + " " + r.location());
    if (!common.quiet) {
      if (r.created()) err.println(lang.labelled("new.created-file", r.file()));
      if (r.prefixFrom().equals("regionCode")) err.println(lang.text("new.region-prefix"));
      err.println(lang.text("new.fill-in", field("docNo"), field("subject"), field("body")));
    }
    return ExitCodes.OK;
  }

  /** A record column named as in the official tables: {@code 文号}, in English {@code 文号 (doc_no)}. */
  private static Bi field(String key) {
    Column c = RecordValidator.COLUMNS.column(key);
    return Bi.field(c.zh(), c.en());
  }
}
