package dev.gongkai.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The browser-test infrastructure itself: {@link StaticServer}, {@link Browser} and {@link Axe} on a tiny site. */
class BrowserInfraTest {
  /** Where browser tests leave screenshots for humans (and CI artifacts). */
  static final Path ARTIFACTS = Path.of("target", "browser-artifacts");

  private static final String GOOD = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head><meta charset="utf-8"><title>政府信息公开 - 测试站点</title><link rel="icon" href="data:,"></head>
      <body>
      <main>
      <h1>政府信息公开</h1>
      <p><a href="bad.html">无障碍问题示例页面</a></p>
      <noscript><p id="no-js">请启用 JavaScript 以使用搜索。</p></noscript>
      <script>
        const p = document.createElement("p");
        p.id = "js-made";
        p.textContent = "由脚本生成";
        document.querySelector("main").append(p);
      </script>
      </main>
      </body>
      </html>
      """;

  private static final String BAD = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head><meta charset="utf-8"><title>问题页面</title><link rel="icon" href="data:,"></head>
      <body><main><h1>问题页面</h1><img src="logo.png" class="logo"></main></body>
      </html>
      """;

  /** A 1x1 transparent PNG. */
  private static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  private static Path site(Path dir) throws IOException {
    Path root = Files.createDirectories(dir.resolve("site"));
    Files.writeString(root.resolve("index.html"), GOOD);
    Files.writeString(root.resolve("bad.html"), BAD);
    Files.write(root.resolve("logo.png"), PNG);
    Files.writeString(root.resolve("404.html"), "<!DOCTYPE html><title>未找到</title><p>页面不存在</p>");
    Files.writeString(root.resolve("style.css"), "body{margin:0}");
    Files.writeString(root.resolve("app.js"), "console.log(1);");
    Files.writeString(root.resolve("data.json"), "{}");
    Files.writeString(root.resolve("icon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    Files.writeString(root.resolve("table.csv"), "a,b\n1,2\n");
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/index.html"), "<!DOCTYPE html><title>sub</title>");
    Files.write(root.resolve("sub/shard.dat"), new byte[1000]);
    Files.writeString(dir.resolve("secret.txt"), "outside the root");
    return root;
  }

  @Test
  void chromiumLoadsServedPagesAndAxeFindsViolations(@TempDir Path tmp) throws IOException {
    Browser.assumeAvailable();
    Path root = site(tmp);
    try (StaticServer server = StaticServer.serve(root); Browser b = Browser.open()) {
      WebDriver d = b.driver();
      assertEquals(1280L, b.js("return window.innerWidth;"));
      assertEquals(900L, b.js("return window.innerHeight;"));

      server.resetCounters();
      d.get(server.url(""));
      assertEquals("政府信息公开", d.findElement(By.tagName("h1")).getText());
      assertEquals("政府信息公开 - 测试站点", d.getTitle());
      assertEquals(List.of("/"), server.requestedPaths());
      assertEquals(Files.size(root.resolve("index.html")), server.bytesServed());
      // Scripts run: the script-written element exists and <noscript> content is not part of the DOM.
      assertEquals("由脚本生成", d.findElement(By.id("js-made")).getText());
      assertTrue(d.findElements(By.id("no-js")).isEmpty());
      b.screenshot(ARTIFACTS.resolve("BrowserInfraTest-index.png"));
      assertTrue(Files.size(ARTIFACTS.resolve("BrowserInfraTest-index.png")) > 0);

      assertEquals(List.of(), Axe.violations(d));

      d.findElement(By.linkText("无障碍问题示例页面")).click();
      assertEquals("问题页面", d.findElement(By.tagName("h1")).getText());
      List<String> violations = Axe.violations(d);
      assertTrue(violations.stream().anyMatch(v -> v.startsWith("image-alt [critical] ") && v.endsWith(": [img]")),
          violations::toString);

      b.viewport(375, 700);
      assertEquals(375L, b.js("return window.innerWidth;"));
      assertEquals(700L, b.js("return window.innerHeight;"));
    }
  }

  @Test
  void withoutJavaScriptPageScriptsDoNotRunAndNoscriptShows(@TempDir Path tmp) throws IOException {
    Browser.assumeAvailable();
    Path root = site(tmp);
    try (StaticServer server = StaticServer.serve(root); Browser b = Browser.openWithoutJavaScript()) {
      WebDriver d = b.driver();
      d.get(server.url("index.html"));
      assertTrue(d.findElements(By.id("js-made")).isEmpty(), "the page script must not run");
      assertEquals("请启用 JavaScript 以使用搜索。", d.findElement(By.id("no-js")).getText());
      assertEquals("政府信息公开 - 测试站点", b.js("return document.title;"), "WebDriver scripts still run");
      b.screenshot(ARTIFACTS.resolve("BrowserInfraTest-nojs.png"));
    }
  }

  /** Needs no browser: the server's HTTP behaviour and counters. */
  @Test
  void staticServerServesLikeAPlainHost(@TempDir Path tmp) throws Exception {
    Path root = site(tmp);
    HttpClient http = HttpClient.newHttpClient();
    try (StaticServer server = StaticServer.serve(root)) {
      assertTrue(server.url("").matches("http://127\\.0\\.0\\.1:\\d+/"), server.url(""));
      assertEquals(server.url("a/b"), server.url("/a/b"));

      HttpResponse<byte[]> index = get(http, server.url(""));
      assertEquals(200, index.statusCode());
      assertEquals("text/html; charset=utf-8", type(index));
      assertEquals(GOOD, new String(index.body(), StandardCharsets.UTF_8));
      assertTrue(index.headers().firstValue("Content-Encoding").isEmpty());

      String[][] types = {
        {"style.css", "text/css; charset=utf-8"}, {"app.js", "text/javascript; charset=utf-8"},
        {"data.json", "application/json"}, {"icon.svg", "image/svg+xml"}, {"logo.png", "image/png"},
        {"table.csv", "text/csv; charset=utf-8"}, {"sub/shard.dat", "application/octet-stream"},
      };
      for (String[] t : types) assertEquals(t[1], type(get(http, server.url(t[0]))), t[0]);

      HttpResponse<byte[]> redirect = get(http, server.url("sub"));
      assertEquals(301, redirect.statusCode());
      assertEquals("/sub/", redirect.headers().firstValue("Location").orElseThrow());
      assertEquals("<!DOCTYPE html><title>sub</title>", new String(get(http, server.url("sub/")).body(), "UTF-8"));

      HttpResponse<byte[]> missing = get(http, server.url("nope.html"));
      assertEquals(404, missing.statusCode());
      assertTrue(new String(missing.body(), StandardCharsets.UTF_8).contains("页面不存在"));

      assertTrue(rawGet(server, "/../secret.txt").startsWith("HTTP/1.1 403"));
      assertTrue(rawGet(server, "/%2e%2e/secret.txt").startsWith("HTTP/1.1 403"));

      server.resetCounters();
      get(http, server.url("sub/shard.dat"));
      get(http, server.url("sub/shard.dat?q=1"));
      HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(server.url("sub/shard.dat")))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
      assertEquals("1000", head.headers().firstValue("Content-Length").orElseThrow());
      assertEquals(2000L, server.bytesServed(), "HEAD sends no body");
      assertEquals(List.of("/sub/shard.dat", "/sub/shard.dat", "/sub/shard.dat"), server.requestedPaths());
      server.resetCounters();
      assertEquals(0L, server.bytesServed());
      assertEquals(List.of(), server.requestedPaths());
    }
  }

  private static HttpResponse<byte[]> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String type(HttpResponse<?> r) {
    return r.headers().firstValue("Content-Type").orElse("");
  }

  /** Sends the request path byte for byte (HTTP clients would normalise the dot segments away). */
  private static String rawGet(StaticServer server, String path) throws IOException {
    URI base = URI.create(server.url(""));
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
