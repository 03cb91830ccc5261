package dev.gongkai.scaffold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.cli.ExitCodes;
import dev.gongkai.testing.Cli;
import dev.gongkai.testing.TreeDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gongkai init}: a new site that builds at once, made from the repository's own catalogue and templates. */
class SiteScaffoldTest {
  private static final Path REPO = Path.of("").toAbsolutePath();

  @Test
  void initThenBuildGivesAPortalWithNoErrorsOrWarnings(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("slj");
    Cli.Run init = Cli.run("init", site.toString(), "--name", "示例县水务局", "--code", "12530199MB0123456X",
        "--base-url", "https://slj.example.gov.cn", "--date", "2026-11-30");
    assertEquals(ExitCodes.OK, init.exit(), init.err());
    assertTrue(init.out().contains("created a site"), init.out());

    Cli.Run build = Cli.run("build", "-s", site.toString());
    assertEquals(ExitCodes.OK, build.exit(), build.err());
    assertFalse(build.err().contains("error[") || build.err().contains("warning["), build.err());
    assertTrue(build.err().contains("0 records published, 0 withheld"), build.err());
    String home = Files.readString(site.resolve("public/index.html"));
    assertTrue(home.contains("示例县水务局政府信息公开"), "home page names the agency");
    // Until records come, the site's last update is the day it was set up (never the epoch).
    assertTrue(home.contains("<time datetime=\"2026-11-30\""), "footer shows the init date");
    assertFalse(home.contains("1970"), "no epoch date");
    for (String page : List.of("about", "guide", "contact", "apply", "accessibility")) {
      assertTrue(Files.isRegularFile(site.resolve("public/" + page + "/index.html")), page);
    }
    assertTrue(Files.readString(site.resolve("public/guide/index.html")).contains("示例县水务局（以下简称本机关）"));
    // Every catalogue item has its (empty) list page.
    assertTrue(Files.isRegularFile(site.resolve("public/catalogue/aqsc/aqsc-01-01/index.html")));
  }

  @Test
  void withoutOptionsTheDefaultsAreMarkedAndTheSiteStillBuilds(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("new");
    Cli.Run init = Cli.run("init", site.toString());
    assertEquals(ExitCodes.OK, init.exit(), init.err());
    assertTrue(init.out().contains("baseUrl (--base-url)") && init.out().contains("regionCode (--region)"), init.out());
    JsonNode config = new ObjectMapper().readTree(site.resolve("catalogue/site.json").toFile());
    assertEquals(SiteIdentity.TO_FILL + "机关名称", config.path("agency").asText());
    assertTrue(config.path("baseUrl").asText().endsWith(".invalid/"));
    assertFalse(config.path("options").has("indexPrefix"), "no prefix given, none written");
    assertEquals(ExitCodes.OK, Cli.run("build", "-s", site.toString(), "-q").exit());
  }

  @Test
  void siteJsonCarriesTheOptions(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("s");
    assertEquals(ExitCodes.OK, Cli.run("init", site.toString(), "--name", "示例县水务局", "--code",
        "12530199mb0123456x", "--base-url", "https://slj.example.gov.cn/sub").exit());
    JsonNode config = new ObjectMapper().readTree(site.resolve("catalogue/site.json").toFile());
    assertEquals("示例县水务局政府信息公开", config.path("title").asText());
    assertEquals("示例县水务局", config.path("agency").asText());
    assertEquals("https://slj.example.gov.cn/sub/", config.path("baseUrl").asText());
    assertEquals("530199", config.path("regionCode").asText(), "characters 3–8 of the credit code");
    assertEquals("12530199MB0123456X", config.path("options").path("indexPrefix").asText());
    // The rest is the example's config.
    JsonNode example = new ObjectMapper().readTree(REPO.resolve("catalogue/site.json").toFile());
    assertEquals(example.path("languages"), config.path("languages"));
    assertEquals(example.path("options").path("pageSize"), config.path("options").path("pageSize"));
  }

  @Test
  void theCatalogueTemplatesAndRecipesAreTheRepositorysOwn() throws IOException {
    SortedMap<String, byte[]> files = SiteScaffold.files(id());
    assertArrayEquals(Files.readAllBytes(REPO.resolve("catalogue/catalogue.csv")), files.get("catalogue/catalogue.csv"));
    Map<String, String> templates = new TreeMap<>();
    files.forEach((p, b) -> {
      if (p.startsWith("site-templates/")) templates.put(p.substring("site-templates/".length()), TreeDigest.sha256(b));
    });
    assertEquals(TreeDigest.of(REPO.resolve("site-templates")), templates);
    assertArrayEquals(Files.readAllBytes(REPO.resolve("docs/deploy/github-pages.yml")),
        files.get(SiteScaffold.GITHUB_WORKFLOW));
    assertArrayEquals(Files.readAllBytes(REPO.resolve("docs/deploy/gitlab-ci.yml")), files.get(SiteScaffold.GITLAB_CI));
    assertArrayEquals(Files.readAllBytes(REPO.resolve("docs/publisher-guide.md")), files.get("docs/publisher-guide.md"));
  }

  @Test
  void everyCatalogueItemGetsAnEmptyRecordFileWithABom() throws IOException {
    SortedMap<String, byte[]> files = SiteScaffold.files(id());
    List<String> codes;
    try (Stream<String> lines = Files.lines(REPO.resolve("catalogue/catalogue.csv"))) {
      codes = lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.substring(0, l.indexOf(','))).toList();
    }
    assertEquals(48, codes.size());
    List<String> recordFiles = files.keySet().stream().filter(p -> p.startsWith("catalogue/records/")).toList();
    assertEquals(codes.size(), recordFiles.size());
    for (String code : codes) {
      String path = "catalogue/records/" + code.substring(0, code.indexOf('-')) + "/" + code + ".csv";
      byte[] b = files.get(path);
      assertTrue(b != null, path);
      assertEquals("\uFEFF" + RecordFiles.HEADER + "\n", new String(b, StandardCharsets.UTF_8), path);
    }
  }

  @Test
  void sameOptionsSameBytes(@TempDir Path tmp) throws IOException {
    for (String d : List.of("a", "b")) {
      assertEquals(ExitCodes.OK,
          Cli.run("init", tmp.resolve(d).toString(), "--name", "示例县水务局", "--date", "2026-11-30").exit());
    }
    Map<String, String> a = TreeDigest.of(tmp.resolve("a"));
    assertEquals(a, TreeDigest.of(tmp.resolve("b")));
    assertTrue(a.containsKey(".gitignore") && a.containsKey("README.md") && a.containsKey("content/about.md"), a.toString());
  }

  @Test
  void refusesAFolderWithFilesUnlessForced(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("busy");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Cli.Run r = Cli.run("init", dir.toString());
    assertEquals(ExitCodes.USAGE, r.exit());
    assertTrue(r.err().contains("目录不为空") && r.err().contains("folder is not empty") && r.err().contains("--force"),
        r.err());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("notes.txt")), s.toList(), "nothing written");
    }

    Cli.Run forced = Cli.run("init", dir.toString(), "--force");
    assertEquals(ExitCodes.OK, forced.exit(), forced.err());
    assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    assertTrue(Files.isRegularFile(dir.resolve("catalogue/site.json")));
  }

  @Test
  void aFreshCloneCountsAsEmpty(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("clone");
    Files.createDirectories(dir.resolve(".git"));
    assertEquals(ExitCodes.OK, Cli.run("init", dir.toString()).exit());
    assertTrue(Files.isRegularFile(dir.resolve(".github/workflows/github-pages.yml")));
  }

  @Test
  void refusesAFileAndBadOptions(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertEquals(ExitCodes.USAGE, Cli.run("init", file.toString()).exit());
    Cli.Run code = Cli.run("init", tmp.resolve("a").toString(), "--code", "yjj-1");
    assertEquals(ExitCodes.USAGE, code.exit());
    assertTrue(code.err().contains("--code") && code.err().contains("yjj-1"), code.err());
    assertEquals(ExitCodes.USAGE, Cli.run("init", tmp.resolve("b").toString(), "--base-url", "ftp://x/").exit());
    assertEquals(ExitCodes.USAGE, Cli.run("init", tmp.resolve("c").toString(), "--region", "5301").exit());
    assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("b")) || Files.exists(tmp.resolve("c")));
  }

  @Test
  void everyBadOptionIsNamedInEachLanguageApart() {
    SiteIdentity.InvalidException e = org.junit.jupiter.api.Assertions.assertThrows(SiteIdentity.InvalidException.class,
        () -> SiteIdentity.of("a\nb", "yjj-1", "5301", "ftp://x/"));
    List<String> zh = e.problems().stream().map(p -> p.zh()).toList();
    List<String> en = e.problems().stream().map(p -> p.en()).toList();
    assertEquals(4, zh.size(), zh.toString());
    assertEquals(List.of("--name", "--code", "--region", "--base-url"),
        en.stream().map(m -> m.substring(0, m.indexOf(' '))).toList());
    assertTrue(zh.get(1).endsWith("而不是“yjj-1”") && !zh.get(1).contains("must"), zh.get(1));
    assertTrue(en.get(1).endsWith("not \"yjj-1\"") && !en.get(1).contains("应为"), en.get(1));
    assertEquals(String.join("\n", e.problems().stream().map(p -> p.zh() + " / " + p.en()).toList()), e.getMessage());
  }

  private static SiteIdentity id() {
    try {
      return SiteIdentity.of("示例县水务局", null, null, null);
    } catch (SiteIdentity.InvalidException e) {
      throw new AssertionError(e);
    }
  }
}
