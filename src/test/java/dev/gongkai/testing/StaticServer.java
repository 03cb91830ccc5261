package dev.gongkai.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves a folder over HTTP on {@code 127.0.0.1} (a free port), like a plain static host, for browser tests and
 * download benchmarks.
 *
 * <p>Callers must know:
 *
 * <ul>
 *   <li>GET and HEAD only. A folder request serves its {@code index.html}; a folder URL without the trailing slash is
 *       redirected (301) to it, so relative links resolve as on a real host.
 *   <li>Missing files get 404 with the body of {@code root/404.html} if present. Paths that leave the root (also
 *       through symlinks) get 403.
 *   <li>Bodies are sent as stored: no compression, an exact {@code Content-Length}, a Content-Type from the extension
 *       (unknown ones and {@code .dat} as {@code application/octet-stream}), {@code X-Content-Type-Options: nosniff},
 *       and {@code Cache-Control: no-store}, so every fetch a page makes reaches the server and is counted.
 *   <li>Counters since the last {@link #resetCounters()}: {@link #bytesServed()} (response body bytes only, not
 *       headers) and {@link #requestedPaths()} (every request, in arrival order, duplicates kept). Both are updated
 *       before a response's body is sent, so once the client has a response its bytes are counted.
 * </ul>
 */
public final class StaticServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("xml", "application/xml"),
      Map.entry("png", "image/png"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("csv", "text/csv; charset=utf-8"),
      Map.entry("dat", "application/octet-stream"));

  private final Path root;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong bytes = new AtomicLong();
  private final List<String> paths = new ArrayList<>();
  private final Map<String, Long> bytesByPath = new java.util.HashMap<>();
  private final boolean gzipText;

  private StaticServer(Path root, boolean gzipText) throws IOException {
    this.root = root.toRealPath();
    this.gzipText = gzipText;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    this.executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "static-server");
      t.setDaemon(true);
      return t;
    });
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts serving {@code root} (which must be an existing folder); close to stop. */
  public static StaticServer serve(Path root) throws IOException {
    if (!Files.isDirectory(root)) throw new IOException("not a folder: " + root);
    return new StaticServer(root, false);
  }

  /**
   * Like {@link #serve} but compressing text responses (html, css, js, json, svg, xml, txt, csv) with gzip when the
   * client accepts it, as static hosts do (nginx {@code gzip on}, GitHub Pages): then {@link #bytesServed()} counts
   * what travels over the network. Binary files ({@code .dat}, images) are sent as they are.
   */
  public static StaticServer serveCompressed(Path root) throws IOException {
    if (!Files.isDirectory(root)) throw new IOException("not a folder: " + root);
    return new StaticServer(root, true);
  }

  /**
   * The absolute URL of {@code path} relative to the site root: {@code url("")} is the base
   * {@code http://127.0.0.1:PORT/}, {@code url("a/b.html")} and {@code url("/a/b.html")} are the same page. The path
   * is used as given, so percent-encode non-ASCII characters yourself.
   */
  public String url(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return String.format(Locale.ROOT, "http://127.0.0.1:%d/%s", server.getAddress().getPort(), p);
  }

  /** Zeroes {@link #bytesServed()} and empties {@link #requestedPaths()}. */
  public synchronized void resetCounters() {
    bytes.set(0);
    paths.clear();
    bytesByPath.clear();
  }

  /** Body bytes sent per request path since the last reset (sorted by path). */
  public synchronized Map<String, Long> bytesByPath() {
    return new java.util.TreeMap<>(bytesByPath);
  }

  /** Response body bytes sent since the last reset (redirects, 403 and 404 bodies included). */
  public long bytesServed() {
    return bytes.get();
  }

  /** A snapshot of the decoded request paths (without query) since the last reset, in arrival order. */
  public synchronized List<String> requestedPaths() {
    return List.copyOf(paths);
  }

  private synchronized void record(String path) {
    paths.add(path);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path == null || path.isEmpty()) path = "/";
      record(path);
      String method = ex.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!head && !method.equals("GET")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, "text/plain; charset=utf-8", "405 Method Not Allowed\n".getBytes(StandardCharsets.UTF_8), head);
        return;
      }
      boolean odd = path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0;
      Path file = odd ? null : root.resolve(path.substring(1)).normalize();
      if (file == null || !file.startsWith(root) || (Files.exists(file) && !file.toRealPath().startsWith(root))) {
        send(ex, 403, "text/plain; charset=utf-8", "403 Forbidden\n".getBytes(StandardCharsets.UTF_8), head);
        return;
      }
      if (Files.isDirectory(file)) {
        if (!path.endsWith("/")) {
          String query = ex.getRequestURI().getRawQuery();
          String location = ex.getRequestURI().getRawPath() + "/" + (query == null ? "" : "?" + query);
          ex.getResponseHeaders().set("Location", location);
          send(ex, 301, "text/plain; charset=utf-8", new byte[0], head);
          return;
        }
        file = file.resolve("index.html");
      }
      if (!Files.isRegularFile(file)) {
        Path custom = root.resolve("404.html");
        byte[] body = Files.isRegularFile(custom)
            ? Files.readAllBytes(custom)
            : "404 Not Found\n".getBytes(StandardCharsets.UTF_8);
        send(ex, 404, Files.isRegularFile(custom) ? TYPES.get("html") : TYPES.get("txt"), body, head);
        return;
      }
      byte[] body = Files.readAllBytes(file);
      String type = contentType(file);
      String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
      if (gzipText && !head && accept != null && accept.contains("gzip") && isText(type)) {
        java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(z)) {
          gz.write(body);
        }
        body = z.toByteArray();
        ex.getResponseHeaders().set("Content-Encoding", "gzip");
        ex.getResponseHeaders().set("Vary", "Accept-Encoding");
      }
      synchronized (this) {
        bytesByPath.merge(path, (long) body.length, Long::sum);
      }
      send(ex, 200, type, body, head);
    }
  }

  private static boolean isText(String type) {
    return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("application/xml")
        || type.startsWith("image/svg");
  }

  private void send(HttpExchange ex, int status, String type, byte[] body, boolean head) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (head) {
      ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      ex.sendResponseHeaders(status, -1);
      return;
    }
    bytes.addAndGet(body.length);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  /** Stops the server at once (in-flight requests are cut off). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
