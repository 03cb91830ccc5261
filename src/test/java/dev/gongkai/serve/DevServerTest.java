package dev.gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Location;
import dev.gongkai.diag.Severity;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServerTest {
  @TempDir Path tmp;
  private DevServer server;
  private TestHttp http;
  private Path site;

  @BeforeEach
  void start() throws Exception {
    site = tmp.resolve("site");
    BuildOutcome ok = new FakeSiteBuilder().build(site);
    Files.writeString(tmp.resolve("secret.txt"), "do not serve");
    server = DevServer.start("127.0.0.1", 0);
    server.publish(new SiteState(site, 1, ok));
    http = new TestHttp(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesIndexForRootAndDirectories() throws Exception {
    HttpResponse<String> root = http.get("/");
    assertEquals(200, root.statusCode());
    assertTrue(root.body().contains("<h1>v1</h1>"));
    assertEquals("text/html; charset=utf-8", root.headers().firstValue("Content-Type").orElse(""));
    assertEquals("no-store", root.headers().firstValue("Cache-Control").orElse(""));

    HttpResponse<String> docs = http.get("/docs/");
    assertEquals(200, docs.statusCode());
    assertTrue(docs.body().contains("<p>docs</p>"));
  }

  @Test
  void redirectsDirectoryWithoutSlash() throws Exception {
    HttpResponse<String> r = http.get("/docs?x=1");
    assertEquals(301, r.statusCode());
    assertEquals("/docs/?x=1", r.headers().firstValue("Location").orElse(""));
    // "//docs" must never redirect to another host ("//docs/" would be protocol-relative).
    assertFalse(http.get("//docs").headers().firstValue("Location").orElse("").startsWith("//"));
    assertEquals("/docs/", http.get("/docs//").headers().firstValue("Location").orElse("/docs/"));
  }

  @Test
  void unknownPathGetsSite404Page() throws Exception {
    HttpResponse<String> r = http.get("/nope/missing.html");
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("找不到页面"));
    assertTrue(r.body().contains("data-gongkai-live-reload"));
    assertEquals(404, http.get("/style.css/").statusCode());
  }

  @Test
  void plain404WithoutSitePage() throws Exception {
    Files.delete(site.resolve("404.html"));
    HttpResponse<String> r = http.get("/missing");
    assertEquals(404, r.statusCode());
    assertTrue(r.body().startsWith("404"));
  }

  @Test
  void contentTypesByExtension() throws Exception {
    assertEquals("text/css; charset=utf-8", type("/style.css"));
    assertEquals("application/json; charset=utf-8", type("/data.json"));
    assertEquals("image/svg+xml", type("/img/logo.svg"));
    assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type("/files/table.xlsx"));
    assertEquals("font/woff2", ContentTypes.forFileName("a.WOFF2"));
    assertEquals("text/csv; charset=utf-8", ContentTypes.forFileName("目录.csv"));
    assertEquals("application/octet-stream", ContentTypes.forFileName("README"));
  }

  private String type(String path) throws Exception {
    HttpResponse<String> r = http.get(path);
    assertEquals(200, r.statusCode(), path);
    return r.headers().firstValue("Content-Type").orElse("");
  }

  @Test
  void decodesChineseFileNames() throws Exception {
    HttpResponse<String> r = http.get("/%E5%85%AC%E5%BC%80/%E7%9B%AE%E5%BD%95.html");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("目录 v1"));
  }

  @Test
  void refusesTraversal() throws Exception {
    for (String path :
        List.of(
            "/../secret.txt",
            "/docs/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/%2e%2e/secret.txt",
            "/..%2fsecret.txt",
            "/..%5csecret.txt",
            "/docs/..\\..\\secret.txt",
            "/%00",
            "/%zz")) {
      int status = http.rawStatus(path);
      assertTrue(status == 400 || status == 404, path + " -> " + status);
    }
    HttpResponse<String> viaClient = http.get("/../pom.xml");
    assertTrue(viaClient.statusCode() == 400 || viaClient.statusCode() == 404);
    assertFalse(viaClient.body().contains("<project"));
  }

  @Test
  void refusesSymlinkOutOfSite() throws Exception {
    try {
      Files.createSymbolicLink(site.resolve("leak.txt"), tmp.resolve("secret.txt"));
    } catch (UnsupportedOperationException | java.io.IOException e) {
      return; // No symbolic links here (e.g. Windows without privilege).
    }
    HttpResponse<String> r = http.get("/leak.txt");
    assertEquals(404, r.statusCode());
    assertFalse(r.body().contains("do not serve"));
  }

  @Test
  void injectsLiveReloadIntoHtmlOnly() throws Exception {
    String page = http.get("/").body();
    int script = page.indexOf("<script data-gongkai-live-reload>");
    assertTrue(script > 0 && script < page.indexOf("</body>"), page);
    assertTrue(page.contains("var served=1;"));
    assertFalse(page.contains(ErrorOverlay.ELEMENT_ID + "\" role"));
    assertTrue(http.get("/docs/").body().contains("data-gongkai-live-reload"));
    assertEquals("body { color: red; } /* </body> */", http.get("/style.css").body());
    assertTrue(http.get("/%E5%85%AC%E5%BC%80/%E7%9B%AE%E5%BD%95.html").body().endsWith("</script>\n"));
  }

  @Test
  void headSendsHeadersOnly() throws Exception {
    HttpResponse<String> r = http.send("HEAD", "/style.css");
    assertEquals(200, r.statusCode());
    assertEquals("", r.body());
    assertEquals(Long.toString(Files.size(site.resolve("style.css"))),
        r.headers().firstValue("Content-Length").orElse(""));
    assertEquals(405, http.send("POST", "/").statusCode());
  }

  @Test
  void statusAndErrorsEndpoints() throws Exception {
    HttpResponse<String> status = http.get(LiveReload.STATUS_PATH);
    assertEquals("{\"build\": 1, \"ok\": true}", status.body());
    assertEquals("application/json; charset=utf-8", status.headers().firstValue("Content-Type").orElse(""));
    assertEquals("[]\n", http.get(LiveReload.ERRORS_PATH).body());
  }

  @Test
  void failedBuildShowsEscapedOverlayOverLastGoodSite() throws Exception {
    BuildOutcome failed = BuildOutcome.failure("1 error", List.of(FakeSiteBuilder.BAD_DATE));
    server.publish(new SiteState(site, 2, failed));

    HttpResponse<String> r = http.get("/");
    assertEquals(200, r.statusCode());
    String page = r.body();
    assertTrue(page.contains("<h1>v1</h1>"), "still the last good site");
    int overlay = page.indexOf("role=\"alertdialog\"");
    assertTrue(overlay > page.indexOf("<body class=\"home\">") && overlay < page.indexOf("<h1>v1</h1>"), page);
    assertTrue(page.contains("lang=\"zh-CN\""));
    assertTrue(page.contains("构建失败 / Build failed"));
    assertTrue(page.contains("content/公告.md:3:7"));
    assertTrue(page.contains("date-invalid"));
    assertTrue(page.contains("日期无效 &lt;script&gt;alert(&#39;zh&#39;)&lt;/script&gt;"));
    assertTrue(page.contains("invalid date &lt;script&gt;alert(&quot;en&quot;)&lt;/script&gt;"));
    assertTrue(page.contains("2024-13-45 &amp; &lt;b&gt;bold&lt;/b&gt;"));
    assertTrue(page.contains("请写成 YYYY-MM-DD") && page.contains("write it as YYYY-MM-DD"));
    assertTrue(page.contains("上一次成功构建"));
    assertFalse(page.contains("<script>alert"));
    assertFalse(http.get("/style.css").body().contains("alertdialog"));

    assertEquals("{\"build\": 2, \"ok\": false}", http.get(LiveReload.STATUS_PATH).body());
    String errors = http.get(LiveReload.ERRORS_PATH).body();
    assertTrue(errors.contains("\"code\": \"date-invalid\""), errors);
    assertTrue(errors.contains("\"line\": 3, \"column\": 7"), errors);
    assertTrue(errors.contains("\\u003cscript\\u003e"), errors);
  }

  @Test
  void aWorkbookCellShowsAsFileSheetAndCell() throws Exception {
    Diagnostic cell = new Diagnostic(Location.cell("catalogue/records/救灾资金.xlsx", "Sheet1", 37, 4), Severity.ERROR,
        Code.DATE_INVALID, "“2024-02-30”不是有效日期", "\"2024-02-30\" is not a valid date", "2024-02-30", "", "");
    server.publish(new SiteState(site, 2, BuildOutcome.failure("1 error", List.of(cell, FakeSiteBuilder.BAD_DATE))));

    String page = http.get("/").body();
    assertTrue(page.contains("<code style=\"color:#93c5fd\">catalogue/records/救灾资金.xlsx!Sheet1!D37</code>"), page);
    assertTrue(page.contains(">content/公告.md:3:7</code>"), page);

    String errors = http.get(LiveReload.ERRORS_PATH).body();
    assertTrue(errors.contains("{\"location\": \"catalogue/records/救灾资金.xlsx!Sheet1!D37\", "
        + "\"path\": \"catalogue/records/救灾资金.xlsx\", \"line\": 0, \"column\": 0, \"sheet\": \"Sheet1\", "
        + "\"cell\": \"D37\", \"severity\": \"error\""), errors);
    assertTrue(errors.contains("{\"location\": \"content/公告.md:3:7\", \"path\": \"content/公告.md\", "
        + "\"line\": 3, \"column\": 7, \"severity\""), "a text file has no sheet: " + errors);
  }

  @Test
  void noGoodBuildGivesStandaloneErrorPage() throws Exception {
    BuildOutcome failed = BuildOutcome.failure("1 error", List.of(FakeSiteBuilder.BAD_DATE));
    server.publish(new SiteState(null, 1, failed));
    for (String path : List.of("/", "/docs/", "/docs", "/a/b.html")) {
      HttpResponse<String> r = http.get(path);
      assertEquals(500, r.statusCode(), path);
      assertTrue(r.body().contains("构建失败 / Build failed"));
      assertTrue(r.body().contains("date-invalid"));
      assertTrue(r.body().contains("data-gongkai-live-reload"));
    }
    assertEquals(404, http.get("/style.css").statusCode());

    server.publish(SiteState.initial());
    assertEquals(503, http.get("/").statusCode());
  }
}
