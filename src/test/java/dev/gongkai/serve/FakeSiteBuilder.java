package dev.gongkai.serve;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Location;
import dev.gongkai.diag.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A site builder for tests: writes a handful of small files, or fails with a hostile diagnostic, or throws. */
final class FakeSiteBuilder implements SiteBuilder {
  /** A diagnostic whose texts try to inject markup; the overlay must show them escaped. */
  static final Diagnostic BAD_DATE =
      new Diagnostic(
          new Location("content/公告.md", 3, 7),
          Severity.ERROR,
          Code.DATE_INVALID,
          "日期无效 <script>alert('zh')</script>",
          "invalid date <script>alert(\"en\")</script>",
          "2024-13-45 & <b>bold</b>",
          "请写成 YYYY-MM-DD",
          "write it as YYYY-MM-DD");

  volatile String title = "v1";
  volatile boolean fail;
  volatile RuntimeException crash;
  final AtomicInteger calls = new AtomicInteger();

  @Override
  public BuildOutcome build(Path out) throws Exception {
    calls.incrementAndGet();
    if (crash != null) throw crash;
    if (fail) return BuildOutcome.failure("1 error", List.of(BAD_DATE));
    write(out.resolve("index.html"), "<!DOCTYPE html><html><head><title>" + title + "</title></head>"
        + "<body class=\"home\"><h1>" + title + "</h1></body></html>");
    write(out.resolve("404.html"), "<html><body><h1>找不到页面</h1></body></html>");
    write(out.resolve("docs/index.html"), "<html><BODY><p>docs</p></BODY></html>");
    write(out.resolve("公开/目录.html"), "<p>目录 " + title + "</p>");
    write(out.resolve("style.css"), "body { color: red; } /* </body> */");
    write(out.resolve("data.json"), "{\"a\": 1}");
    write(out.resolve("img/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    write(out.resolve("files/table.xlsx"), "PK");
    return BuildOutcome.success("built 4 pages (" + title + ")", List.of());
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
