package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.testing.Cli;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gongkai build --previous DIR | --previous-ref REF}: what changed since the previous release. */
class ReleaseChangesTest {
  static final String SITE = """
      -- catalogue/site.json --
      {"title": "站", "agency": "局", "baseUrl": "https://x.example/", "regionCode": "530199"}
      -- catalogue/catalogue.csv --
      编码,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
      aqsc-01-01,安全生产,政策文件,法律法规,法律,条例,20个工作日内,局,政府网站,全社会,主动,县级
      -- catalogue/records/aqsc-01-01.csv --
      索引号,标题,成文日期,发布日期,公开属性
      015583216/2024-00001,通知一,2024-03-01,2024-03-05,主动公开
      015583216/2024-00002,通知二,2024-03-01,2024-03-05,主动公开
      """;

  private static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=t",
        "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
  }

  private static void edit(Path src) throws IOException {
    Path csv = src.resolve("catalogue/records/aqsc-01-01.csv");
    String s = Files.readString(csv).replace("通知二", "通知二（修订）")
        + "015583216/2024-00003,通知三,2024-04-01,2024-04-05,主动公开\n";
    Files.writeString(csv, s);
  }

  @Test
  void previousFolderGivesDiffsReleaseIndexAndRecordHistory(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
    assertEquals(ExitCodes.OK, Cli.run("build", "-q", "-s", src.toString(), "-o", tmp.resolve("r1").toString()).exit());
    edit(src);
    Cli.Run r = Cli.run("build", "-q", "-s", src.toString(), "-o", tmp.resolve("r2").toString(),
        "--previous", tmp.resolve("r1").toString());
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    String diff = Files.readString(tmp.resolve("r2/data/changes/records-aqsc-01-01.csv"));
    assertTrue(diff.contains("added,,015583216/2024-00003,通知三"), diff);
    assertTrue(diff.contains("changed,标题,015583216/2024-00002,通知二（修订）"), diff);
    JsonNode releases = new ObjectMapper().readTree(tmp.resolve("r2/data/releases.json").toFile()).get("releases");
    assertEquals(2, releases.size());
    assertEquals(1, releases.get(0).at("/datasets/records-aqsc-01-01/changed").asInt());
    String page = Files.readString(tmp.resolve("r2/records/015583216-2024-00002/index.html"));
    assertTrue(page.contains("修改</span>：<span>标题</span>"), "the record page shows its change");
    assertTrue(Files.readString(tmp.resolve("r2/SHA256SUMS")).contains("  data/changes/records-aqsc-01-01.csv\n"));
  }

  @Test
  void previousGitRefIsBuiltAsideAndCompared(@TempDir Path tmp) throws Exception {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("repo/site"));
    Path repo = tmp.resolve("repo");
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "v1");
    git(repo, "tag", "v1");
    edit(src);
    git(repo, "commit", "-q", "-am", "v2");
    Cli.Run r = Cli.run("build", "-q", "-s", src.toString(), "-o", tmp.resolve("out").toString(),
        "--previous-ref", "v1");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    JsonNode diff = new ObjectMapper().readTree(tmp.resolve("out/data/changes/records-aqsc-01-01.json").toFile());
    assertEquals(1, diff.get("added").size());
    assertEquals("通知二（修订）", diff.at("/changed/0/after/标题").asText());
    JsonNode dp = new ObjectMapper().readTree(tmp.resolve("out/data/catalogue/datapackage.json").toFile());
    assertTrue(dp.toString().matches(".*[0-9a-f]{40}.*"), "the descriptor records the commit: " + dp);

    Cli.Run bad = Cli.run("build", "-q", "-s", src.toString(), "-o", tmp.resolve("out2").toString(),
        "--previous-ref", "no-such-tag");
    assertEquals(ExitCodes.USAGE, bad.exit());
    assertTrue(bad.err().contains("no-such-tag"), bad.err());
  }

  @Test
  void aRecordReclassifiedAsWithheldDoesNotReappearAsRemoved(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
    assertEquals(ExitCodes.OK, Cli.run("build", "-q", "-s", src.toString(), "-o", tmp.resolve("r1").toString()).exit());
    Path csv = src.resolve("catalogue/records/aqsc-01-01.csv");
    Files.writeString(csv, Files.readString(csv).replace("通知二,2024-03-01,2024-03-05,主动公开",
        "通知二,2024-03-01,2024-03-05,不予公开"));
    Cli.Run r = Cli.run("build", "-q", "-s", src.toString(), "-o", tmp.resolve("r2").toString(),
        "--previous", tmp.resolve("r1").toString());
    assertEquals(ExitCodes.OK, r.exit(), "the leak audit must find nothing: " + r.err());
    try (var files = Files.walk(tmp.resolve("r2"))) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".xlsx")
          && !f.toString().endsWith(".dat"))::iterator) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertTrue(!text.contains("2024-00002") && !text.contains("通知二"), "withheld record in " + p);
      }
    }
  }
}
