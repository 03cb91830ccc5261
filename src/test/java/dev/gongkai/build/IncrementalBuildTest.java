package dev.gongkai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Code;
import dev.gongkai.testing.TreeDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An incremental build (build cache) gives exactly the output of a clean build of the same source, for each kind of
 * edit a publisher makes, while rendering only what changed. Each step edits a copy of the bundled example, builds it
 * incrementally into one output folder and cleanly into another, and compares the two byte for byte.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalBuildTest {
  /** Made by {@link #firstBuild} and deleted after the class (JUnit's TempDir is not set before a per-class BeforeAll). */
  Path tmp;
  Path site;
  Path out;
  Path cache;
  int step;

  /** What the incremental builds keep in memory between them: nothing, as on the command line. */
  WarmState warm() {
    return null;
  }

  private static final Path RECORDS = Path.of("catalogue/records/aqsc/aqsc-01-03.csv");

  @BeforeAll
  void firstBuild() throws IOException {
    tmp = Files.createTempDirectory("gongkai-incremental");
    site = tmp.resolve("site");
    for (String dir : List.of("catalogue", "content", "site-templates")) copyTree(Path.of(dir), site.resolve(dir));
    out = tmp.resolve("public");
    cache = tmp.resolve("cache");
    BuildResult r = incremental();
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    assertEquals(0, r.pagesKept(), "the first build has nothing to keep");
    assertEquals(r.files(), r.filesChanged());
  }

  @Test
  @Order(1)
  void noChangeKeepsEveryPageAndWritesNothing() throws IOException {
    Map<String, String> before = TreeDigest.of(out);
    BuildResult r = sameAsClean();
    assertEquals(r.pages(), r.pagesKept(), "every page kept");
    assertEquals(0, r.filesChanged(), "no file written");
    assertTrue(r.searchKept(), "search files kept without indexing");
    assertEquals(before, TreeDigest.of(out));
  }

  @Test
  @Order(2)
  void editedRecordTitle() throws IOException {
    replaceInFile(RECORDS, "《示例县2024年安全生产工作要点》", "《示例县2024年安全生产工作要点（修订）》");
    int sitemapsTaken = warm() == null ? 0 : warm().sitemap.taken();
    BuildResult r = sameAsClean();
    assertMostlyKept(r);
    if (warm() != null) {
      assertEquals(sitemapsTaken + 1, warm().sitemap.taken(), "no page path or date changed: the sitemaps are kept");
    }
    assertTrue(r.filesChanged() > 3, "the record page, its lists and the exports change: " + r.filesChanged());
    assertFalse(r.searchKept(), "a title is searched: the search files change");
    assertTrue(r.searchPatched(), "one record's terms changed: the search files are patched, not built again");
  }

  @Test
  @Order(3)
  void addedRecord() throws IOException {
    appendLine(RECORDS, "015583216/2024-09901,示例县应急管理局关于增量构建测试的通知,示例县应急管理局,"
        + "2024-05-06,2024-05-08,示应急发〔2024〕99号,安全生产监管,有效,主动公开,全社会,"
        + "这是一条新增记录，用于检验增量构建。,,");
    BuildResult r = sameAsClean();
    assertMostlyKept(r);
    assertTrue(Files.exists(out.resolve("records/015583216-2024-09901/index.html")));
    assertFalse(r.searchPatched(), "a record added moves doc ids: indexed again");
  }

  @Test
  @Order(4)
  void removedRecordIsDeleted() throws IOException {
    removeLineContaining(RECORDS, "015583216/2024-09901");
    BuildResult r = sameAsClean();
    assertMostlyKept(r);
    assertFalse(Files.exists(out.resolve("records/015583216-2024-09901")), "its page and folder are gone");
  }

  @Test
  @Order(5)
  void withheldRecordLeavesEverywhere() throws IOException {
    List<String> lines = Files.readAllLines(site.resolve(RECORDS), StandardCharsets.UTF_8);
    String row = lines.stream().filter(l -> l.startsWith("015583216/2024-00046,")).findFirst().orElseThrow();
    replaceInFile(RECORDS, row, row.replace(",主动公开,", ",不予公开,"));
    BuildResult r = sameAsClean();
    assertMostlyKept(r);
    assertFalse(Files.exists(out.resolve("records/015583216-2024-00046")));
  }

  @Test
  @Order(6)
  void editedContentPage() throws IOException {
    appendParagraph(Path.of("content/about.md"), "增量构建新增的一段说明。");
    // Every page gets the content pages (published_pages, for the footer), so every page is rendered again.
    BuildResult r = sameAsClean();
    assertEquals(0, r.pagesKept());
    assertTrue(Files.readString(out.resolve("about/index.html"), StandardCharsets.UTF_8).contains("增量构建新增的一段说明"));
  }

  @Test
  @Order(7)
  void brokenLinkFailsAndLeavesOutputAlone() throws IOException {
    Map<String, String> before = TreeDigest.of(out);
    Path about = site.resolve("content/about.md");
    String original = Files.readString(about, StandardCharsets.UTF_8);
    Files.writeString(about, original + "\n[缺失的文件](missing-file.pdf)\n", StandardCharsets.UTF_8);
    BuildResult r = incremental();
    assertFalse(r.ok());
    assertTrue(r.diagnostics().sorted().stream().anyMatch(d -> d.code() == Code.FILE_MISSING),
        () -> r.diagnostics().sorted().toString());
    assertEquals(before, TreeDigest.of(out), "a failed build changes nothing");
    Files.writeString(about, original, StandardCharsets.UTF_8);
    BuildResult again = sameAsClean();
    assertEquals(again.pages(), again.pagesKept(), "the failed build did not spoil the cache");
  }

  @Test
  @Order(8)
  void changedTemplateRendersItsPagesAgain() throws IOException {
    replaceInFile(Path.of("site-templates/record.html"), "<main", "<main data-edited=\"1\"");
    BuildResult r = sameAsClean();
    assertTrue(r.searchKept(), "templates are not searched: the search files are kept");
    assertTrue(r.pagesKept() < r.pages() / 2, "record pages rendered again: kept " + r.pagesKept());
    assertTrue(Files.readString(out.resolve("records/015583216-2024-00013/index.html"), StandardCharsets.UTF_8)
        .contains("data-edited=\"1\""));
  }

  @Test
  @Order(9)
  void changedConfigRendersEverything() throws IOException {
    replaceInFile(Path.of("catalogue/site.json"), "示例县应急管理局", "示例县应急管理局（测试）");
    BuildResult r = sameAsClean();
    assertEquals(0, r.pagesKept(), "every page shows the agency name");
  }

  @Test
  @Order(10)
  void handEditedOutputIsNotTrusted() throws IOException {
    // A clean build replaces the folder (and its marker): the cache no longer describes it and is not used.
    BuildResult clean = SiteBuild.run(new BuildRequest(site, out), Progress.NONE);
    assertTrue(clean.ok());
    BuildResult r = sameAsClean();
    assertEquals(0, r.pagesKept(), "a cache of another output is ignored");
  }

  @Test
  @Order(11)
  void diagnosticsOfUnchangedFilesAreReportedAgain() throws IOException {
    // A warning in one record file (a 文号 year in square brackets), then an edit of another file: the second build
    // reports the warning too, as a clean build does (sameAsClean compares the diagnostics).
    Path other = Path.of("catalogue/records/aqsc/aqsc-02-02.csv");
    replaceInFile(other, ",示应急罚〔2024〕1号,", ",示应急罚[2024]1号,");
    BuildResult warned = sameAsClean();
    assertTrue(warned.diagnostics().sorted().stream().anyMatch(d -> d.code() == Code.DOCNO_BRACKETS));
    replaceInFile(RECORDS, "《示例县2024年安全生产工作要点（修订）》", "《示例县2024年安全生产工作要点（三订）》");
    BuildResult r = sameAsClean();
    assertTrue(r.diagnostics().sorted().stream().anyMatch(d -> d.code() == Code.DOCNO_BRACKETS),
        () -> r.diagnostics().sorted().toString());
    replaceInFile(other, ",示应急罚[2024]1号,", ",示应急罚〔2024〕1号,");
    replaceInFile(RECORDS, "《示例县2024年安全生产工作要点（三订）》", "《示例县2024年安全生产工作要点（修订）》");
    assertTrue(sameAsClean().diagnostics().sorted().isEmpty(), "the warning is gone with its cause");
  }

  @Test
  @Order(12)
  void editedBodyFile() throws IOException {
    // A record whose body is a file under content/documents/: its row is unchanged, its body is not.
    appendParagraph(Path.of("content/documents/2024/jiedu-zhiben-gongjian.md"), "正文文件里新增的一句话。");
    BuildResult r = sameAsClean();
    assertMostlyKept(r);
    assertTrue(Files.readString(out.resolve("records/015583216-2024-00025/index.html"), StandardCharsets.UTF_8)
        .contains("正文文件里新增的一句话"));
  }

  @Test
  @Order(13)
  void brokenRecordFileFailsThenRecovers() throws IOException {
    Path f = site.resolve(RECORDS);
    String original = Files.readString(f, StandardCharsets.UTF_8);
    Files.writeString(f, original + "015583216/2024-09902,\"未闭合的引号,示例县应急管理局\n", StandardCharsets.UTF_8);
    BuildResult broken = incremental();
    assertFalse(broken.ok());
    assertTrue(broken.diagnostics().sorted().stream().anyMatch(d -> d.code() == Code.CSV_UNCLOSED_QUOTE),
        () -> broken.diagnostics().sorted().toString());
    Files.writeString(f, original, StandardCharsets.UTF_8);
    sameAsClean();
  }

  @Test
  @Order(14)
  void recordAddedToAnItemFromAnotherFile() throws IOException {
    // The item's records in aqsc-01-03.csv are not read again, but the newest record now heads their related lists.
    Path json = site.resolve("catalogue/records/aqsc/aqsc-01-03.json");
    Files.writeString(json, """
        {"事项": "aqsc-01-03", "records": [{"index_no": "015583216/2026-09903", "title": "另一文件中的同事项新记录",
          "agency": "示例县应急管理局", "written": "2026-03-09", "published": "2026-03-10", "subject": "安全生产监管",
          "validity": "有效", "disclosure": "主动公开", "scope": "全社会", "body": "同一事项、另一文件中的记录。"}]}
        """, StandardCharsets.UTF_8);
    BuildResult r = sameAsClean();
    assertMostlyKept(r);
    assertTrue(Files.readString(out.resolve("records/015583216-2024-00013/index.html"), StandardCharsets.UTF_8)
        .contains("另一文件中的同事项新记录"), "listed as related on a page whose own record did not change");
    Files.delete(json);
    sameAsClean();
  }

  @Test
  @Order(15)
  void editedCatalogueItem() throws IOException {
    // Every record file is read again (the catalogue is part of each row's checks) and every page shows the item in
    // its navigation or breadcrumbs.
    replaceInFile(Path.of("catalogue/catalogue.csv"), ",政策文件,法律法规,", ",政策文件,法律法规（测试）,");
    sameAsClean();
    replaceInFile(Path.of("catalogue/catalogue.csv"), ",政策文件,法律法规（测试）,", ",政策文件,法律法规,");
    sameAsClean();
  }

  @Test
  @Order(16)
  void editedDatasetRow() throws IOException {
    Path csv = Path.of("catalogue/datasets/relief-funds-2025.csv");
    List<String> lines = Files.readAllLines(site.resolve(csv), StandardCharsets.UTF_8);
    String row = lines.get(1);
    replaceInFile(csv, row, row.replaceFirst(",", ",（测试）"));
    BuildResult r = sameAsClean();
    assertMostlyKept(r);
    replaceInFile(csv, row.replaceFirst(",", ",（测试）"), row);
    sameAsClean();
  }

  @Test
  @Order(20)
  void searchIndexOfTheCommandLineIsRebuiltAfterAPatch() throws IOException {
    // As the command line builds: with the Lucene index gongkai search reads.
    Path index = tmp.resolve("cli-index");
    Path cliCache = tmp.resolve("cli-cache");
    Path cliOut = tmp.resolve("cli-public");
    BuildRequest req = new BuildRequest(site, cliOut, index).withCache(cliCache);
    assertTrue(SiteBuild.run(req, Progress.NONE).ok());
    assertTrue(Files.isDirectory(index));
    replaceInFile(RECORDS, "《示例县2024年安全生产工作要点（修订）》", "《示例县2024年安全生产工作要点（再次修订）》");
    BuildResult r = SiteBuild.run(req, Progress.NONE);
    assertTrue(r.ok() && r.searchPatched(), "patched");
    assertFalse(Files.exists(index), "the stale Lucene index is not left behind");
    assertTrue(SiteBuild.rebuildSearchIndex(req));

    Path cleanIndex = tmp.resolve("clean-index");
    assertTrue(SiteBuild.run(new BuildRequest(site, tmp.resolve("clean-cli"), cleanIndex), Progress.NONE).ok());
    try (var a = dev.gongkai.index.SearchIndex.open(index); var b = dev.gongkai.index.SearchIndex.open(cleanIndex)) {
      String rebuilt = ReproducibleBuildTest.dump(a);
      assertTrue(rebuilt.contains("再次"), "the rebuilt index has the new title");
      assertEquals(ReproducibleBuildTest.dump(b), rebuilt, "rebuilt index = a clean build's");
    }
  }

  @org.junit.jupiter.api.AfterAll
  void deleteFolders() throws IOException {
    dev.gongkai.write.StagedOutput.deleteTree(tmp);
  }

  // --- helpers ---

  private BuildResult incremental() throws IOException {
    return SiteBuild.run(new BuildRequest(site, out).withCache(cache), Progress.NONE, warm());
  }

  /** Builds incrementally and cleanly; asserts both succeed with the same bytes and no empty folder left. */
  private BuildResult sameAsClean() throws IOException {
    BuildResult r = incremental();
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    Path ref = tmp.resolve("clean-" + (++step));
    BuildResult c = SiteBuild.run(new BuildRequest(site, ref), Progress.NONE);
    assertTrue(c.ok(), () -> c.diagnostics().sorted().toString());
    assertEquals(TreeDigest.of(ref), TreeDigest.of(out), "incremental output differs from a clean build");
    assertEquals(c.diagnostics().sorted(), r.diagnostics().sorted(), "the same diagnostics as a clean build");
    assertEquals(c.pages(), r.pages());
    assertEquals(List.of(), emptyFolders(out));
    return r;
  }

  private void assertMostlyKept(BuildResult r) {
    assertTrue(r.pagesKept() > r.pages() * 8 / 10,
        "most pages kept: " + r.pagesKept() + " of " + r.pages());
    assertTrue(r.pagesKept() < r.pages(), "something was rendered");
  }

  private List<Path> emptyFolders(Path dir) throws IOException {
    List<Path> empty = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path d : (Iterable<Path>) s.filter(Files::isDirectory)::iterator) {
        try (Stream<Path> in = Files.list(d)) {
          if (in.findAny().isEmpty()) empty.add(dir.relativize(d));
        }
      }
    }
    return empty;
  }

  private void replaceInFile(Path rel, String from, String to) throws IOException {
    Path f = site.resolve(rel);
    String s = Files.readString(f, StandardCharsets.UTF_8);
    assertTrue(s.contains(from), rel + " has " + from);
    Files.writeString(f, s.replace(from, to), StandardCharsets.UTF_8);
  }

  /** Adds {@code text} to a Markdown file as a paragraph of its own. */
  private void appendParagraph(Path rel, String text) throws IOException {
    Path f = site.resolve(rel);
    Files.writeString(f, Files.readString(f, StandardCharsets.UTF_8) + "\n" + text + "\n", StandardCharsets.UTF_8);
  }

  private void appendLine(Path rel, String line) throws IOException {
    Path f = site.resolve(rel);
    String s = Files.readString(f, StandardCharsets.UTF_8);
    Files.writeString(f, (s.endsWith("\n") ? s : s + "\n") + line + "\n", StandardCharsets.UTF_8);
  }

  private void removeLineContaining(Path rel, String text) throws IOException {
    Path f = site.resolve(rel);
    List<String> kept = Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.contains(text)).toList();
    Files.writeString(f, String.join("\n", kept) + "\n", StandardCharsets.UTF_8);
  }

  private void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }
}
