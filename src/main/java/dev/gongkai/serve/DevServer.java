package dev.gongkai.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The preview HTTP server of {@code gongkai serve}: serves the last good site from disk and shows build errors over it.
 *
 * <p>It serves whatever {@link SiteState} was last {@link #publish published} (initially none: pages say the site is
 * being built). Every request reads one snapshot of that state, so a build swapping the site mid-request is harmless.
 * Behaviour:
 *
 * <ul>
 *   <li>GET and HEAD only (405 otherwise); every response has {@code Cache-Control: no-store}.
 *   <li>{@code /dir/} serves {@code dir/index.html}; {@code /dir} (a directory) redirects with 301 to {@code /dir/};
 *       unknown paths get the site's {@code 404.html} with status 404, or a plain 404.
 *   <li>Paths are percent-decoded as UTF-8; {@code .}/{@code ..} segments (also encoded), backslashes and control
 *       characters get 400, and nothing outside the site directory is served, symbolic links included.
 *   <li>HTML responses get a live-reload script before {@code </body>}; while the latest build has failed, also the
 *       error overlay after {@code <body…>}. With no good build at all, HTML paths get a standalone error page (500).
 *   <li>{@code /__gongkai/status} answers {@code {"build": N, "ok": true|false}}; {@code /__gongkai/errors} answers
 *       the latest build's diagnostics as JSON.
 * </ul>
 *
 * <p>Handler threads are daemons; call {@link #close()} to stop.
 */
public final class DevServer implements AutoCloseable {
  /** The host serve binds to unless told otherwise: loopback only, so the preview is not exposed on the network. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  private static final String NOT_FOUND_PAGE = "404.html";
  private static final String INDEX_PAGE = "index.html";

  private final HttpServer server;
  private final ExecutorService executor;
  private final String host;
  private final AtomicReference<SiteState> state = new AtomicReference<>(SiteState.initial());

  private DevServer(HttpServer server, ExecutorService executor, String host) {
    this.server = server;
    this.executor = executor;
    this.host = host;
  }

  /**
   * Binds and starts a server.
   *
   * @param host the address to bind, e.g. {@link #DEFAULT_HOST}; {@code null} means the default
   * @param port the port, or 0 for an ephemeral one (see {@link #port()})
   * @throws IOException if the address cannot be bound (e.g. the port is in use)
   */
  public static DevServer start(String host, int port) throws IOException {
    String h = host == null || host.isBlank() ? DEFAULT_HOST : host;
    HttpServer server = HttpServer.create(new InetSocketAddress(h, port), 0);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "gongkai-serve-http-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    DevServer dev = new DevServer(server, executor, h);
    server.createContext("/", dev::handle);
    server.setExecutor(executor);
    server.start();
    return dev;
  }

  /** The port actually bound (useful after asking for port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The host the server was bound to, as given. */
  public String host() {
    return host;
  }

  /** The address to open in a browser, e.g. {@code http://127.0.0.1:1111/}. */
  public URI url() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create("http://" + h + ":" + port() + "/");
  }

  /** Makes {@code next} what the following requests see. */
  public void publish(SiteState next) {
    state.set(next);
  }

  /** What requests currently see. */
  public SiteState state() {
    return state.get();
  }

  /** Stops accepting requests, gives running ones a moment to finish, and stops the handler threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) {
    try (ex) {
      String method = ex.getRequestMethod();
      boolean head = "HEAD".equals(method);
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      if (!head && !"GET".equals(method)) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        sendText(ex, 405, ContentTypes.TEXT, "405 method not allowed\n", head);
        return;
      }
      SiteState snapshot = state.get();
      String rawPath = ex.getRequestURI().getRawPath();
      if (LiveReload.STATUS_PATH.equals(rawPath)) {
        sendText(ex, 200, ContentTypes.JSON, StatusJson.status(snapshot), head);
        return;
      }
      if (LiveReload.ERRORS_PATH.equals(rawPath)) {
        sendText(ex, 200, ContentTypes.JSON, StatusJson.errors(snapshot), head);
        return;
      }
      Optional<RequestPath> path = RequestPath.parse(rawPath);
      if (path.isEmpty()) {
        sendText(ex, 400, ContentTypes.TEXT, "400 bad request path\n", head);
        return;
      }
      serveSite(ex, snapshot, path.get(), head);
    } catch (IOException | RuntimeException e) {
      // The client went away or the site changed under us; nothing useful to tell anyone.
    }
  }

  private void serveSite(HttpExchange ex, SiteState s, RequestPath path, boolean head) throws IOException {
    Path root = s.site();
    if (root == null) {
      serveWithoutSite(ex, s, path, head);
      return;
    }
    Path target;
    try {
      target = root;
      for (String segment : path.segments()) target = target.resolve(segment);
      target = target.normalize();
    } catch (InvalidPathException e) {
      sendText(ex, 400, ContentTypes.TEXT, "400 bad request path\n", head);
      return;
    }
    if (!target.startsWith(root)) {
      sendText(ex, 400, ContentTypes.TEXT, "400 bad request path\n", head);
      return;
    }
    if (Files.isDirectory(target)) {
      if (!path.trailingSlash()) {
        // Leading slashes collapsed: "//host/dir" must not become a redirect to another site.
        String location = ex.getRequestURI().getRawPath().replaceFirst("^/+", "/") + "/";
        String query = ex.getRequestURI().getRawQuery();
        ex.getResponseHeaders().set("Location", query == null ? location : location + "?" + query);
        sendText(ex, 301, ContentTypes.TEXT, "", head);
        return;
      }
      target = target.resolve(INDEX_PAGE);
    } else if (path.trailingSlash() && !path.segments().isEmpty()) {
      sendNotFound(ex, s, root, head);
      return;
    }
    if (!sendFile(ex, s, root, target, 200, head)) sendNotFound(ex, s, root, head);
  }

  /** Before the first good build: HTML paths explain why there is no site; other paths are simply not found. */
  private void serveWithoutSite(HttpExchange ex, SiteState s, RequestPath path, boolean head) throws IOException {
    String ext = ContentTypes.extension(path.fileName());
    boolean htmlPath = path.trailingSlash() || ext == null || ContentTypes.isHtml(path.fileName());
    if (!htmlPath) {
      sendText(ex, 404, ContentTypes.TEXT, "404 not found (no successful build yet)\n", head);
    } else if (s.latest() == null) {
      sendText(ex, 503, ContentTypes.HTML, ErrorOverlay.buildingPage(s.build()), head);
    } else {
      sendText(ex, 500, ContentTypes.HTML, ErrorOverlay.standalonePage(s.latest(), s.build()), head);
    }
  }

  private void sendNotFound(HttpExchange ex, SiteState s, Path root, boolean head) throws IOException {
    if (!sendFile(ex, s, root, root.resolve(NOT_FOUND_PAGE), 404, head)) {
      sendText(ex, 404, ContentTypes.TEXT, "404 not found\n", head);
    }
  }

  /**
   * Sends a regular file inside {@code root} (checked on real paths), decorating HTML.
   *
   * @return false, with nothing sent, if the file does not exist, is not regular or lies outside the site
   */
  private boolean sendFile(HttpExchange ex, SiteState s, Path root, Path file, int status, boolean head)
      throws IOException {
    if (!Files.isRegularFile(file) || !isInside(root, file)) return false;
    String type = ContentTypes.forFileName(file.getFileName().toString());
    if (ContentTypes.HTML.equals(type)) {
      byte[] page;
      try {
        page = Files.readAllBytes(file);
      } catch (IOException e) {
        return false; // Deleted by a newer build between the check and the read.
      }
      sendBytes(ex, status, type, decorate(page, s), head);
      return true;
    }
    InputStream in;
    long size;
    try {
      size = Files.size(file);
      in = Files.newInputStream(file);
    } catch (IOException e) {
      return false;
    }
    try (in) {
      ex.getResponseHeaders().set("Content-Type", type);
      if (head || size == 0) {
        ex.getResponseHeaders().set("Content-Length", Long.toString(size));
        ex.sendResponseHeaders(status, -1);
      } else {
        ex.sendResponseHeaders(status, size);
        try (OutputStream body = ex.getResponseBody()) {
          in.transferTo(body);
        }
      }
    }
    return true;
  }

  /** Adds the live-reload script, and the error overlay while the latest build has failed. */
  private static byte[] decorate(byte[] page, SiteState s) {
    String overlay = s.ok() ? "" : ErrorOverlay.overlay(s.latest());
    return HtmlInjector.inject(HtmlInjector.withoutCspMeta(page), overlay, LiveReload.script(s.build()));
  }

  private static boolean isInside(Path root, Path file) {
    try {
      return file.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private static void sendText(HttpExchange ex, int status, String type, String body, boolean head)
      throws IOException {
    sendBytes(ex, status, type, body.getBytes(StandardCharsets.UTF_8), head);
  }

  private static void sendBytes(HttpExchange ex, int status, String type, byte[] body, boolean head)
      throws IOException {
    if (body.length > 0) ex.getResponseHeaders().set("Content-Type", type);
    if (head || body.length == 0) {
      ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
