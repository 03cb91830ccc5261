package dev.gongkai.load;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.RawMarkupEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uses jbake-core 2.6.7's own header parser as an oracle: every Markdown page under {@code content/} (except the
 * header-less record bodies in {@code content/documents/}) must give the same header keys and values and the same
 * body in JBake as in {@link FrontMatter}. Only {@code MarkupEngine.parse(JBakeConfiguration, File)} is used (through
 * {@link RawMarkupEngine}, which keeps the body raw, so no Markdown renderer is needed); JBake's Oven, Crawler and
 * OrientDB are never touched. The inline cases pin down where the two parsers agree and, where JBake deliberately
 * differs, assert that difference so a change on either side shows up here.
 *
 * <p>JBake 2.6.7 behaviour this relies on (read from its bytecode): lines are read with {@code IOUtils.readLines}
 * (LF, CRLF and lone CR all end a line; a UTF-8 BOM is dropped); the header is every line above the first line
 * that is exactly {@code header.separator} ({@code ~~~~~~}), valid only if each non-empty line there contains '='
 * and a {@code type=} line exists ({@code default.type} is empty) — otherwise {@code parse} returns null; each
 * header line is split at its first '=' and key and value are {@code String.trim()}med; {@code date} becomes a
 * {@link Date} via {@code new SimpleDateFormat(date.format)} (lenient, default time zone); the body is each line
 * after the separator followed by "\n".
 */
class JbakeCompatibilityTest {
  @TempDir static Path jbakeSource;

  static JBakeConfiguration config;

  @BeforeAll
  static void configureJbake() throws Exception {
    // The factory only reads default.properties (from the jar), an absent jbake.properties and system properties.
    config = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(
        jbakeSource.toFile(), jbakeSource.resolve("output").toFile(), false);
    Files.createDirectories(jbakeSource.resolve("content"));
    // The JBake defaults every assertion below is written against.
    assertEquals("~~~~~~", config.getHeaderSeparator());
    assertEquals("yyyy-MM-dd", config.getDateFormat());
    assertEquals("UTF-8", config.getRenderEncoding());
    assertEquals("draft", config.getDefaultStatus());
    assertEquals("", config.getDefaultType());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The repository's own pages.

  @TestFactory
  Stream<DynamicTest> everyContentPageParsesTheSameInJbake() throws IOException {
    SourceTree tree = new SourceTree(Path.of(""));
    List<Path> pages = tree.files(InputLoader.CONTENT_DIR, new Diagnostics(), ".md").stream()
        .filter(p -> !tree.rel(p).startsWith(InputLoader.DOCUMENTS_DIR + "/"))
        .toList();
    assertFalse(pages.isEmpty(), "no Markdown pages found under content/ (run from the repository root)");
    return pages.stream().map(p -> dynamicTest(tree.rel(p), () -> assertAgree(parseBoth(tree, p))));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Inline cases where both parsers agree.

  @Test
  void spacesAroundEqualsAreTrimmedByBoth() throws IOException {
    Both b = parseBoth("spaces.md",
        "title = 关于我们 \n type= page\nstatus =published\n\nnav =  2\t\n~~~~~~\n正文\n");
    assertAgree(b);
    assertEquals(Map.of("title", "关于我们", "type", "page", "status", "published", "nav", "2"), b.oursHeader());
  }

  @Test
  void valueContainingEqualsIsSplitAtTheFirstEqualsByBoth() throws IOException {
    Both b = parseBoth("equals.md", page("link=https://www.example.gov.cn/list?page=2&size=20\nformula=a=b=c\n"));
    assertAgree(b);
    assertEquals("https://www.example.gov.cn/list?page=2&size=20", b.jbake().get("link"));
    assertEquals("a=b=c", b.jbake().get("formula"));
  }

  @Test
  void crlfLineEndsAgreeAndTheBodyComesOutWithLf() throws IOException {
    Both b = parseBoth("crlf.md",
        "title=关于我们\r\ntype=page\r\nstatus=published\r\ndate=2024-01-05\r\n~~~~~~\r\n第一行\r\n第二行\r\n");
    assertAgree(b);
    assertEquals("关于我们", b.jbake().get("title"));
    assertEquals("第一行\n第二行\n", b.jbake().get("body"));
    assertEquals("第一行\n第二行\n", b.ours().body());
  }

  @Test
  void loneCrLineEndsAgree() throws IOException {
    // Old Mac line ends, which SourceText also treats as line breaks.
    Both b = parseBoth("cr.md", "title=关于我们\rtype=page\rstatus=published\r~~~~~~\r第一行\r第二行\r");
    assertAgree(b);
    assertEquals("第一行\n第二行\n", b.jbake().get("body"));
  }

  @Test
  void chineseValuesAndCustomKeysAgree() throws IOException {
    Both b = parseBoth("incident.md",
        "title=示例县“7·16”暴雨洪涝灾害（Ⅳ级响应）\ntype=incident\nstatus=published\ndate=2025-07-16\n"
            + "level=橙\nstart=2025-07-16 05:40\nstate=已结束\ncategory=基本情况、应对措施\n~~~~~~\n"
            + "截至7时，河口镇累计雨量98.6毫米。\n");
    assertAgree(b);
    assertEquals("示例县“7·16”暴雨洪涝灾害（Ⅳ级响应）", b.jbake().get("title"));
    assertEquals("2025-07-16 05:40", b.jbake().get("start")); // only the key "date" is parsed as a date
  }

  @Test
  void emptyHeaderValuesAreEmptyStringsInBoth() throws IOException {
    Both b = parseBoth("empty.md", page("summary=\nkeywords=   \n"));
    assertAgree(b);
    assertEquals("", b.jbake().get("summary"));
    assertEquals("", b.jbake().get("keywords"));
    assertEquals("", b.ours().get("summary").orElseThrow().value());
  }

  @Test
  void utf8BomIsDroppedByBoth() throws IOException {
    byte[] text = page("").getBytes(UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Both b = parseBoth("bom.md", withBom);
    assertAgree(b);
    assertTrue(b.jbake().containsKey("title"));
  }

  @Test
  void blankHeaderLinesAndALaterSeparatorInTheBodyAgree() throws IOException {
    Both b = parseBoth("second-sep.md",
        "\ntitle=关于我们\n\ntype=page\nstatus=published\n~~~~~~\n上\n~~~~~~\n下\n");
    assertAgree(b);
    assertEquals("上\n~~~~~~\n下\n", b.jbake().get("body"));
  }

  @Test
  void bodyWithoutFinalNewlineDiffersOnlyByTheNewlineJbakeAppends() throws IOException {
    Both b = parseBoth("no-eol.md", header("") + "第一行\n第二行");
    assertAgree(b);
    // JBake appends "\n" after every body line, the last one included; we keep the text as written.
    assertEquals("第一行\n第二行", b.ours().body());
    assertEquals("第一行\n第二行\n", b.jbake().get("body"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Inline cases where JBake deliberately differs from us: the difference is asserted, not hidden.

  @Test
  void fullWidthSpaceAroundAValueIsStrippedByUsButKeptByJbake() throws IOException {
    Both b = parseBoth("ideographic.md", page("summary=\u3000关于我们\u3000\n"));
    // JBake uses String.trim(), which only removes characters <= U+0020; we use String.strip(), which also removes
    // U+3000 IDEOGRAPHIC SPACE that Chinese input methods type (see Cell.trimmed).
    assertEquals("关于我们", b.ours().get("summary").orElseThrow().value());
    assertEquals("\u3000关于我们\u3000", b.jbake().get("summary"));
  }

  @Test
  void separatorLongerThanSixTildesIsAHeaderForUsButNotForJbake() throws IOException {
    Both b = parseBoth("long-sep.md", "title=关于我们\ntype=page\nstatus=published\n~~~~~~~~~~\n正文\n");
    // We accept a line of six or more '~'; JBake's header.separator must match the whole line exactly, so it finds
    // no header, then no type, and skips the file (parse returns null).
    assertTrue(b.ours().hasHeader());
    assertEquals("关于我们", b.ours().get("title").orElseThrow().value());
    assertNull(b.jbake());
  }

  @Test
  void separatorWithTrailingSpacesIsAHeaderForUsButNotForJbake() throws IOException {
    Both b = parseBoth("sep-spaces.md", "title=关于我们\ntype=page\nstatus=published\n~~~~~~  \n正文\n");
    // We strip the separator line; JBake looks the header up with List.indexOf("~~~~~~"), an exact match, so a
    // trailing space (common after copy-paste from Word/WPS) makes the whole file header-less and skipped.
    assertTrue(b.ours().hasHeader());
    assertNull(b.jbake());
  }

  @Test
  void headerLineWithoutEqualsIsReportedByUsWhileJbakeDropsTheWholeHeader() throws IOException {
    Both b = parseBoth("no-equals.md", "title=关于我们\n这一行没有等号\ntype=page\nstatus=published\n~~~~~~\n正文\n");
    // We report the bad line at its position and keep the rest; JBake decides the file has no header at all (it
    // only logs "Property found without assignment") and, lacking a type, skips it.
    assertEquals(List.of(Code.FRONTMATTER_INVALID), codes(b.diags()));
    assertEquals("page", b.ours().get("type").orElseThrow().value());
    assertNull(b.jbake());
  }

  @Test
  void duplicateKeyKeepsTheFirstValueForUsAndTheLastForJbake() throws IOException {
    Both b = parseBoth("duplicate.md", page("nav=1\nnav=2\n"));
    // We keep the first value and report the second line; JBake's Map.put silently lets the last one win.
    assertEquals("1", b.ours().get("nav").orElseThrow().value());
    assertEquals(List.of(Code.FRONTMATTER_INVALID), codes(b.diags()));
    assertEquals("2", b.jbake().get("nav"));
  }

  @Test
  void lineStartingWithEqualsIsReportedByUsButStoredUnderAnEmptyKeyByJbake() throws IOException {
    Both b = parseBoth("empty-key.md", page("=孤立的值\n"));
    assertEquals(List.of(Code.FRONTMATTER_INVALID), codes(b.diags()));
    assertFalse(b.oursHeader().containsKey(""));
    assertEquals("孤立的值", b.jbake().get(""));
  }

  @Test
  void jsonLookingValueIsParsedByJbakeButKeptAsTextByUs() throws IOException {
    Both b = parseBoth("json.md", page("map={\"lat\":25.04,\"lng\":102.71}\n"));
    // JBake runs any value that starts with '{' and ends with '}' through json-simple; we keep every value as text.
    assertEquals("{\"lat\":25.04,\"lng\":102.71}", b.ours().get("map").orElseThrow().value());
    Map<?, ?> parsed = assertInstanceOf(Map.class, b.jbake().get("map"));
    assertEquals(25.04, parsed.get("lat"));
  }

  @Test
  void tagsAreSplitByJbakeButKeptAsTextByUs() throws IOException {
    Both b = parseBoth("tags.md", page("tags=防汛, 救灾\n"));
    // JBake treats the key "tags" specially (comma-split, each trimmed); we have no tags and keep the text.
    assertEquals("防汛, 救灾", b.ours().get("tags").orElseThrow().value());
    assertArrayEquals(new String[] {"防汛", "救灾"}, (String[]) b.jbake().get("tags"));
  }

  @Test
  void jbakeParsesDatesLenientlyWhereWeKeepTheTextForValidation() throws IOException {
    // JBake's SimpleDateFormat is lenient: it ignores trailing text and rolls impossible days over. We keep the
    // text; ContentValidator then rejects both values (DATE_INVALID) instead of silently publishing another date.
    Both withTime = parseBoth("date-time.md", header("date=2025-07-16 05:40\n") + "正文\n");
    assertEquals("2025-07-16 05:40", withTime.ours().get("date").orElseThrow().value());
    assertEquals("2025-07-16 00:00", format("yyyy-MM-dd HH:mm", withTime.jbake().get("date")));

    Both impossible = parseBoth("date-feb30.md", header("date=2025-02-30\n") + "正文\n");
    assertEquals("2025-02-30", impossible.ours().get("date").orElseThrow().value());
    assertEquals("2025-03-02", format("yyyy-MM-dd", impossible.jbake().get("date")));
  }

  @Test
  void missingDateIsAbsentForUsButTheFileTimeForJbake() throws IOException {
    Both b = parseBoth("no-date.md", header("") + "正文\n");
    assertTrue(b.ours().get("date").isEmpty());
    assertEquals(new Date(b.file().lastModified()), b.jbake().get("date"));
  }

  @Test
  void missingStatusOrTypeGetsDifferentDefaults() throws IOException {
    // Without status, JBake's default.status makes the page a draft (not published), while ContentValidator
    // defaults it to "published": a real divergence, which is why every content/ page must state its status.
    Both noStatus = parseBoth("no-status.md", "title=关于我们\ntype=page\n~~~~~~\n正文\n");
    assertTrue(noStatus.ours().get("status").isEmpty());
    assertEquals("draft", noStatus.jbake().get("status"));

    // Without type, JBake (empty default.type) skips the file; ContentValidator defaults it to "page".
    Both noType = parseBoth("no-type.md", "title=关于我们\nstatus=published\n~~~~~~\n正文\n");
    assertTrue(noType.ours().hasHeader());
    assertNull(noType.jbake());
  }

  @Test
  void emptyBodyIsEmptyForUsButTheWholeFileForJbake() throws IOException {
    String text = "title=关于我们\ntype=page\nstatus=published\n~~~~~~\n";
    Both b = parseBoth("empty-body.md", text);
    // JBake falls back to the whole file (header included) when nothing follows the separator.
    assertEquals("", b.ours().body());
    assertEquals(text, b.jbake().get("body"));
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** One file parsed by both; {@code jbake} is null when JBake skips the file. */
  record Both(File file, PageSource ours, Diagnostics diags, Map<String, Object> jbake) {
    Map<String, String> oursHeader() {
      return ours.header().stream().collect(Collectors.toMap(
          PageSource.HeaderEntry::key, h -> h.value().value(), (a, b) -> a, TreeMap::new));
    }
  }

  static Both parseBoth(String name, String text) throws IOException {
    return parseBoth(name, text.getBytes(UTF_8));
  }

  static Both parseBoth(String name, byte[] bytes) throws IOException {
    Path p = jbakeSource.resolve("content").resolve(name);
    Files.write(p, bytes);
    return parseBoth(new SourceTree(jbakeSource), p);
  }

  /** Reads the file the way InputLoader does, and hands the same file to JBake. */
  static Both parseBoth(SourceTree tree, Path p) {
    Diagnostics diags = new Diagnostics();
    SourceText src = tree.read(p, UTF_8, diags)
        .orElseThrow(() -> new AssertionError("could not read " + p + ": " + diags.sorted()));
    PageSource ours = FrontMatter.parse(src, diags);
    // A fresh engine per file: MarkupEngine keeps the configuration of its last parse in a field.
    Map<String, Object> jbake = new RawMarkupEngine().parse(config, p.toFile());
    return new Both(p.toFile(), ours, diags, jbake);
  }

  /** The page must parse cleanly on our side and JBake must see exactly the same header and body. */
  static void assertAgree(Both b) {
    String where = b.ours().path();
    assertEquals(List.of(), b.diags().sorted().stream().map(Diagnostic::toString).toList(),
        where + ": our parser reported problems");
    assertTrue(b.ours().hasHeader(), where + ": no ~~~~~~ header for us");
    assertNotNull(b.jbake(), where + ": JBake skipped the file (no header it accepts, or no type)");

    Map<String, String> expected = b.oursHeader();
    Map<String, String> actual = new TreeMap<>();
    for (Map.Entry<String, Object> e : b.jbake().entrySet()) {
      if (!e.getKey().equals("body")) actual.put(e.getKey(), asHeaderText(e.getValue()));
    }
    if (!expected.containsKey("date")) {
      // JBake fills a missing date with the file's modification time; we leave it absent. Not a header difference.
      assertEquals(new Date(b.file().lastModified()), b.jbake().get("date"), where + ": JBake's default date");
      actual.remove("date");
    }
    assertEquals(expected, actual, where + ": header keys/values differ (ours vs JBake)");

    // JBake writes "\n" after every body line; we keep the text's own final line end, if any.
    String body = b.ours().body();
    assertFalse(body.isEmpty(), where + ": empty body (JBake would use the whole file as the body)");
    assertEquals(body.endsWith("\n") ? body : body + "\n", b.jbake().get("body"), where + ": body differs");
  }

  /**
   * JBake's value as the header text it must have come from: strings as they are, dates formatted back with
   * date.format (so JBake's lenient parsing of e.g. 2025-02-30 shows up as a difference). Anything else (tags
   * array, JSON object) is shown with its type, so the comparison fails readably.
   */
  static String asHeaderText(Object v) {
    if (v instanceof String s) return s;
    if (v instanceof Date d) return format(config.getDateFormat(), d);
    if (v instanceof Object[] a) return a.getClass().getSimpleName() + Arrays.toString(a);
    return v == null ? "<null>" : v.getClass().getName() + ":" + v;
  }

  static String format(String pattern, Object date) {
    if (!(date instanceof Date d)) return fail("not a java.util.Date: " + date);
    return new SimpleDateFormat(pattern).format(d);
  }

  /** A valid header (title, type, status) with extra lines, up to and including the separator. */
  static String header(String extraHeader) {
    return "title=关于我们\ntype=page\nstatus=published\n" + extraHeader + "~~~~~~\n";
  }

  /** A whole valid page with a date, extra header lines and a one-line body. */
  static String page(String extraHeader) {
    return header("date=2024-01-05\n" + extraHeader) + "正文\n";
  }

  static List<Code> codes(Diagnostics diags) {
    return diags.sorted().stream().map(Diagnostic::code).toList();
  }
}
