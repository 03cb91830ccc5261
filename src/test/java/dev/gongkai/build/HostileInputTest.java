package dev.gongkai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.CsvReader;
import dev.gongkai.load.SourceText;
import dev.gongkai.load.Table;
import dev.gongkai.load.TextChecks;
import dev.gongkai.testing.Cli;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad and hostile input that the txtar corpus ({@code src/test/resources/invalid/}) cannot hold: line ends mixed
 * byte by byte, HTML and script in every field (escaped, not an error), symlinks leaving the source, and fields and
 * files of many megabytes. Plus the things that must not be errors: header-only files and mixed line ends.
 */
class HostileInputTest {
  private static final Pattern ERROR_LINE = Pattern.compile("(?m)^(\\S.*?): error\\[([a-z-]+)\\]$");
  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");

  private static Txtar base() throws IOException {
    return Txtar.read(Path.of("src/test/resources/invalid/_base.txtar"));
  }

  private static Path site(Path tmp, String overlay) throws IOException {
    return Txtar.parse(overlay).over(base()).writeTo(tmp.resolve("site"));
  }

  private static BuildResult build(Path src, Path out) throws IOException {
    return SiteBuild.run(new BuildRequest(src, out), Progress.NONE);
  }

  /** The CLI's errors as {@code code path:line:col}, after checking it failed cleanly (exit 1, no stack trace). */
  private static List<String> failingBuild(Path src, Path out) {
    Cli.Run run = Cli.run("build", "--source", src.toString(), "--out", out.toString());
    assertEquals(1, run.exit(), run.err());
    assertFalse(STACK_FRAME.matcher(run.err()).find() || run.err().contains("Caused by:"), run.err());
    List<String> errors = new ArrayList<>();
    Matcher m = ERROR_LINE.matcher(run.err());
    while (m.find()) errors.add(m.group(2) + " " + m.group(1));
    return errors;
  }

  @Test
  void mixedLineEndsAreNotErrorsAndLinesStayRight(@TempDir Path tmp) throws IOException {
    Path src = site(tmp, "");
    // CRLF, LF and a lone CR (Excel for Mac) in one records file; a CRLF page; a body file with CR line ends.
    Files.writeString(src.resolve("catalogue/records/aqsc-01-01.csv"),
        "索引号,标题,成文日期,发布日期,文号,公开属性,正文文件,附件,解读\r\n"
            + "015583216/2024-00001,关于加强汛期安全生产工作的通知,2024-05-06,2024-05-10,测应急发〔2024〕1号,主动公开,"
            + "documents/notice-1.md,documents/plan.pdf,015583216/2024-00002\n"
            + "015583216/2024-00003,内部工作安排,2024-05-06,2024-05-10,,不予公开,,,\r"
            + "015583216/2024-00004,\"多行\r\n标题\",2024-05-06,2024-05-10,,主动公开,,,\r\n",
        StandardCharsets.UTF_8);
    Files.writeString(src.resolve("content/about.md"),
        "title=机构职能\r\ntype=page\r\nstatus=published\r\n~~~~~~\r\n测试县应急管理局\r\n负责全县应急管理工作。\r\n",
        StandardCharsets.UTF_8);
    Files.writeString(src.resolve("content/documents/notice-1.md"), "各乡镇人民政府：\r\r为做好汛期安全生产工作，现通知如下。\r",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("public");
    BuildResult r = build(src, out);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    String about = Files.readString(out.resolve("about/index.html"), StandardCharsets.UTF_8);
    assertTrue(about.contains("负责全县应急管理工作。"), about);
    assertFalse(about.contains("\r"), "no CR reaches the page");
    assertTrue(Files.exists(out.resolve("records/015583216-2024-00004/index.html")));

    // The same file with an error on its fourth line (after CRLF, LF and CR): located on line 4.
    Files.writeString(src.resolve("catalogue/records/aqsc-01-01.csv"),
        "索引号,标题,成文日期,发布日期,公开属性\r\n015583216/2024-00001,一,2024-05-06,2024-05-10,主动公开\n"
            + "015583216/2024-00003,二,2024-05-06,2024-05-10,主动公开\r015583216/2024-00004,三,2024-13-06,2024-05-10,主动公开\r\n",
        StandardCharsets.UTF_8);
    assertEquals(List.of("date-invalid catalogue/records/aqsc-01-01.csv:4:24"), failingBuild(src, tmp.resolve("o2")));
  }

  @Test
  void headerOnlyFilesAreFine(@TempDir Path tmp) throws IOException {
    Path src = site(tmp, """
        -- catalogue/records/jz-01-01.csv --
        索引号,标题,成文日期,发布日期,公开属性
        -- catalogue/records/empty-array.json --
        []
        -- catalogue/datasets/funds.csv --
        序号,乡镇,金额,下拨日期
        """);
    BuildResult r = build(src, tmp.resolve("public"));
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    assertTrue(Files.exists(tmp.resolve("public/datasets/funds/index.html")));
  }

  @Test
  void htmlAndScriptInEveryFieldAreEscapedNotErrors(@TempDir Path tmp) throws IOException {
    String script = "<script>alert(1)</script>";
    Path src = site(tmp, """
        -- catalogue/site.json --
        {
          "title": "测试县<script>alert(1)</script>",
          "agency": "测试县应急管理局<b>",
          "baseUrl": "https://yjj.test.example/",
          "regionCode": "530199",
          "contact": { "phone": "0871-6500000", "address": "\\"><img src=x onerror=alert(1)>" }
        }
        -- catalogue/records/jz-01-01.csv --
        索引号,标题,成文日期,发布日期,文号,公开属性,正文
        015583216/2024-00009,<script>alert(1)</script>关于救灾的通知,2024-05-06,2024-05-10,"<img src=x onerror=alert(1)>",主动公开,"正文<script>alert(1)</script>
        [点我](javascript:alert(1)) <a href=""javascript:alert(1)"" onclick=""alert(1)"">链接</a> <iframe src=""https://evil""></iframe>"
        015583216/2024-00010,[[${7*7}]] 与 __${T(java.lang.Runtime).getRuntime()}__ 模板表达式,2024-05-06,2024-05-10,,主动公开,
        -- catalogue/datasets/funds.csv --
        序号,乡镇,金额,下拨日期
        1,<script>alert(1)</script>,12.5,2024-08-01
        2,"</td></tr><script>alert(1)</script>",8,2024-08-01
        -- catalogue/datasets/funds.schema.json --
        {
          "title": "救灾资金</script><script>alert(1)</script><!--",
          "item": "jz-01-01",
          "description": "说明 <script>alert(1)</script>",
          "primaryKey": ["序号"],
          "columns": [
            {"name": "序号", "type": "integer"},
            {"name": "乡镇", "type": "string", "description": "<b onmouseover=alert(1)>"},
            {"name": "金额", "type": "number", "unit": "万元<script>"},
            {"name": "下拨日期", "type": "date"}
          ]
        }
        -- content/about.md --
        title=<script>alert(1)</script>机构职能
        type=page
        ~~~~~~
        测试县应急管理局负责全县应急管理工作。<script>alert(1)</script>

        <img src="https://evil.example/x.png" onerror="alert(1)"> <style>body{display:none}</style>
        """);
    Path out = tmp.resolve("public");
    BuildResult r = build(src, out);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());

    String record = Files.readString(out.resolve("records/015583216-2024-00009/index.html"), StandardCharsets.UTF_8);
    assertTrue(record.contains("&lt;script&gt;alert(1)&lt;/script&gt;关于救灾的通知"), "the title is shown as text");
    String page = Files.readString(out.resolve("about/index.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;机构职能"), "the page title is shown as text");
    String dataset = Files.readString(out.resolve("datasets/funds/index.html"), StandardCharsets.UTF_8);
    assertTrue(dataset.contains("&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;"), "a cell is shown as text");
    String template = Files.readString(out.resolve("records/015583216-2024-00010/index.html"), StandardCharsets.UTF_8);
    assertTrue(template.contains("[[${7*7}]]") && !template.contains(">49 与"), "data is never evaluated as a template");

    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        String where = out.relativize(f).toString();
        // JSON-LD inside a script element must not be able to close it or open a comment in it; its strings may
        // hold any text (checked here, then left out of the checks below).
        String html = text;
        int ld = text.indexOf("<script type=\"application/ld+json\"");
        if (ld >= 0) {
          int start = text.indexOf('>', ld) + 1;
          int end = text.indexOf("</script>", start);
          String json = text.substring(start, end);
          assertFalse(json.contains("<!--") || json.contains("</"), "JSON-LD can end its element in " + where);
          assertTrue(json.contains("<\\/script>"), "JSON-LD keeps </script> escaped in " + where);
          html = text.substring(0, start) + text.substring(end);
        }
        String checked = html;
        assertFalse(html.contains(script), "a live script element in " + where);
        int live = html.indexOf("<script>alert");
        assertFalse(live >= 0, () -> where + ": " + checked.substring(Math.max(0, live - 200), live + 40));
        assertFalse(html.contains("onerror=\"alert"), where);
        assertFalse(html.contains("onclick=\"alert") || html.contains("onmouseover=alert(1)>"), where);
        assertFalse(html.contains("href=\"javascript:"), "a javascript: link in " + where);
        assertFalse(html.contains("<iframe") || html.contains("<style>body"), where);
      }
    }
  }

  @Test
  void symlinksLeavingTheSourceAreRefused(@TempDir Path tmp) throws IOException {
    Path src = site(tmp, "");
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.pdf"), "%PDF secret");
    Files.writeString(outside.resolve("page.md"), "title=外部\n~~~~~~\n外部文件\n");
    Files.writeString(outside.resolve("site.json"), Files.readString(src.resolve("catalogue/site.json")));
    try {
      // An attachment that is a link to a file outside, a linked folder of pages, a linked site config, a loop.
      Files.delete(src.resolve("content/documents/plan.pdf"));
      Files.createSymbolicLink(src.resolve("content/documents/plan.pdf"), outside.resolve("secret.pdf"));
      Files.createSymbolicLink(src.resolve("content/linked"), outside);
      Files.delete(src.resolve("catalogue/site.json"));
      Files.createSymbolicLink(src.resolve("catalogue/site.json"), outside.resolve("site.json"));
      Files.createSymbolicLink(src.resolve("content/loop"), src.resolve("content"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
    }
    assertEquals(List.of(
        "path-outside catalogue/site.json",
        "path-outside content/documents/plan.pdf",
        "path-outside content/linked",
        "file-unreadable content/loop"), failingBuild(src, tmp.resolve("public")));

    // With a readable config, the attachment link is refused at its cell.
    Files.delete(src.resolve("catalogue/site.json"));
    Files.copy(outside.resolve("site.json"), src.resolve("catalogue/site.json"));
    Files.delete(src.resolve("content/loop"));
    assertEquals(List.of(
        "path-outside catalogue/records/aqsc-01-01.csv:2:100",
        "path-outside content/documents/plan.pdf",
        "path-outside content/linked"), failingBuild(src, tmp.resolve("public")));
    assertFalse(Files.exists(tmp.resolve("public")));

    // A page links to an image that is a link to a file outside: never copied into the site.
    Files.delete(src.resolve("content/linked"));
    Files.delete(src.resolve("content/documents/plan.pdf"));
    Files.writeString(src.resolve("content/documents/plan.pdf"), "%PDF-1.4 test attachment\n");
    Files.createSymbolicLink(src.resolve("content/secret.png"), outside.resolve("secret.pdf"));
    Files.writeString(src.resolve("content/about.md"), "title=机构职能\n~~~~~~\n![图](secret.png)\n");
    assertEquals(List.of("path-outside content/secret.png"), failingBuild(src, tmp.resolve("public")));
    Cli.Run run = Cli.run("build", "--source", src.toString(), "--out", tmp.resolve("public").toString());
    try (Stream<Path> files = Files.exists(tmp.resolve("public")) ? Files.walk(tmp.resolve("public")) : Stream.empty()) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains("%PDF secret"),
            "the outside file was published as " + f + "\n" + run.err());
      }
    }
  }

  @Test
  void aFieldOfSeveralMegabytesIsRefusedQuickly(@TempDir Path tmp) throws IOException {
    Path src = site(tmp, "");
    String huge = "很长的标题".repeat(1_000_000); // 5 million characters, 15 MB of UTF-8
    Files.writeString(src.resolve("catalogue/records/aqsc-01-01.csv"),
        "索引号,标题,成文日期,发布日期,公开属性\n015583216/2024-00001," + huge + ",2024-05-06,2024-05-10,主动公开\n"
            + "015583216/2024-00005,正常的标题,2024-05-06,2024-05-10,主动公开\n", StandardCharsets.UTF_8);
    Files.writeString(src.resolve("catalogue/records/mixed.json"),
        "[{\"索引号\": \"015583216/2024-00002\", \"标题\": \"解读\", \"成文日期\": \"2024-05-08\", \"发布日期\": \"2024-05-10\","
            + " \"公开属性\": \"主动公开\", \"事项\": \"aqsc-01-02\", \"正文\": \"" + huge + "\"}]\n", StandardCharsets.UTF_8);
    long start = System.nanoTime();
    List<String> errors = failingBuild(src, tmp.resolve("public"));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals(List.of("too-large catalogue/records/aqsc-01-01.csv:2:22", "too-large catalogue/records/mixed.json:1:132"),
        errors);
    assertTrue(ms < 20_000, "took " + ms + " ms");
  }

  @Test
  void aHugeFileIsRefusedWithoutBeingRead(@TempDir Path tmp) throws IOException {
    Path src = site(tmp, "");
    Path big = src.resolve("catalogue/records/big.csv");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(TextChecks.MAX_FILE_BYTES + 1); // sparse: no disk used, and never read
    }
    long start = System.nanoTime();
    assertEquals(List.of("too-large catalogue/records/big.csv"), failingBuild(src, tmp.resolve("public")));
    assertTrue((System.nanoTime() - start) / 1_000_000 < 20_000);
  }

  @Test
  void aLargeValidFileIsReadInLinearTime() {
    // 200,000 rows, 25 MB: the reader's time must grow with the size, not its square.
    StringBuilder b = new StringBuilder("索引号,标题,成文日期,发布日期,公开属性,正文\n");
    for (int i = 0; i < 200_000; i++) {
      b.append("015583216/2024-").append(i).append(",关于加强汛期安全生产工作的通知（").append(i)
          .append("）,2024-05-06,2024-05-10,主动公开,\"第一段，\"\"引号\"\"。\n第二段。\"\n");
    }
    long start = System.nanoTime();
    Diagnostics diags = new Diagnostics();
    Table t = CsvReader.read(new SourceText("big.csv", b.toString()), diags).orElseThrow();
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals(0, diags.total(), () -> diags.sorted().toString());
    assertEquals(200_000, t.rows().size());
    assertEquals(400_000, t.rows().get(199_999).location().line(), "two lines a row, after the header");
    assertTrue(ms < 15_000, "took " + ms + " ms");
  }

  @Test
  void diagnosticsOfAHugeBrokenFileAreBounded(@TempDir Path tmp) throws IOException {
    Path src = site(tmp, "");
    StringBuilder b = new StringBuilder("序号,乡镇,金额,下拨日期\n");
    for (int i = 1; i <= 50_000; i++) b.append(i).append(",城关镇,十二万,2024-13-01\n");
    Files.writeString(src.resolve("catalogue/datasets/funds.csv"), b.toString(), StandardCharsets.UTF_8);
    BuildResult r = build(src, tmp.resolve("public"));
    assertFalse(r.ok());
    assertEquals(100_000, r.diagnostics().errorCount(), "every problem is counted");
    assertEquals(Diagnostics.DEFAULT_LIMIT, r.diagnostics().sorted().size(), "but only the first are kept");
    for (Diagnostic d : r.diagnostics().sorted()) {
      assertTrue(d.code() == Code.CELL_TYPE || d.code() == Code.DATE_INVALID, d.toString());
    }
  }
}
