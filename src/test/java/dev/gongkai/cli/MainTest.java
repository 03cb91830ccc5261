package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.testing.Cli;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: subcommands, named exit codes, and what is printed. */
class MainTest {
  static final String SITE = """
      -- catalogue/site.json --
      {"title": "站", "agency": "局", "baseUrl": "https://x.example/", "regionCode": "530199"}
      -- catalogue/catalogue.csv --
      编码,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
      aqsc-01-01,安全生产,政策文件,法律法规,法律,条例,20个工作日内,局,政府网站,全社会,主动,县级
      -- catalogue/records/aqsc-01-01.csv --
      索引号,标题,成文日期,发布日期,公开属性
      015583216/2024-00001,通知,2024-03-01,2024-03-05,主动公开
      """;

  private static Path site(Path tmp) throws IOException {
    return Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
  }

  @Test
  void buildWritesThePortalAndSummarises(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Cli.Run r = Cli.run("build", "--source", src.toString());
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    assertTrue(Files.isRegularFile(src.resolve("public/index.html")));
    assertTrue(r.err().contains("1 records published, 0 withheld"), r.err());
  }

  @Test
  void validateWritesNothing(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    assertEquals(ExitCodes.OK, Cli.run("validate", "-s", src.toString()).exit());
    assertTrue(Files.notExists(src.resolve("public")));
    Files.writeString(src.resolve("catalogue/records/aqsc-01-01.csv"),
        "索引号,标题,成文日期,发布日期,公开属性\n015583216/2024-00001,通知,2024-03-01,2024-02-30,公开\n");
    Cli.Run bad = Cli.run("validate", "-s", src.toString());
    assertEquals(ExitCodes.INPUT, bad.exit());
    assertTrue(bad.err().contains("error[date-invalid]") && bad.err().contains("error[enum-unknown]"), bad.err());
    assertTrue(bad.err().contains("2 个错误，0 个警告 / 2 errors, 0 warnings"), bad.err());
  }

  @Test
  void usageErrorsExitWith2(@TempDir Path tmp) {
    assertEquals(ExitCodes.USAGE, Cli.run("build", "--no-such-option").exit());
    assertEquals(ExitCodes.USAGE, Cli.run("frobnicate").exit());
    assertEquals(ExitCodes.USAGE, Cli.run().exit());
    assertEquals(ExitCodes.USAGE, Cli.run("build", "--source", tmp.resolve("missing").toString()).exit());
  }

  @Test
  void refusesToOverwriteAFolderItDidNotCreate(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Path precious = tmp.resolve("thesis");
    Files.createDirectories(precious);
    Files.writeString(precious.resolve("chapter1.txt"), "draft");
    Cli.Run r = Cli.run("build", "-s", src.toString(), "-o", precious.toString());
    assertEquals(ExitCodes.USAGE, r.exit());
    assertEquals("draft", Files.readString(precious.resolve("chapter1.txt")));
  }

  @Test
  void internalErrorsExitWith3WithoutStackTraceUnlessVerbose(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    Path blocker = tmp.resolve("file");
    Files.writeString(blocker, "not a folder");
    // An output path below a regular file cannot be created: a machine problem, not an input error.
    Cli.Run r = Cli.run("build", "-s", src.toString(), "-o", blocker.resolve("out").toString());
    assertEquals(ExitCodes.INTERNAL, r.exit(), r.err());
    assertTrue(r.err().contains("internal error") && !r.err().contains("\tat "), r.err());
    Cli.Run v = Cli.run("build", "-s", src.toString(), "-o", blocker.resolve("out").toString(), "--verbose");
    assertTrue(v.err().contains("\tat "), v.err());
  }

  @Test
  void helpAndVersion() {
    Cli.Run help = Cli.run("--help");
    assertEquals(ExitCodes.OK, help.exit());
    assertTrue(help.out().contains("build") && help.out().contains("validate") && help.out().contains("serve"));
    assertTrue(Cli.run("--version").out().startsWith("gongkai "));
  }

  @Test
  void validateChecksTheSiteCalendar(@TempDir Path tmp) throws IOException {
    Path src = site(tmp);
    assertEquals(ExitCodes.OK, Cli.run("validate", "-s", src.toString()).exit());
    Files.writeString(src.resolve("catalogue/calendar.json"),
        "{\"2027\": {\"holidays\": {}, \"adjusted_workdays\": [\"2027-01-04\"]}}");
    Cli.Run bad = Cli.run("validate", "-s", src.toString());
    assertEquals(ExitCodes.INPUT, bad.exit(), bad.err());
    assertTrue(bad.err().contains("catalogue/calendar.json"), bad.err());
  }
}
