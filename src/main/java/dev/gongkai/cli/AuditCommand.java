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
    if (!List.of("text", "csv", "json").contains(format)) {
      err.println("未知格式 / unknown format: " + format + " (text, csv, json)");
      return ExitCodes.USAGE;
    }
    SourceTree tree;
    try {
      tree = new SourceTree(common.source);
    } catch (java.nio.file.NoSuchFileException e) {
      err.println("找不到目录 / no such folder: " + e.getFile());
      return ExitCodes.USAGE;
    }
    Diagnostics diags = new Diagnostics();
    Inputs inputs = InputLoader.load(tree, diags);
    Optional<Site> site = SiteValidator.validate(inputs, diags);
    WorkCalendar calendar = WorkCalendar.forSite(tree.root(), diags);
    DiagnosticPrinter p = new DiagnosticPrinter(err, !common.quiet);
    p.print(diags);
    if (site.isEmpty() || diags.hasErrors()) {
      p.summary(diags);
      err.println("输入有错误，未做公开时限检查 / input errors; timeliness not audited");
      return ExitCodes.INPUT;
    }
    if (!common.quiet && diags.warningCount() > 0) p.summary(diags);
    PublishedSite published = DisclosureGate.apply(site.get());
    TimelinessReport report = Timeliness.audit(published, calendar);
    if (!common.quiet) {
      for (Bi w : report.warnings()) {
        err.println("警告 / warning: " + w.zh());
        err.println("    " + w.en());
      }
    }
    switch (format) {
      case "csv" -> csv(report, out);
      case "json" -> out.print(json(report, calendar));
      default -> text(report, calendar, out);
    }
    out.flush();
    if (!format.equals("text") && !common.quiet) err.println(totalsLine(report.totals()));
    return ExitCodes.OK;
  }

  /** The late records per item, the items that could not be checked, and the totals. */
  static void text(TimelinessReport report, WorkCalendar calendar, PrintWriter out) {
    out.println("公开时限检查 / timeliness audit");
    out.println("工作日历 / working-day calendar: " + years(calendar)
        + "；用时从成文日期次日算起，计至发布日期 / days counted after 成文日期 up to and including 发布日期");
    for (TimelinessReport.ItemSummary s : report.items()) {
      if (s.late() == 0) continue;
      out.println();
      out.printf(Locale.ROOT, "超期 / late  %s %s（%d/%d）%n", s.item().code(), s.item().path(), s.late(), s.audited());
      out.printf(Locale.ROOT, "  公开时限 / time limit: %s = %s%n", s.limit().text(), limitText(s.limit()));
      out.println("  索引号 / index no.  成文日期 / written  发布日期 / published  用时 / elapsed  时限 / limit  标题 / title");
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
        out.println("无法检查的事项 / items without a checkable time limit:");
        header = true;
      }
      out.printf(Locale.ROOT, "  %s %s（%d）：%s — %s / %s%n", s.item().code(), s.item().path(), s.records(),
          s.limit().text(), s.limit().reason().zh(), s.limit().reason().en());
    }
    out.println();
    out.println(totalsLine(report.totals()));
  }

  static String totalsLine(TimelinessReport.Totals t) {
    return String.format(Locale.ROOT,
        "合计：%d 条信息，已检查 %d 条，超期 %d 条，无法检查 %d 条 / total: %d records, %d audited, %d late, %d not auditable",
        t.records(), t.audited(), t.late(), t.notAuditable(), t.records(), t.audited(), t.late(), t.notAuditable());
  }

  private static String limitText(TimeLimit l) {
    return switch (l.unit()) {
      case WORKING_DAYS -> l.days() + "个工作日 / " + l.days() + " working days";
      case CALENDAR_DAYS -> l.days() + "日 / " + l.days() + " calendar days";
      case NONE -> l.reason().zh() + " / " + l.reason().en();
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
