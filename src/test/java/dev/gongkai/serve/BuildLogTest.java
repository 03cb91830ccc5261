package dev.gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Lang;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The serve log speaks the session's language; bilingual by default, as it always has. */
class BuildLogTest {
  private static String log(BuildOutcome outcome, Lang lang) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BuildLog.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2, outcome, "content/a.md", true, lang);
    // Drop the clock: "[12:34:56] ".
    return bytes.toString(StandardCharsets.UTF_8).replaceFirst("^\\[\\d\\d:\\d\\d:\\d\\d\\] ", "");
  }

  @Test
  void aFailedBuildInEachLanguage() {
    BuildOutcome failed = BuildOutcome.failure("", List.of(FakeSiteBuilder.BAD_DATE));
    String both = log(failed, Lang.BOTH);
    assertEquals("build 2 (content/a.md): 构建失败，1 个错误 / build failed, 1 error (仍在显示上一次成功的构建 / still "
        + "serving the last good build)\n  content/公告.md:3:7 date-invalid " + FakeSiteBuilder.BAD_DATE.messageZh()
        + " / " + FakeSiteBuilder.BAD_DATE.messageEn() + "\n", both);
    String zh = log(failed, Lang.ZH_CN);
    assertTrue(zh.startsWith("第 2 次构建 (content/a.md): 构建失败，1 个错误 (仍在显示上一次成功的构建)\n"), zh);
    assertTrue(zh.endsWith("date-invalid " + FakeSiteBuilder.BAD_DATE.messageZh() + "\n"), zh);
    String en = log(failed, Lang.EN);
    assertTrue(en.startsWith("build 2 (content/a.md): build failed, 1 error (still serving the last good build)\n"), en);
    assertTrue(en.endsWith("date-invalid " + FakeSiteBuilder.BAD_DATE.messageEn() + "\n"), en);
  }

  @Test
  void aGoodBuildWithWarnings() {
    BuildOutcome ok = BuildOutcome.success("", List.of(new dev.gongkai.diag.Diagnostic(
        dev.gongkai.diag.Location.file("content/x.pdf"), dev.gongkai.diag.Severity.WARNING,
        dev.gongkai.diag.Code.FILE_UNREFERENCED, "甲", "a", "", "", "")));
    assertTrue(log(ok, Lang.BOTH).startsWith("build 2 (content/a.md): 完成 / ok — 1 个警告 / 1 warning\n"));
    assertTrue(log(ok, Lang.EN).startsWith("build 2 (content/a.md): ok — 1 warning\n"));
    assertTrue(log(ok, Lang.ZH_CN).startsWith("第 2 次构建 (content/a.md): 完成 — 1 个警告\n"));
  }
}
