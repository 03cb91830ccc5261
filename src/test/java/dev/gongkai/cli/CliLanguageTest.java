package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.testing.Cli;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --lang} and the environment choose the language of every CLI message: English alone has no Chinese apart
 * from the publisher's own input and the official field names; zh-CN alone has no English messages; both (the
 * default for an unset or C locale) has each message in Chinese, then English.
 */
class CliLanguageTest {
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
  /** Quoted input ("…" and “…”) and the offending-text lines of diagnostics ("    | …", "%0A| …" in annotations). */
  private static final Pattern INPUT =
      Pattern.compile("\"[^\"\\n]*\"|“[^”\\n]*”|(?m)^ {4}\\| .*$|%0A\\| [^%\\n]*");

  /** Field names of the official tables, and the fixtures' own values (titles, item paths, time limits). */
  private static final List<String> ALLOWED = List.of(
      "索引号", "标题", "成文日期", "发布日期", "公开属性", "文号", "公开时限", "正文文件", "正文", "附件",
      "主动公开", "依申请公开", "不予公开", "2024年3月5日", "示应急发〔2024〕1号",
      "安全生产/政策文件/法律法规", "安全生产/政策文件/预警信息", "信息形成或变更之日起20个工作日内",
      "信息形成后即时公开", "迟了一天的通知", "通知", "应急", "（一）予以公开", "一、本年新收政府信息公开申请数量",
      "自然人", "予以公开", "本年新收", "主题分类",
      // The annual report's tables are named as in the official format (表三) in its English messages too.
      "table 三");

  /** The Han text of {@code output} left when input and allowed names are taken out. */
  private static List<String> strayHan(String output) {
    String rest = INPUT.matcher(output).replaceAll("");
    List<String> allowed = new ArrayList<>(ALLOWED);
    allowed.sort(Comparator.comparingInt(String::length).reversed());
    for (String a : allowed) rest = rest.replace(a, "");
    List<String> stray = new ArrayList<>();
    Matcher m = HAN.matcher(rest);
    while (m.find()) stray.add(m.group());
    return stray;
  }

  private static Path site(Path tmp, String name, String txtar) throws IOException {
    return Txtar.parse(txtar.stripIndent()).writeTo(tmp.resolve(name));
  }

  private static Path broken(Path tmp) throws IOException {
    Path src = site(tmp, "broken", MainTest.SITE);
    Files.writeString(src.resolve("catalogue/records/aqsc-01-01.csv"),
        "索引号,标题,成文日期,发布日期,公开属性,文号\n"
            + "015583216/2024-00001,,2024-03-01,2024-02-30,公开,示应急发[2024]1号\n");
    return src;
  }

  /** Runs of every command, each printing messages: successes, input errors, usage errors, an internal error. */
  private static List<Cli.Run> everyCommand(Path tmp, String... lang) throws IOException {
    Path good = site(tmp, "good", MainTest.SITE);
    Path audit = site(tmp, "audit", AuditCommandTest.SITE);
    Path report = site(tmp, "report", ReportCommandTest.SITE);
    Files.createDirectories(report.resolve("catalogue/annual-report"));
    Files.writeString(report.resolve("catalogue/annual-report/2025.json"), ReportCommandTest.BAD);
    Path bad = broken(tmp);
    Path blocker = Files.writeString(tmp.resolve("file"), "not a folder");
    String missing = tmp.resolve("nowhere").toString();
    List<String[]> commands = List.of(
        new String[] {"build", "-s", good.toString(), "-o", tmp.resolve("out").toString(), "--verbose"},
        new String[] {"validate", "-s", good.toString()},
        new String[] {"validate", "-s", bad.toString()},
        new String[] {"build", "-s", bad.toString(), "--format", "github"},
        new String[] {"validate", "-s", missing},
        new String[] {"validate", "-s", good.toString(), "--format", "yaml"},
        new String[] {"build", "-s", good.toString(), "--previous", missing},
        new String[] {"build", "-s", good.toString(), "-o", blocker.resolve("out").toString()},
        new String[] {"build", "--no-such-option"},
        new String[] {"biuld"},
        new String[] {},
        new String[] {"audit", "-s", audit.toString()},
        new String[] {"audit", "-s", bad.toString()},
        new String[] {"audit", "-s", audit.toString(), "--format", "csv"},
        new String[] {"search", "-s", good.toString(), "通知"},
        new String[] {"search", "-s", good.toString(), "-f", "colour=red", "通知"},
        new String[] {"search", "-s", missing, "通知"},
        new String[] {"report", "annual", "-s", report.toString(), "--year", "2025"},
        new String[] {"report", "annual", "-s", report.toString(), "--year", "25"},
        new String[] {"report"},
        new String[] {"report", "annual", "-s", bad.toString(), "--year", "2024"},
        new String[] {"merge", "-o", tmp.resolve("combined").toString(), missing},
        new String[] {"merge", "-o", tmp.resolve("combined").toString(), good.toString()},
        new String[] {"merge", "-o", tmp.resolve("combined").toString(), tmp.resolve("out").toString()},
        new String[] {"serve", "-s", missing},
        new String[] {"serve", "-s", good.toString(), "--host", "192.0.2.1"});
    List<Cli.Run> runs = new ArrayList<>();
    for (String[] c : commands) {
      String[] args = new String[c.length + lang.length];
      System.arraycopy(c, 0, args, 0, c.length);
      System.arraycopy(lang, 0, args, c.length, lang.length);
      runs.add(Cli.run(args));
    }
    return runs;
  }

  private static Cli.Run run(String[] lang, Object... args) {
    String[] all = new String[args.length + lang.length];
    for (int i = 0; i < args.length; i++) all[i] = String.valueOf(args[i]);
    System.arraycopy(lang, 0, all, args.length, lang.length);
    return Cli.run(all);
  }

  /**
   * Runs of the publisher's commands, init, new record and template, each printing messages: a new site (with the
   * defaults to fill in, and again over itself with a name), bad options, a folder with files, a file; records appended, to a
   * new file, refused (bad date, year, unknown item, personal data, a workbook, no folder); templates written,
   * not overwritten, a bad format, no items, an unknown item, a broken catalogue.
   */
  private static List<Cli.Run> publisherCommands(Path tmp, String... lang) throws IOException {
    Path fresh = tmp.resolve("fresh");
    Path good = site(tmp, "good", MainTest.SITE);
    Path blocker = Files.writeString(tmp.resolve("file"), "not a folder");
    Path missing = tmp.resolve("nowhere");
    Path tpl = tmp.resolve("tpl");
    List<Cli.Run> runs = new ArrayList<>();
    runs.add(run(lang, "init", fresh, "--date", "2025-07-01"));
    runs.add(run(lang, "init", tmp.resolve("x"), "--code", "yjj-1", "--region", "5301", "--base-url", "ftp://x/"));
    runs.add(run(lang, "init", good));
    runs.add(run(lang, "init", fresh, "--name", "示例县水务局", "--date", "2025-07-01", "--force"));
    runs.add(run(lang, "init", blocker));
    runs.add(run(lang, "new"));
    runs.add(run(lang, "new", "record", "aqsc-01-01", "--title", "通知", "--date", "2025-07-01", "-s", fresh));
    Files.delete(fresh.resolve("catalogue/records/aqsc/aqsc-01-02.csv"));
    runs.add(run(lang, "new", "record", "aqsc-01-02", "--title", "通知", "--date", "2025-07-01", "-s", fresh));
    Files.delete(fresh.resolve("catalogue/records/aqsc/aqsc-01-03.csv"));
    Files.write(fresh.resolve("catalogue/records/aqsc/aqsc-01-03.xlsx"), new byte[] {'P', 'K', 3, 4});
    runs.add(run(lang, "new", "record", "aqsc-01-03", "--title", "通知", "-s", fresh));
    runs.add(run(lang, "new", "record", "aqsc-01-01", "--title", "通知", "--date", "2025-02-30", "-s", fresh));
    runs.add(run(lang, "new", "record", "aqsc-01-01", "--title", "通知", "--date", "1800-01-01", "-s", fresh));
    runs.add(run(lang, "new", "record", "aqsc-09-09", "--title", "通知", "-s", fresh));
    runs.add(run(lang, "new", "record", "aqsc-01-01", "--title", "张三（身份证号11010519491231002X）的通知", "-s", fresh));
    runs.add(run(lang, "new", "record", "aqsc-01-01", "--title", "通知", "-s", missing));
    runs.add(run(lang, "template", "-s", good, "aqsc-01-01", "-o", tpl));
    runs.add(run(lang, "template", "-s", good, "aqsc-01-01", "-o", tpl));
    runs.add(run(lang, "template", "-s", good, "--all", "--format", "ods"));
    runs.add(run(lang, "template", "-s", good));
    runs.add(run(lang, "template", "-s", good, "aqsc-09-09", "aqsc-09-08", "-o", tpl));
    runs.add(run(lang, "template", "-s", missing, "--all"));
    Path cat = site(tmp, "cat", MainTest.SITE);
    Files.writeString(cat.resolve("catalogue/catalogue.csv"), "编码,领域\naqsc-01-01,安全生产\n");
    runs.add(run(lang, "template", "-s", cat, "--all", "-o", tpl));
    List<Integer> exits = runs.stream().map(Cli.Run::exit).toList();
    assertEquals(List.of(0, 2, 2, 0, 2, 2, 0, 0, 2, 2, 2, 2, 1, 2, 0, 2, 2, 2, 2, 2, 1), exits,
        String.join("\n", runs.stream().map(r -> r.out() + r.err()).toList()));
    return runs;
  }

  @Test
  void thePublishersCommandsSpeakEnglish(@TempDir Path tmp) throws IOException {
    List<Cli.Run> runs = publisherCommands(tmp, "--lang", "en");
    for (Cli.Run r : runs) {
      assertEquals(List.of(), strayHan(r.err()), r.err());
      assertEquals(List.of(), strayHan(r.out()), r.out());
    }
    String all = String.join("\n", runs.stream().map(r -> r.out() + r.err()).toList());
    for (String expected : List.of("created a site: ", " files)\n", " files, ", " replaced)\n",
        "fill in, in catalogue/site.json: agency (--name), title (--name), options.indexPrefix (--code), "
            + "regionCode (--region), baseUrl (--base-url)\n",
        "replace everything marked \"【待填写】\" with the agency's own", "CI: set GONGKAI_REPO and GONGKAI_REF in ",
        "next: cd ", "--code must be the index number prefix", "not \"yjj-1\"", "--region must be a 6-digit",
        "--base-url must be an http(s):// URL", "folder is not empty: ", "not a folder: ", "missing what to add: record",
        "000000/2025-00001 catalogue/records/aqsc/aqsc-01-01.csv:2\n",
        "the index number prefix is the region code for now",
        "fill in 文号 (doc_no), 主题分类 (subject), 正文 (body) … on that line, then run gongkai validate",
        "created the record file: catalogue/records/aqsc/aqsc-01-02.csv",
        "catalogue/records/aqsc/aqsc-01-03.xlsx is an Excel workbook: open it in Excel or WPS",
        "--date must be a valid date YYYY-MM-DD such as 2025-03-05, not \"2025-02-30\"",
        "the year of --date must be 1900–2099: 1800-01-01", "no catalogue item \"aqsc-09-09\"",
        "(e.g. aqsc-01-01, aqsc-01-02, aqsc-01-03)", "error[personal-id]", "the title holds unmasked personal data",
        "no such folder: ", "wrote 1 template; fill in Excel or WPS", "file exists: ",
        "nothing written; add --force to overwrite", "unknown format: ods (xlsx, csv)",
        "give item codes or --all (not both)", "unknown item code: aqsc-09-09, aqsc-09-08",
        "the site's items: aqsc-01-01\n", "error[header-missing]",
        "the site config or catalogue has errors; no template written")) {
      assertTrue(all.contains(expected), expected + " in\n" + all);
    }
    assertFalse(all.contains(" / "), "no bilingual line: " + all);
  }

  @Test
  void thePublishersCommandsSpeakChinese(@TempDir Path tmp) throws IOException {
    List<Cli.Run> runs = publisherCommands(tmp, "--lang", "zh-CN");
    String all = String.join("\n", runs.stream().map(r -> r.out() + r.err()).toList());
    for (String expected : List.of("已创建站点：", " 个文件）\n", "，其中 ", " 个替换了已有文件）\n",
        "请在 catalogue/site.json 中填写：agency (--name)，title (--name)，", "标有“【待填写】”的内容都要改成本机关的",
        "CI：在 ", "下一步：cd ", "--code 应为索引号前段码", "而不是“yjj-1”", "--region 应为6位数字的行政区划代码",
        "--base-url 应为 http(s):// 开头的网址", "目录不为空：", "不是目录：", "缺少要添加的类型：record",
        "000000/2025-00001 catalogue/records/aqsc/aqsc-01-01.csv:2\n", "前段码暂用行政区划代码",
        "请在该行补全文号、主题分类、正文等，然后运行 gongkai validate", "新建了记录文件：catalogue/records/aqsc/aqsc-01-02.csv",
        "“catalogue/records/aqsc/aqsc-01-03.xlsx”是 Excel 文件", "--date 应为有效日期 YYYY-MM-DD，例如 2025-03-05，而不是“2025-02-30”",
        "--date 的年份应在 1900–2099 之间：1800-01-01", "标准目录中没有事项“aqsc-09-09”",
        "（如 aqsc-01-01，aqsc-01-02，aqsc-01-03）", "标题含有未遮盖的个人信息", "找不到目录：", "已写入 1 个模板",
        "文件已存在：", "未写入任何文件；加 --force 覆盖", "未知格式：ods (xlsx, csv)", "请给出事项编码或 --all",
        "未知的事项编码：aqsc-09-09，aqsc-09-08", "本站的事项：aqsc-01-01\n", "站点配置或标准目录有错误，无法生成模板")) {
      assertTrue(all.contains(expected), expected + " in\n" + all);
    }
    for (String english : List.of("created", "fill in", "replace everything", "set GONGKAI", "next:", "must be",
        "not empty", "not a folder", "missing what", "the index number", "Excel workbook", "no catalogue item",
        "unmasked", "no such folder", "wrote", "file exists", "nothing written", "unknown", "give item codes",
        "the site", "has errors", "hint:", " / ")) {
      assertFalse(all.contains(english), english + " in\n" + all);
    }
  }

  @Test
  void englishHasNoChineseButInputAndFieldNames(@TempDir Path tmp) throws IOException {
    List<Cli.Run> runs = everyCommand(tmp, "--lang", "en");
    for (Cli.Run r : runs) {
      assertEquals(List.of(), strayHan(r.err()), r.err());
    }
    // Standard output carries results (audit, search, merge, annotations), which are messages too.
    for (Cli.Run r : runs) assertEquals(List.of(), strayHan(r.out()), r.out());
    String all = String.join("\n", runs.stream().map(r -> r.out() + r.err()).toList());
    for (String expected : List.of("built ", "valid (1 records published", "hint: ", "3 errors, 1 warning",
        "build failed; published output left unchanged", "validation failed\n", "no such folder: ", "unknown format: yaml",
        "internal error: ", "unknown option or argument: --no-such-option", "did you mean: build",
        "missing command: ", "timeliness audit", "total: 4 records", "1 result", "unknown filter \"colour\"",
        "no search index at ", "the year must have 4 digits: 25", "missing report: annual",
        "the data file has errors", "cannot merge: ", "merged 1 part into", "the preview only listens on this machine",
        "::error file=")) {
      assertTrue(all.contains(expected), expected + " in\n" + all);
    }
    assertFalse(all.contains(" / "), "no bilingual line: " + all);
  }

  @Test
  void chineseHasNoEnglishMessages(@TempDir Path tmp) throws IOException {
    List<Cli.Run> runs = everyCommand(tmp, "--lang", "zh-CN");
    String all = String.join("\n", runs.stream().map(r -> r.out() + r.err()).toList());
    for (String expected : List.of("已生成 ", "校验通过（发布 1 条信息", "提示：", "3 个错误，1 个警告",
        "构建失败，已发布的内容保持不变", "校验未通过\n", "找不到目录：", "未知格式：yaml", "内部错误：",
        "未知的选项或参数：--no-such-option", "你是否要用：build", "缺少命令：", "公开时限检查",
        "合计：4 条信息", "找到 1 条结果", "未知筛选项“colour”", "没有找到搜索索引", "年份应为四位数：25",
        "缺少报告类型：annual", "数据文件有错误", "无法合并：", "已合并 1 个部分", "预览服务器只监听本机地址")) {
      assertTrue(all.contains(expected), expected + " in\n" + all);
    }
    for (String english : List.of("hint:", "error,", "errors", "warning,", "build failed", "no such folder",
        "unknown ", "internal error", "did you mean", "missing", "timeliness", "total:", "result",
        "merged", "preview", "run gongkai", " / ")) {
      assertFalse(all.contains(english), english + " in\n" + all);
    }
  }

  @Test
  void theEnvironmentSetsTheDefaultAndTheOptionWins(@TempDir Path tmp) throws IOException {
    String src = broken(tmp).toString();
    Cli.Run zh = Cli.runWithEnv(Map.of("LANG", "zh_CN.UTF-8"), "validate", "-s", src);
    assertTrue(zh.err().contains("3 个错误，1 个警告\n") && !zh.err().contains("hint:"), zh.err());
    Cli.Run en = Cli.runWithEnv(Map.of("LC_ALL", "en_US.UTF-8", "LANG", "zh_CN.UTF-8"), "validate", "-s", src);
    assertTrue(en.err().contains("\n3 errors, 1 warning\n") && !en.err().contains("提示："), en.err());
    Cli.Run c = Cli.runWithEnv(Map.of("LANG", "C.UTF-8"), "validate", "-s", src);
    assertTrue(c.err().contains("3 个错误，1 个警告 / 3 errors, 1 warning"), c.err());
    Cli.Run none = Cli.run("validate", "-s", src);
    assertEquals(c.err(), none.err(), "an unset locale prints both, as C does");
    Cli.Run both = Cli.runWithEnv(Map.of("LANG", "zh_CN.UTF-8"), "validate", "-s", src, "--lang", "both");
    assertEquals(c.err(), both.err());
    // Given before the command, the option applies to it.
    Cli.Run parent = Cli.runWithEnv(Map.of("LANG", "zh_CN.UTF-8"), "--lang", "en", "validate", "-s", src);
    assertTrue(parent.err().contains("\n3 errors, 1 warning\n"), parent.err());
    Cli.Run badLang = Cli.runWithEnv(Map.of("LANG", "en_US"), "validate", "--lang", "fr");
    assertEquals(ExitCodes.USAGE, badLang.exit());
    assertTrue(badLang.err().startsWith("unknown language \"fr\": use zh-CN, en or both\n"), badLang.err());
  }

  @Test
  void helpStaysEnglishAndNamesTheOption() {
    Cli.Run help = Cli.runWithEnv(Map.of("LANG", "zh_CN.UTF-8"), "validate", "--help");
    assertEquals(ExitCodes.OK, help.exit());
    assertTrue(help.out().contains("--lang=LANG") && help.out().contains("LC_MESSAGES"), help.out());
    assertTrue(help.out().contains("--format=FORMAT"), help.out());
    assertTrue(Cli.run("--help").out().contains("--lang"));
    assertTrue(Cli.run("merge", "--help").out().contains("--lang"));
    assertTrue(Cli.run("report", "annual", "--help").out().contains("--lang"));
  }
}
