package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Lang;
import dev.gongkai.diag.Location;
import dev.gongkai.diag.Severity;
import dev.gongkai.testing.Cli;
import dev.gongkai.testing.Txtar;
import dev.gongkai.testing.Workbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format github}: workflow commands, GitHub's escaping, paths relative to the repository. */
class GithubAnnotationsTest {
  @Test
  void escapesDataAndProperties() {
    assertEquals("100%25 done%0D%0Anext: a, b", GithubAnnotations.data("100% done\r\nnext: a, b"));
    assertEquals("a%3Ab%2Cc%25d%0Ae", GithubAnnotations.property("a:b,c%d\ne"));
    // % first: an escape in the input is not taken for one of ours.
    assertEquals("%250A", GithubAnnotations.data("%0A"));
  }

  @Test
  void oneCommandPerDiagnosticWithTheMessageInTheChosenLanguage() {
    Diagnostic d = new Diagnostic(new Location("catalogue/records/a,b:c.csv", 3, 7), Severity.ERROR,
        Code.DATE_INVALID, "“50%”不是日期", "\"50%\" is not a date\nat all", "50%", "写日期", "write a date");
    GithubAnnotations en = new GithubAnnotations("sites/x/", Lang.EN);
    assertEquals("::error file=sites/x/catalogue/records/a%2Cb%3Ac.csv,line=3,col=7,title=date-invalid::"
        + "\"50%25\" is not a date%0Aat all%0A| 50%25%0Ahint: write a date", en.command(d));
    GithubAnnotations zh = new GithubAnnotations("", Lang.ZH_CN);
    assertEquals("::error file=catalogue/records/a%2Cb%3Ac.csv,line=3,col=7,title=date-invalid::"
        + "“50%25”不是日期%0A| 50%25%0A提示：写日期", zh.command(d));

    Diagnostic whole = new Diagnostic(Location.file("catalogue/site.json"), Severity.WARNING, Code.FILE_UNREFERENCED,
        "甲", "a", "", "", "");
    assertEquals("::warning file=catalogue/site.json,title=file-unreferenced::甲%0Aa%0A提示：%0Ahint: ",
        new GithubAnnotations("", Lang.BOTH).command(whole));
  }

  @Test
  void aWorkbookCellIsAnnotatedOnTheFileWithTheCellStartingTheTitle() {
    Diagnostic cell = new Diagnostic(Location.cell("catalogue/records/救灾资金.xlsx", "Sheet1", 37, 4), Severity.ERROR,
        Code.DATE_INVALID, "“2024-02-30”不是有效日期", "\"2024-02-30\" is not a valid date", "2024-02-30", "", "");
    assertEquals("::error file=sites/x/catalogue/records/救灾资金.xlsx,title=Sheet1!D37%3A date-invalid::"
        + "\"2024-02-30\" is not a valid date%0A| 2024-02-30%0Ahint: ",
        new GithubAnnotations("sites/x/", Lang.EN).command(cell));
    // A sheet name holding the property separators; a whole sheet; a whole row.
    Diagnostic sheet = new Diagnostic(Location.sheet("d.xlsx", "1,2:3"), Severity.WARNING, Code.FILE_EMPTY,
        "空", "empty", "", "", "");
    assertEquals("::warning file=d.xlsx,title=1%2C2%3A3%3A file-empty::空%0A提示：",
        new GithubAnnotations("", Lang.ZH_CN).command(sheet));
    Diagnostic row = new Diagnostic(new Location("d.xlsx", 5, 0, "Sheet1"), Severity.ERROR, Code.CSV_FIELD_COUNT,
        "行", "row", "", "", "");
    assertTrue(new GithubAnnotations("", Lang.EN).command(row).startsWith("::error file=d.xlsx,title=Sheet1!5%3A5%3A "),
        new GithubAnnotations("", Lang.EN).command(row));
  }

  @Test
  void theCliAnnotatesABadWorkbookCell(@TempDir Path tmp) throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Path site = Txtar.read(Path.of("src/test/resources/invalid/_base.txtar")).writeTo(repo.resolve("portal"));
    Workbooks.book().sheet("Sheet1")
        .row(1, "索引号", "标题", "发布机构", "成文日期", "发布日期", "公开属性")
        .row(2, "015583216/2024-00010", "《安全生产条例》解读", "测试县应急管理局", "2024-02-30", "2024-06-05", "主动公开")
        .done().save(site.resolve("catalogue/records/aqsc-01-02.xlsx"));
    Cli.Run r = Cli.run("validate", "-s", site.toString(), "--format", "github", "--lang", "en");
    assertEquals(ExitCodes.INPUT, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(1, lines.size(), r.out());
    assertTrue(lines.get(0).startsWith("::error file=portal/catalogue/records/aqsc-01-02.xlsx,title=Sheet1!D2%3A "
        + "date-invalid::\"2024-02-30\" is not a valid date"), lines.get(0));
    assertFalse(lines.get(0).contains(",line="), "no line in a workbook: " + lines.get(0));
  }

  @Test
  void pathsAreRelativeToTheGitRepository(@TempDir Path tmp) throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path site = Files.createDirectories(repo.resolve("sites/县 一"));
    assertEquals("", GithubAnnotations.repositoryPrefix(site), "no repository: paths as they are");
    Files.createDirectories(repo.resolve(".git"));
    assertEquals("sites/县 一/", GithubAnnotations.repositoryPrefix(site));
    assertEquals("", GithubAnnotations.repositoryPrefix(repo));
    // A worktree or submodule: .git is a file.
    Path worktree = Files.createDirectories(tmp.resolve("wt/site"));
    Files.writeString(tmp.resolve("wt/.git"), "gitdir: ../repo/.git/worktrees/wt\n");
    assertEquals("site/", GithubAnnotations.repositoryPrefix(worktree));
  }

  @Test
  void theCliPrintsAnnotationsOnStdoutAndTheSummaryOnStderr(@TempDir Path tmp) throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Path site = Txtar.parse(MainTest.SITE.stripIndent()).writeTo(repo.resolve("portal"));
    Files.delete(site.resolve("catalogue/records/aqsc-01-01.csv"));
    Files.writeString(site.resolve("catalogue/records/第1批,急:件.csv"),
        "索引号,标题,成文日期,发布日期,公开属性,事项\n015583216/2024-00001,通知,2024-03-01,50%,主动公开,aqsc-01-01\n");
    Cli.Run r = Cli.run("validate", "-s", site.toString(), "--format", "github", "--lang", "en");
    assertEquals(ExitCodes.INPUT, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(1, lines.size(), r.out());
    String line = lines.get(0);
    assertTrue(line.startsWith("::error file=portal/catalogue/records/第1批%2C急%3A件.csv,line=2,col="), line);
    assertTrue(line.contains(",title=date-invalid::\"50%25\" is not a valid date"), line);
    assertTrue(line.contains("%0A| 50%25%0Ahint: "), line);
    assertTrue(r.err().contains("1 error, 0 warnings"), r.err());
    assertTrue(r.err().contains("validation failed"), r.err());
  }
}
