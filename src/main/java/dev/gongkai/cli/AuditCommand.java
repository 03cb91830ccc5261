package dev.gongkai.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gongkai.audit.TimeLimit;
import dev.gongkai.audit.Timeliness;
import dev.gongkai.audit.TimelinessReport;
import dev.gongkai.audit.WorkCalendar;
import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Lang;
import dev.gongkai.diag.Messages;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.Inputs;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.Site;
import dev.gongkai.validate.SiteValidator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gongkai audit}: the timeliness audit (公开时限检查). Loads, validates and gates the site as
 * {@code gongkai validate} does, then checks every published record's working days from 成文日期 to 发布日期
 * against its item's 公开时限 ({@link Timeliness}). Lateness is reported, not an error: the exit code is 0 unless the
 * input itself has errors (1), like {@code validate}.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Check each published record's working days from 成文日期 to 发布日期 against its item's 公开时限.")
public final class AuditCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default), csv (the late records) or json (per-item counts, late records, warnings).")
  String format;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Lang lang = LangOption.resolve(spec);
    if (!List.of("text", "csv", "json").contains(format)) {
      err.println(lang.labelled("error.unknown-format", format + " (text, csv, json)"));
      return ExitCodes.USAGE;
    }
    Optional<SourceTree> opened = common.openSource(err, lang);
    if (opened.isEmpty()) return ExitCodes.USAGE;
    SourceTree tree = opened.get();
    Diagnostics diags = new Diagnostics();
    Inputs inputs = InputLoader.load(tree, diags);
    Optional<Site> site = SiteValidator.validate(inputs, diags);
    WorkCalendar calendar = WorkCalendar.forSite(tree.root(), diags);
    DiagnosticPrinter p = new DiagnosticPrinter(err, !common.quiet, lang);
    p.print(diags);
    if (site.isEmpty() || diags.hasErrors()) {
      p.summary(diags);
      err.println(lang.text("audit.input-errors"));
      return ExitCodes.INPUT;
    }
    if (!common.quiet && diags.warningCount() > 0) p.summary(diags);
    PublishedSite published = DisclosureGate.apply(site.get());
    TimelinessReport report = Timeliness.audit(published, calendar);
    if (!common.quiet) {
      for (Bi w : report.warnings()) {
        // Bilingual: the label and the Chinese on one line, the English indented under it.
        List<String> lines = lang.pickLines(w.zh(), w.en());
        err.println(lang.labelled("audit.warning", lines.get(0)));
        for (String more : lines.subList(1, lines.size())) err.println("    " + more);
      }
    }
    switch (format) {
      case "csv" -> csv(report, out);
      case "json" -> out.print(json(report, calendar));
      default -> text(report, calendar, out, lang);
    }
    out.flush();
    if (!format.equals("text") && !common.quiet) err.println(totalsLine(report.totals(), lang));
    return ExitCodes.OK;
  }

  /** The late records per item, the items that could not be checked, and the totals. */
  static void text(TimelinessReport report, WorkCalendar calendar, PrintWriter out, Lang lang) {
    out.println(lang.text("audit.title"));
    out.println(lang.labelled("audit.calendar", years(calendar)) + lang.first().text("audit.counting.separator")
        + lang.text("audit.counting"));
    for (TimelinessReport.ItemSummary s : report.items()) {
      if (s.late() == 0) continue;
      out.println();
      out.println(lang.text("audit.late") + "  " + s.item().code() + " " + s.item().path()
          + lang.first().text("audit.late.counts", s.late(), s.audited()));
      out.println("  " + lang.labelled("audit.limit", s.limit().text() + " = " + limitText(s.limit(), lang)));
      out.println("  " + String.join("  ", columns(lang)));
      for (TimelinessReport.Entry e : s.lateEntries()) {
        out.printf(Locale.ROOT, "  %s  %s  %s  %d  %d  %s%n", e.record().indexNo(), e.record().written(),
            e.record().published(), e.elapsed(), e.limit().days(), e.record().title());
      }
    }
    boolean header = false;
    for (TimelinessReport.ItemSummary s : report.items()) {
      if (s.records() == 0 || s.limit().auditable()) continue;
      if (!header) {
        out.println();
        out.println(lang.labelled("audit.not-auditable", ""));
        header = true;
      }
      out.println("  " + s.item().code() + " " + s.item().path()
          + lang.first().text("audit.not-auditable.count", s.records()) + s.limit().text() + " — "
          + lang.pick(s.limit().reason()));
    }
    out.println();
    out.println(totalsLine(report.totals(), lang));
  }

  /**
   * The late-records table's column headings. In English the record's fields are named as in the official tables,
   * with the English alias: {@code 发布日期 (published)}.
   */
  private static List<String> columns(Lang lang) {
    List<String> columns = new ArrayList<>();
    for (String key : List.of("index-no", "written", "published", "elapsed", "limit", "title")) {
      String zh = Messages.CLI_ZH.format("audit.column." + key);
      String en = Messages.CLI_EN.format("audit.column." + key);
      boolean field = !key.equals("elapsed") && !key.equals("limit");
      columns.add(lang == Lang.EN && field ? Bi.field(zh, en).en() : lang.pick(zh, en));
    }
    return columns;
  }

  static String totalsLine(TimelinessReport.Totals t, Lang lang) {
    return lang.text("audit.totals", t.records(), t.audited(), t.late(), t.notAuditable());
  }

  private static String limitText(TimeLimit l, Lang lang) {
    return switch (l.unit()) {
      case WORKING_DAYS -> lang.text("audit.working-days", l.days());
      case CALENDAR_DAYS -> lang.text("audit.calendar-days", l.days());
      case NONE -> lang.pick(l.reason());
    };
  }

  private static String years(WorkCalendar c) {
    if (c.years().isEmpty()) return "-";
    List<Integer> ys = new ArrayList<>(c.years());
    return ys.get(0) + "–" + ys.get(ys.size() - 1);
  }

  static final List<String> CSV_HEADER = List.of("item", "index_no", "title", "written", "published", "elapsed",
      "limit", "unit", "deadline");

  /** One row per late record, in report order; UTF-8, RFC 4180 quoting. */
  static void csv(TimelinessReport report, PrintWriter out) {
    out.print(csvLine(CSV_HEADER));
    for (TimelinessReport.Entry e : report.late()) {
      out.print(csvLine(List.of(e.item().code(), e.record().indexNo(), e.record().title(),
          e.record().written().toString(), e.record().published().toString(), String.valueOf(e.elapsed()),
          String.valueOf(e.limit().days()), unit(e.limit()), e.deadline() == null ? "" : e.deadline().toString())));
    }
  }

  private static String csvLine(List<String> fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) b.append(',');
      String v = fields.get(i);
      if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        b.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        b.append(v);
      }
    }
    return b.append("\r\n").toString();
  }

  private static String unit(TimeLimit l) {
    return switch (l.unit()) {
      case WORKING_DAYS -> "working_days";
      case CALENDAR_DAYS -> "calendar_days";
      case NONE -> "none";
    };
  }

  /** Totals, every item's counts with its late records, and the warnings, as pretty-printed JSON. */
  static String json(TimelinessReport report, WorkCalendar calendar) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("calendarYears", new ArrayList<>(calendar.years()));
    TimelinessReport.Totals t = report.totals();
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("records", t.records());
    totals.put("audited", t.audited());
    totals.put("late", t.late());
    totals.put("notAuditable", t.notAuditable());
    root.put("totals", totals);
    List<Object> items = new ArrayList<>();
    for (TimelinessReport.ItemSummary s : report.items()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("item", s.item().code());
      m.put("path", s.item().path());
      m.put("timeLimit", s.limit().text());
      m.put("unit", unit(s.limit()));
      m.put("limit", s.limit().auditable() ? s.limit().days() : null);
      if (!s.limit().auditable()) m.put("reason", bi(s.limit().reason()));
      m.put("records", s.records());
      m.put("audited", s.audited());
      m.put("late", s.late());
      m.put("notAuditable", s.notAuditable());
      List<Object> late = new ArrayList<>();
      for (TimelinessReport.Entry e : s.lateEntries()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("indexNo", e.record().indexNo());
        r.put("title", e.record().title());
        r.put("written", e.record().written().toString());
        r.put("published", e.record().published().toString());
        r.put("elapsed", e.elapsed());
        r.put("limit", e.limit().days());
        r.put("deadline", e.deadline() == null ? null : e.deadline().toString());
        late.add(r);
      }
      m.put("lateRecords", late);
      items.add(m);
    }
    root.put("items", items);
    root.put("warnings", report.warnings().stream().map(AuditCommand::bi).toList());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> bi(Bi b) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("zh", b.zh());
    m.put("en", b.en());
    return m;
  }
}
