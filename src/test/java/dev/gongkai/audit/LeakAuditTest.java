package dev.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.index.SearchDoc;
import dev.gongkai.index.SearchDocs;
import dev.gongkai.index.SearchIndex;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Site;
import dev.gongkai.testing.Txtar;
import dev.gongkai.validate.SiteValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak audit on real builds: a canary site whose withheld records have distinctive titles, bodies and 文号 must
 * scan clean when built normally, and every way of leaking them (a content page, a template, full-width spelling, an
 * xlsx, a gzip shard, the apply page, the search index, a copied attachment) must be caught with the record and the
 * file.
 */
class LeakAuditTest {
  static final String WITHHELD_NO = "530100/2024-00077";
  static final String WITHHELD_TITLE = "青龙峡尾矿库2024年闭库隐患核查内部纪要（QLX-07）";
  static final String WITHHELD_TITLE_FULL_WIDTH = "青龙峡尾矿库２０２４年闭库\n隐患核查内部纪要（ＱＬＸ－０７）";
  static final String WITHHELD_DOC_NO = "金应急密〔2024〕77号";
  static final String WITHHELD_SENTENCE = "核查组于三月二日夜间进入青龙峡尾矿库坝体，发现排洪隧洞存在渗漏";
  static final String ON_REQUEST_NO = "530100/2024-00088";
  static final String ON_REQUEST_TITLE = "白鹭湾化工园区危化品仓储事故责任认定卷宗";
  static final String ON_REQUEST_SENTENCE = "卷宗收录白鹭湾园区仓储事故的询问笔录与责任认定意见";
  static final String CANARY_ATTACHMENT = "附件：青龙峡坝体渗漏点位图说明（内部）CANARY-7Q2\n";

  static final String SITE = """
      Canary records: one 不予公开 (with 文号, a body and an attachment), one 依申请公开; published ones around them.
      -- catalogue/site.json --
      {"title": "金丝县应急管理局政府信息公开", "agency": "金丝县应急管理局", "baseUrl": "https://leak.example/",
       "regionCode": "530100", "options": {"pageSize": 5, "listOnRequest": LIST_ON_REQUEST, "applyGuide": "请通过信函提出申请。"}}
      -- catalogue/catalogue.csv --
      code,domain,level1,level2,content,basis,time_limit,publisher,channels,audience,mode,level
      aqsc-01-01,安全生产,政策文件,其他政策文件,工作计划等,《条例》,信息形成或变更之日起20个工作日内,县应急管理局,政府网站,全社会,主动,县级
      -- catalogue/records/all.csv --
      索引号,标题,成文日期,发布日期,文号,公开属性,事项,正文,附件
      530100/2024-00001,关于印发2024年安全生产工作要点的通知,2024-02-01,2024-02-05,金应急发〔2024〕1号,主动公开,aqsc-01-01,"各乡镇：

      现将《2024年安全生产工作要点》印发给你们。请各乡镇结合实际认真贯彻落实。",
      530100/2024-00002,关于开展尾矿库汛前安全检查的通知,2024-03-02,2024-03-08,金应急发〔2024〕2号,主动公开,aqsc-01-01,请各乡镇于四月底前完成辖区尾矿库汛前安全检查。,
      530100/2024-00077,青龙峡尾矿库2024年闭库隐患核查内部纪要（QLX-07）,2024-03-01,2024-03-05,金应急密〔2024〕77号,不予公开,aqsc-01-01,"## 青龙峡尾矿库2024年闭库隐患核查内部纪要（QLX-07）

      核查组于三月二日夜间进入青龙峡尾矿库坝体，发现排洪隧洞存在渗漏。会议要求暂缓对外通报核查结论，由分管领导另行研究。

      请各乡镇结合实际认真贯彻落实。",att/qlx-canary.txt
      530100/2024-00088,白鹭湾化工园区危化品仓储事故责任认定卷宗,2024-03-01,2024-03-06,,依申请公开,aqsc-01-01,卷宗收录白鹭湾园区仓储事故的询问笔录与责任认定意见。,
      -- content/about.md --
      title=机构职能
      ~~~~~~
      金丝县应急管理局负责全县应急管理工作。
      -- content/att/qlx-canary.txt --
      CANARY_ATTACHMENT
      """;

  // ------------------------------------------------------------------------------------------------ helpers

  /** The canary site (plus {@code extra} files) written under {@code dir}. */
  static Path site(Path dir, boolean listOnRequest, String extra) throws IOException {
    String text = SITE.stripIndent()
        .replace("LIST_ON_REQUEST", String.valueOf(listOnRequest))
        .replace("CANARY_ATTACHMENT\n", CANARY_ATTACHMENT);
    Txtar base = Txtar.parse(text);
    return (extra.isEmpty() ? base : Txtar.parse(extra.stripIndent()).over(base)).writeTo(dir);
  }

  static Site load(Path src) throws IOException {
    Diagnostics d = new Diagnostics();
    return SiteValidator.validate(InputLoader.load(new SourceTree(src), d), d).orElseThrow();
  }

  /**
   * Builds the site and audits what was written. When SiteBuild runs the audit itself, a leaky build fails and its
   * errors are the leaks (nothing else may fail it); otherwise the committed output is scanned here.
   */
  static List<Diagnostic> buildAndScan(Path src, Path out) throws IOException {
    BuildResult r = SiteBuild.run(new BuildRequest(src, out), Progress.NONE);
    if (!r.ok()) {
      List<Diagnostic> errors = r.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
      assertFalse(errors.isEmpty());
      assertTrue(errors.stream().allMatch(d -> d.code() == Code.LEAK), () -> "build failed: " + errors);
      return errors;
    }
    return LeakAudit.scan(out, load(src), null);
  }

  static DisclosureRecord record(Site site, String indexNo) {
    return site.records().stream().filter(r -> r.indexNo().equals(indexNo)).findFirst().orElseThrow();
  }

  /** Asserts exactly one leak of {@code record}'s {@code what} ("title", "index number", …), naming {@code file}. */
  static void assertLeak(List<Diagnostic> leaks, DisclosureRecord record, String what, String text, String file) {
    List<Diagnostic> matching = leaks.stream()
        .filter(d -> d.location().equals(record.origin()) && d.messageEn().startsWith("the " + what + " of record "))
        .toList();
    assertEquals(1, matching.size(), () -> what + " of " + record.indexNo() + " in " + leaks);
    Diagnostic d = matching.get(0);
    assertEquals(Code.LEAK, d.code());
    assertTrue(d.isError());
    assertEquals(text, d.text());
    assertTrue(d.messageEn().contains("record " + record.indexNo() + " "), d.messageEn());
    assertTrue(d.messageEn().contains("appears in the output: " + file), d.messageEn());
    assertTrue(d.messageZh().contains(record.indexNo()), d.messageZh());
    if (!file.startsWith("stored field ")) assertTrue(d.messageZh().contains("出现在输出中：" + file), d.messageZh());
  }

  static String summary(List<Diagnostic> leaks) {
    List<String> s = new ArrayList<>();
    for (Diagnostic d : leaks) s.add(d.location() + " " + d.messageEn() + " | " + d.text());
    return String.join("\n", s);
  }

  // ------------------------------------------------------------------------------------------------ clean builds

  @Test
  void theNeedleMemoGivesWhatMatchingEveryTextGives(@TempDir Path tmp) throws IOException {
    Site site = load(site(tmp.resolve("site"), false, ""));
    List<LeakNeedles.Needle> needles = LeakNeedles.candidates(record(site, WITHHELD_NO));
    List<String> texts = new ArrayList<>(site.records().stream()
        .filter(x -> x.disclosure() == Disclosure.ACTIVE)
        .map(x -> x.markdown() == null ? "" : x.markdown()).toList());
    LeakNeedles.Distinct first = LeakNeedles.distinctive(needles, texts, NeedleMemo.empty());
    assertEquals(LeakNeedles.distinctive(needles, texts), first.needles());
    assertTrue(first.memo().witnesses().size() > 0, "the boilerplate sentence has a witness");

    // Kept as the build cache keeps it, then step by step: a text gains a withheld sentence (it stops being
    // distinctive), the witness of the boilerplate is removed (it is looked for again, and found elsewhere or not),
    // the sentence leaves again.
    first.memo().write(tmp.resolve("memo.bin"));
    NeedleMemo memo = NeedleMemo.read(tmp.resolve("memo.bin")).orElseThrow();
    assertEquals(first.memo().witnesses(), memo.witnesses());
    assertTrue(first.needles().stream().anyMatch(n -> n.text().equals(WITHHELD_SENTENCE)));
    List<List<String>> steps = new ArrayList<>();
    texts.set(0, texts.get(0) + "\n" + WITHHELD_SENTENCE + "。");
    steps.add(List.copyOf(texts));
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i).contains("请各乡镇结合实际认真贯彻落实")) texts.set(i, "改写后的正文。");
    }
    steps.add(List.copyOf(texts));
    texts.set(0, "");
    texts.add("请各乡镇结合实际认真贯彻落实。");
    steps.add(List.copyOf(texts));
    for (List<String> step : steps) {
      LeakNeedles.Distinct d = LeakNeedles.distinctive(needles, step, memo);
      assertEquals(LeakNeedles.distinctive(needles, step), d.needles(), "same as matching every text");
      memo = d.memo();
    }
    List<String> kept = LeakNeedles.distinctive(needles, steps.get(0), NeedleMemo.empty()).needles().stream()
        .map(LeakNeedles.Needle::text).toList();
    assertFalse(kept.contains(WITHHELD_SENTENCE), "published now: not distinctive");
    // Other candidates (another withheld record) make the memo useless, not wrong.
    List<LeakNeedles.Needle> fewer = needles.subList(1, needles.size());
    assertEquals(LeakNeedles.distinctive(fewer, texts), LeakNeedles.distinctive(fewer, texts, memo).needles());
  }

  @Test
  void canarySiteBuildsCleanAndItsNeedlesAreThere(@TempDir Path tmp) throws IOException {
    Path src = site(tmp.resolve("site"), false, "");
    Path out = tmp.resolve("out");
    BuildResult r = SiteBuild.run(new BuildRequest(src, out), Progress.NONE);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    Site site = load(src);

    // The audit is armed: each canary has its title, index number, slug, 文号 and body sentences as needles.
    List<LeakNeedles.Needle> needles = LeakNeedles.candidates(record(site, WITHHELD_NO));
    List<String> texts = needles.stream().map(LeakNeedles.Needle::text).toList();
    assertTrue(texts.containsAll(List.of(WITHHELD_TITLE, WITHHELD_NO, "530100-2024-00077", WITHHELD_DOC_NO,
        WITHHELD_SENTENCE, "会议要求暂缓对外通报核查结论，由分管领导另行研究")), texts::toString);
    // The heading repeats the title: not a second needle.
    assertEquals(1, texts.stream().filter(WITHHELD_TITLE::equals).count());

    // "请各乡镇结合实际认真贯彻落实" is boilerplate a published record has too: not distinctive, not searched for.
    List<DisclosureRecord> published =
        site.records().stream().filter(x -> x.disclosure() == Disclosure.ACTIVE).toList();
    List<String> kept = LeakNeedles.distinctive(needles, published.stream().map(x -> x.markdown()).toList())
        .stream().map(LeakNeedles.Needle::text).toList();
    assertTrue(texts.contains("请各乡镇结合实际认真贯彻落实"), texts::toString);
    assertFalse(kept.contains("请各乡镇结合实际认真贯彻落实"), kept::toString);
    assertTrue(kept.contains(WITHHELD_SENTENCE), kept::toString);

    assertEquals(List.of(), LeakAudit.scan(out, site, null), "clean build");
    // The build's own search index is clean too.
    try (Directory index = SearchIndex.build(SearchDocs.of(DisclosureGate.apply(site)));
        DirectoryReader reader = DirectoryReader.open(index)) {
      assertEquals(List.of(), LeakAudit.scan(out, site, reader));
    }
  }

  @Test
  void exampleSiteScansClean(@TempDir Path tmp) throws IOException {
    Path example = Path.of("").toAbsolutePath();
    Path out = tmp.resolve("public");
    BuildResult r = SiteBuild.run(new BuildRequest(example, out), Progress.NONE);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    Site site = load(example);
    List<DisclosureRecord> withheld =
        site.records().stream().filter(x -> x.disclosure() != Disclosure.ACTIVE).toList();
    assertTrue(withheld.size() >= 8, "withheld: " + withheld.size());
    assertTrue(withheld.stream().allMatch(x -> x.indexNo().matches(".*-888\\d\\d")), withheld::toString);
    try (Directory index = SearchIndex.build(SearchDocs.of(DisclosureGate.apply(site)));
        DirectoryReader reader = DirectoryReader.open(index)) {
      List<Diagnostic> leaks = LeakAudit.scan(out, site, reader);
      assertEquals("", summary(leaks));
    }
  }

  // ------------------------------------------------------------------------------------------------ leaks

  @Test
  void contentPageQuotingAWithheldBodyIsALeak(@TempDir Path tmp) throws IOException {
    // The quote is split by inline markup and wrapped over two lines: still the same sentence.
    Path src = site(tmp.resolve("site"), false, """
        -- content/leak.md --
        title=工作动态
        ~~~~~~
        据了解，核查组于三月二日夜间进入**青龙峡尾矿库坝体**，
        发现排洪隧洞存在渗漏。
        """);
    List<Diagnostic> leaks = buildAndScan(src, tmp.resolve("out"));
    Site site = load(src);
    assertLeak(leaks, record(site, WITHHELD_NO), "body text", WITHHELD_SENTENCE, "leak/index.html");
    assertEquals(1, leaks.size(), () -> summary(leaks));
  }

  @Test
  void templateWithAHardCodedWithheldTitleIsALeak(@TempDir Path tmp) throws IOException {
    String bundled = Files.readString(Path.of("site-templates/index.html"), StandardCharsets.UTF_8);
    assertTrue(bundled.contains("</main>"));
    String leaky = bundled.replace("</main>", "<p>近期工作：" + WITHHELD_TITLE + "</p>\n</main>");
    Path src = site(tmp.resolve("site"), false, "");
    Files.createDirectories(src.resolve("site-templates"));
    Files.writeString(src.resolve("site-templates/index.html"), leaky, StandardCharsets.UTF_8);
    List<Diagnostic> leaks = buildAndScan(src, tmp.resolve("out"));
    assertLeak(leaks, record(load(src), WITHHELD_NO), "title", WITHHELD_TITLE, "index.html");
    assertEquals(1, leaks.size(), () -> summary(leaks));
  }

  @Test
  void fullWidthSpellingDoesNotHideALeak(@TempDir Path tmp) throws IOException {
    Path src = site(tmp.resolve("site"), false, """
        -- content/notes.md --
        title=工作笔记
        ~~~~~~
        TITLE
        """.replace("TITLE", WITHHELD_TITLE_FULL_WIDTH));
    List<Diagnostic> leaks = buildAndScan(src, tmp.resolve("out"));
    assertLeak(leaks, record(load(src), WITHHELD_NO), "title", WITHHELD_TITLE, "notes/index.html");
    assertEquals(1, leaks.size(), () -> summary(leaks));
  }

  @Test
  void leaksInsideXlsxAndGzipFilesAreFound(@TempDir Path tmp) throws IOException {
    Path src = site(tmp.resolve("site"), false, "");
    Path out = tmp.resolve("out");
    assertTrue(SiteBuild.run(new BuildRequest(src, out), Progress.NONE).ok());
    Site site = load(src);
    assertEquals(List.of(), LeakAudit.scan(out, site, null));

    // A spreadsheet (fastexcel streams it: ZipInputStream could not read the entries) with the 文号 in a cell.
    Files.createDirectories(out.resolve("data"));
    try (OutputStream os = Files.newOutputStream(out.resolve("data/leak.xlsx"))) {
      Workbook wb = new Workbook(os, "test", "1.0");
      Worksheet ws = wb.newWorksheet("表");
      ws.value(0, 0, "文号");
      ws.value(1, 0, WITHHELD_DOC_NO);
      wb.finish();
    }
    // A display block shard (gzip) holding the on-request record's index number.
    Files.createDirectories(out.resolve("search/d"));
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out.resolve("search/d/99.dat")))) {
      os.write(("\u0001r:" + ON_REQUEST_NO + "\u0002").getBytes(StandardCharsets.UTF_8));
    }
    List<Diagnostic> leaks = LeakAudit.scan(out, site, null);
    assertLeak(leaks, record(site, WITHHELD_NO), "document number", WITHHELD_DOC_NO, "data/leak.xlsx");
    assertLeak(leaks, record(site, ON_REQUEST_NO), "index number", ON_REQUEST_NO, "search/d/99.dat");
    assertEquals(2, leaks.size(), () -> summary(leaks));
  }

  @Test
  void applyPageListingIsAllowedOnlyWhenTheSiteListsOnRequestRecords(@TempDir Path tmp) throws IOException {
    Path src = site(tmp.resolve("site"), true, "");
    Path out = tmp.resolve("out");
    BuildResult r = SiteBuild.run(new BuildRequest(src, out), Progress.NONE);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    String apply = Files.readString(out.resolve(LeakAudit.APPLY_PAGE), StandardCharsets.UTF_8);
    assertTrue(apply.contains(ON_REQUEST_TITLE) && apply.contains(ON_REQUEST_NO), "the listing is on the page");
    Site site = load(src);
    DisclosureRecord onRequest = record(site, ON_REQUEST_NO);
    List<DisclosureRecord> withheld = List.of(record(site, WITHHELD_NO), onRequest);
    List<DisclosureRecord> published =
        site.records().stream().filter(x -> x.disclosure() == Disclosure.ACTIVE).toList();

    assertEquals(List.of(), LeakAudit.scan(out, withheld, published, true, null));
    assertEquals(List.of(), LeakAudit.scan(out, site, null));

    List<Diagnostic> leaks = LeakAudit.scan(out, withheld, published, false, null);
    assertLeak(leaks, onRequest, "title", ON_REQUEST_TITLE, "apply/index.html");
    assertLeak(leaks, onRequest, "index number", ON_REQUEST_NO, "apply/index.html");
    assertEquals(2, leaks.size(), () -> summary(leaks));

    // The exception is the apply page only, and title and index number only.
    Files.writeString(out.resolve("about/index.html"), "<p>" + ON_REQUEST_TITLE + "</p><p>" + ON_REQUEST_SENTENCE
        + "。</p>", StandardCharsets.UTF_8);
    List<Diagnostic> elsewhere = LeakAudit.scan(out, withheld, published, true, null);
    assertLeak(elsewhere, onRequest, "title", ON_REQUEST_TITLE, "about/index.html");
    assertLeak(elsewhere, onRequest, "body text", ON_REQUEST_SENTENCE, "about/index.html");
    assertEquals(2, elsewhere.size(), () -> summary(elsewhere));
  }

  @Test
  void searchIndexAndCopiedAttachmentsAreAudited(@TempDir Path tmp) throws IOException {
    Path src = site(tmp.resolve("site"), false, "");
    Path out = tmp.resolve("out");
    assertTrue(SiteBuild.run(new BuildRequest(src, out), Progress.NONE).ok());
    Site site = load(src);
    DisclosureRecord withheld = record(site, WITHHELD_NO);

    // A gate bug that indexes the withheld record: its stored id, title and url give it away.
    List<SearchDoc> docs = new ArrayList<>(SearchDocs.of(DisclosureGate.apply(site)));
    docs.add(new SearchDoc("r:" + WITHHELD_NO, "record", WITHHELD_TITLE, WITHHELD_DOC_NO, "", withheld.url(),
        "2024-03-05", "2024", "aqsc", "aqsc-01-01", "金丝县应急管理局", "有效", ""));
    try (Directory index = SearchIndex.build(docs); DirectoryReader reader = DirectoryReader.open(index)) {
      List<Diagnostic> leaks = LeakAudit.scan(out, site, reader);
      assertLeak(leaks, withheld, "title", WITHHELD_TITLE,
          "stored field title_s of document r:" + WITHHELD_NO + " in the search index");
      assertLeak(leaks, withheld, "index number", WITHHELD_NO, "stored field id of document r:" + WITHHELD_NO);
      assertLeak(leaks, withheld, "index number (URL form)", "530100-2024-00077", "stored field url of document");
      assertEquals(3, leaks.size(), () -> summary(leaks));
    }

    // The withheld record's attachment copied under another name: found by its bytes.
    assertEquals(1, withheld.attachments().size());
    Files.copy(withheld.attachments().get(0).source(), out.resolve("about/plan.txt"));
    List<Diagnostic> leaks = LeakAudit.scan(out, site, null);
    assertLeak(leaks, withheld, "attachment", "qlx-canary.txt", "about/plan.txt");
    assertEquals(1, leaks.size(), () -> summary(leaks));
  }

  @Test
  void aLeakInManyFilesIsOneDiagnosticCountingTheOthers(@TempDir Path tmp) throws IOException {
    Path src = site(tmp.resolve("site"), false, "");
    Path out = tmp.resolve("out");
    assertTrue(SiteBuild.run(new BuildRequest(src, out), Progress.NONE).ok());
    Site site = load(src);
    for (String f : List.of("b.html", "a.json", "c/d.csv")) {
      Files.createDirectories(out.resolve(f).getParent());
      Files.writeString(out.resolve(f), "\"" + WITHHELD_NO + "\"", StandardCharsets.UTF_8);
    }
    // Not a leak: a longer index number that merely starts with the withheld one.
    Files.writeString(out.resolve("e.txt"), WITHHELD_NO + "1", StandardCharsets.UTF_8);
    List<Diagnostic> leaks = LeakAudit.scan(out, site, null);
    assertEquals(1, leaks.size(), () -> summary(leaks));
    Diagnostic d = leaks.get(0);
    assertEquals("the index number of record 530100/2024-00077 (withheld, 不予公开) appears in the output: "
        + "a.json (and 2 other places)", d.messageEn());
    assertEquals("不予公开的记录 530100/2024-00077 的索引号出现在输出中：a.json（另有 2 处）", d.messageZh());
    assertEquals(record(site, WITHHELD_NO).origin(), d.location());
  }
}
