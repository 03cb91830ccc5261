package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.cli.ExitCodes;
import dev.gongkai.index.SearchDoc;
import dev.gongkai.testing.Cli;
import dev.gongkai.testing.TreeDigest;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gongkai merge}: parts of one site built separately (here: one per catalogue domain, each with the shared
 * pages) merge into exactly the export of one build of the whole site, in any order; parts that do not belong
 * together, conflict or were edited are refused.
 */
class SearchEngineMergeTest {
  /** The whole site; the parts keep the records (and datasets) of one domain each. */
  static final String SITE = """
      -- catalogue/site.json --
      {"title": "示例县应急管理局", "agency": "示例县应急管理局", "baseUrl": "https://yjj.example.gov.cn/portal/",
       "regionCode": "530199"}
      -- catalogue/catalogue.csv --
      编码,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
      aqsc-01-01,安全生产,政策文件,法律法规,法律,条例,20个工作日内,局,政府网站,全社会,主动,县级
      jz-01-01,救灾,救灾资金,资金下拨,金额,条例,20个工作日内,局,政府网站,全社会,主动,县级
      -- catalogue/records/aqsc-01-01.csv --
      索引号,标题,成文日期,发布日期,公开属性,文号,正文
      015583216/2024-00001,关于做好汛期值班工作的通知,2024-03-01,2024-03-05,主动公开,示应急发〔2024〕3号,请各单位做好值班。
      015583216/2024-00002,安全生产大检查方案,2024-04-01,2024-04-08,主动公开,,开展全县安全生产大检查。
      015583216/2024-88801,内部巡查纪要,2024-03-01,2024-03-05,不予公开,,巡查发现七号哨所附近有非法采伐痕迹。
      -- catalogue/records/jz-01-01.csv --
      索引号,标题,成文日期,发布日期,公开属性,正文
      015583216/2024-00011,2024年第一批救灾资金下拨通知,2024-06-01,2024-06-03,主动公开,下拨救灾资金120万元。
      015583216/2025-00012,2025年救灾资金下拨通知,2025-06-01,2025-06-03,主动公开,下拨救灾资金80万元。
      -- catalogue/datasets/funds.csv --
      序号,乡镇,金额
      1,城关镇,12.5
      -- catalogue/datasets/funds.schema.json --
      {"title": "救灾资金下拨明细", "item": "jz-01-01", "published": "2024-08-02", "description": "按乡镇。",
       "columns": [{"name": "序号", "type": "integer"}, {"name": "乡镇", "type": "string"},
                   {"name": "金额", "type": "number", "unit": "万元"}]}
      -- content/about.md --
      title=关于我们
      date=2024-01-05
      ~~~~~~
      本局负责全县应急管理工作。
      """;

  @TempDir static Path tmp;
  static Path whole;
  static Path partA;
  static Path partB;

  @BeforeAll
  static void buildWholeAndParts() throws IOException {
    Txtar site = Txtar.parse(SITE.stripIndent());
    whole = build(site, "whole");
    partA = build(without(site, "catalogue/records/jz-01-01.csv", "catalogue/datasets/"), "a");
    partB = build(without(site, "catalogue/records/aqsc-01-01.csv"), "b");
  }

  static Txtar without(Txtar site, String... prefixes) {
    Map<String, String> files = new TreeMap<>(site.files());
    for (String p : prefixes) files.keySet().removeIf(f -> f.startsWith(p));
    return new Txtar("", files);
  }

  static Path build(Txtar site, String name) throws IOException {
    Path src = site.writeTo(tmp.resolve(name + "-src"));
    Path out = tmp.resolve(name);
    Cli.Run r = Cli.run("build", "-q", "-s", src.toString(), "-o", out.toString());
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    return out;
  }

  /** The export's files (without the merge's SHA256SUMS and marker), path → bytes. */
  static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (!rel.equals("SHA256SUMS") && !rel.equals(".gongkai-output")) m.put(rel, Files.readAllBytes(p));
      }
    }
    return m;
  }

  static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (String k : expected.keySet()) assertArrayEquals(expected.get(k), actual.get(k), k);
  }

  static Cli.Run merge(Path out, Path... parts) {
    List<String> args = new ArrayList<>(List.of("merge", "-q", "-o", out.toString()));
    for (Path p : parts) args.add(p.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void partsMergeIntoTheWholeSitesExportInAnyOrder() throws IOException {
    Map<String, byte[]> expected = files(whole.resolve(SearchEngineExport.DIR));
    String a = new String(files(partA.resolve(SearchEngineExport.DIR)).get("opensearch/bulk-0001.ndjson"),
        StandardCharsets.UTF_8);
    assertTrue(a.contains("r:015583216/2024-00001") && !a.contains("r:015583216/2024-00011") && a.contains("p:about/"),
        "part A holds its domain's records and the shared page");
    Path ab = tmp.resolve("merged-ab");
    Path ba = tmp.resolve("merged-ba");
    assertEquals(ExitCodes.OK, merge(ab, partA, partB).exit());
    assertEquals(ExitCodes.OK, merge(ba, partB.resolve(SearchEngineExport.DIR), partA).exit());
    assertSameFiles(expected, files(ab));
    assertEquals(TreeDigest.of(ab), TreeDigest.of(ba));
    // A merge output is itself a part; merging it again (or with a part it holds) changes nothing.
    Path again = tmp.resolve("merged-again");
    assertEquals(ExitCodes.OK, merge(again, ab, partB).exit());
    assertSameFiles(expected, files(again));
    // Its SHA256SUMS checks every file.
    for (String line : Files.readAllLines(ab.resolve("SHA256SUMS"))) {
      String path = line.substring(66);
      assertEquals(line.substring(0, 64), Checksums.sha256(Files.readAllBytes(ab.resolve(path))), path);
    }
  }

  @Test
  void aDocumentThatDiffersBetweenPartsIsRefused(@TempDir Path dir) throws IOException {
    Txtar site = Txtar.parse(SITE.stripIndent());
    Map<String, String> files = new TreeMap<>(without(site, "catalogue/records/aqsc-01-01.csv").files());
    files.put("content/about.md", "title=关于我们\ndate=2024-01-05\n~~~~~~\n本局负责全县应急管理和防灾减灾工作。\n");
    Path changed = build(new Txtar("", files), "b-changed");
    Cli.Run r = merge(dir.resolve("out"), partA, changed);
    assertEquals(ExitCodes.INPUT, r.exit(), r.err());
    assertTrue(r.err().contains("p:about/") && r.err().contains("differs"), r.err());
    assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
  }

  @Test
  void partsOfAnotherSiteAreRefused(@TempDir Path dir) throws IOException {
    Txtar site = Txtar.parse(SITE.stripIndent().replace("https://yjj.example.gov.cn/portal/", "https://other.example/"));
    Path other = build(without(site, "catalogue/records/aqsc-01-01.csv"), "other");
    Cli.Run r = merge(dir.resolve("out"), partA, other);
    assertEquals(ExitCodes.INPUT, r.exit(), r.err());
    assertTrue(r.err().contains("baseUrl"), r.err());
  }

  @Test
  void anEditedPartIsRefused(@TempDir Path dir) throws IOException {
    Path copy = dir.resolve("copy");
    copyTree(partB.resolve(SearchEngineExport.DIR), copy);
    Path bulk = copy.resolve("opensearch/bulk-0001.ndjson");
    Files.writeString(bulk, Files.readString(bulk).replace("救灾资金", "救灾物资"));
    Cli.Run r = merge(dir.resolve("out"), partA, copy);
    assertEquals(ExitCodes.INPUT, r.exit(), r.err());
    assertTrue(r.err().contains("SHA-256"), r.err());

    Path settings = dir.resolve("settings");
    copyTree(partB.resolve(SearchEngineExport.DIR), settings);
    Files.writeString(settings.resolve("opensearch/mapping.json"), "{}\n");
    r = merge(dir.resolve("out"), partA, settings);
    assertEquals(ExitCodes.INPUT, r.exit(), r.err());
    assertTrue(r.err().contains("mapping.json"), r.err());
  }

  @Test
  void foldersThatAreNoPartsAndUnsafeOutputsAreRefused(@TempDir Path dir) throws IOException {
    Cli.Run r = merge(dir.resolve("out"), partA, dir.resolve("missing"));
    assertEquals(ExitCodes.USAGE, r.exit(), r.err());
    Files.createDirectories(dir.resolve("empty"));
    r = merge(dir.resolve("out"), partA, dir.resolve("empty"));
    assertEquals(ExitCodes.INPUT, r.exit(), r.err());
    assertTrue(r.err().contains("manifest.json"), r.err());
    Path mine = dir.resolve("documents");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("notes.txt"), "mine");
    r = merge(mine, partA, partB);
    assertEquals(ExitCodes.USAGE, r.exit(), r.err());
    assertEquals("mine", Files.readString(mine.resolve("notes.txt")), "a folder gongkai did not write is kept");
  }

  /** Parts written with small files merge into the same small files as the export of all their documents. */
  @Test
  void multiFilePartsMergeIntoTheExportOfTheUnion(@TempDir Path dir) throws Exception {
    String base = "https://x.example/";
    List<SearchDoc> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      all.add(new SearchDoc(String.format(java.util.Locale.ROOT, "r:015583216/2024-%05d", i), "record", "第" + i + "号通知 應急", "示应急〔2024〕"
          + i + "号", "正文".repeat(i * 7), "records/015583216-2024-" + i + "/", "2024-03-05", "2024", "aqsc",
          "aqsc-01-01", "局", "有效", ""));
    }
    List<SearchDoc> shared = List.of(new SearchDoc("p:about/", "page", "关于", "", "本局", "about/", "", "", "", "",
        "局", "", ""));
    List<SearchDoc> a = new ArrayList<>(all.subList(0, 35));
    a.addAll(shared);
    List<SearchDoc> b = new ArrayList<>(all.subList(35, 60));
    b.addAll(shared);
    all.addAll(shared);
    long limit = 2048;
    write(SearchEngineExport.build(a, base, limit), dir.resolve("a"));
    write(SearchEngineExport.build(b, base, limit), dir.resolve("b"));
    Map<String, byte[]> expected = new TreeMap<>();
    for (ExportFile f : SearchEngineExport.build(all, base, limit)) {
      expected.put(f.path().substring(SearchEngineExport.DIR.length()), f.data());
    }
    assertTrue(expected.containsKey("opensearch/bulk-0004.ndjson"), "several files: " + expected.keySet());
    Map<String, byte[]> merged = new TreeMap<>();
    for (ExportFile f : SearchEngineMerge.merge(List.of(dir.resolve("b"), dir.resolve("a")))) {
      merged.put(f.path(), f.data());
    }
    assertSameFiles(expected, merged);
  }

  static void write(List<ExportFile> files, Path root) throws IOException {
    for (ExportFile f : files) {
      Path p = root.resolve(f.path());
      Files.createDirectories(p.getParent());
      Files.write(p, f.data());
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }
}
