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
      "自然人", "予以公开", "本年新收",
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
