import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Helpers for {@code bench/portal.sh}: page weight per page type, and a plain static server for Lighthouse.
 *
 * <pre>
 * java bench/PortalBench.java weigh SITE [BUDGET_KB] [PAGES_FILE]
 * java bench/PortalBench.java serve SITE PORT_FILE
 * </pre>
 *
 * <p>{@code weigh} prints a Markdown table on stdout: for each page type (home, item, record, search, dataset,
 * incident, data) the number of pages and the heaviest one, i.e. the one whose HTML plus the stylesheets and scripts
 * it links (all {@code <link rel="stylesheet">}, print ones included, and {@code <script src>}: what a browser
 * downloads for it, images and fetches made by scripts excluded) is largest once each file is gzip-compressed at the
 * default level (6, as {@code gzip} and most web servers do). Only the record row has a budget ({@code BUDGET_KB},
 * default 30 KiB); the row says PASS or FAIL. With {@code PAGES_FILE}, also writes {@code type<TAB>path} of each
 * measured page, for the Lighthouse step.
 *
 * <p>{@code serve} serves {@code SITE} on 127.0.0.1 at a free port, written to {@code PORT_FILE} once listening, until
 * killed: {@code index.html} for folders (and a redirect from {@code /dir} to {@code /dir/}), {@code 404.html} for
 * missing files, UTF-8 content types, gzip for text types when the client accepts it (as a production host would),
 * {@code Last-Modified}, no other cache headers. Nothing is injected into pages (unlike {@code gongkai serve}).
 *
 * <p>No dependencies; Java 17 single-file source launch.
 */
public final class PortalBench {
  private PortalBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("weigh")) {
      int budgetKb = args.length >= 3 ? Integer.parseInt(args[2]) : 30;
      Path pagesFile = args.length >= 4 ? Path.of(args[3]) : null;
      weigh(Path.of(args[1]), budgetKb, pagesFile);
    } else if (args.length == 3 && args[0].equals("serve")) {
      serve(Path.of(args[1]).toAbsolutePath().normalize(), Path.of(args[2]));
    } else {
      System.err.println("usage: java bench/PortalBench.java weigh SITE [BUDGET_KB] [PAGES_FILE]\n"
          + "       java bench/PortalBench.java serve SITE PORT_FILE");
      System.exit(2);
    }
  }

  // ---------------------------------------------------------------- weigh

  record Type(String name, String label, Predicate<String> matches, boolean budgeted) {}

  static final List<Type> TYPES = List.of(
      new Type("home", "home (`index.html`)", p -> p.equals("index.html"), false),
      new Type("item", "catalogue item (`catalogue/*/*/`)", p -> p.matches("catalogue/[^/]+/[^/]+/(.+/)?index\\.html"),
          false),
      new Type("record", "record (`records/*/`)", p -> p.matches("records/[^/]+/index\\.html"), true),
      new Type("search", "search (`search/`)", p -> p.equals("search/index.html"), false),
      new Type("dataset", "dataset (`datasets/*/`)", p -> p.matches("datasets/[^/]+/index\\.html"), false),
      new Type("incident", "incident (`incidents/*/`)", p -> p.matches("incidents/[^/]+/index\\.html"), false),
      new Type("data", "open data (`data/`)", p -> p.equals("data/index.html"), false));

  record Weight(String page, long html, long htmlGz, long css, long cssGz, long js, long jsGz, List<String> assets) {
    long raw() {
      return html + css + js;
    }

    long gz() {
      return htmlGz + cssGz + jsGz;
    }
  }

  static final Pattern TAG = Pattern.compile("<(link|script)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  static final Pattern ATTR =
      Pattern.compile("([a-zA-Z-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);

  static void weigh(Path site, int budgetKb, Path pagesFile) throws IOException {
    List<String> pages;
    try (Stream<Path> s = Files.walk(site)) {
      pages = s.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".html")).sorted().toList();
    }
    Map<Path, long[]> sizes = new LinkedHashMap<>(); // file -> {raw, gzip}
    StringBuilder md = new StringBuilder();
    md.append("| page type | pages | heaviest page | HTML | CSS | JS | total | total raw | median total | budget "
        + "| result |\n");
    md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    StringBuilder chosen = new StringBuilder();
    StringBuilder assetsNote = new StringBuilder();
    for (Type t : TYPES) {
      List<Weight> ws = new ArrayList<>();
      for (String p : pages) if (t.matches.test(p)) ws.add(weight(site, p, sizes));
      if (ws.isEmpty()) {
        md.append("| ").append(t.label).append(" | 0 | — | | | | | | | | no such page |\n");
        continue;
      }
      Weight max = ws.stream().max(Comparator.comparingLong(Weight::gz).thenComparing(Weight::page,
          Comparator.reverseOrder())).orElseThrow();
      List<Long> totals = ws.stream().map(Weight::gz).sorted().toList();
      long median = totals.get((totals.size() - 1) / 2);
      String budget = t.budgeted ? "≤ " + budgetKb + " KiB" : "—";
      String result = !t.budgeted ? "" : max.gz() <= budgetKb * 1024L ? "**PASS**" : "**FAIL**";
      md.append("| ").append(t.label).append(" | ").append(ws.size()).append(" | `").append(max.page).append("` | ")
          .append(kib(max.htmlGz)).append(" | ").append(kib(max.cssGz)).append(" | ").append(kib(max.jsGz))
          .append(" | **").append(kib(max.gz())).append("** | ").append(kib(max.raw())).append(" | ")
          .append(kib(median)).append(" | ").append(budget).append(" | ").append(result).append(" |\n");
      chosen.append(t.name).append('\t').append(max.page).append('\n');
      assetsNote.append("- ").append(t.name).append(": ")
          .append(max.assets.isEmpty() ? "(none)" : String.join(", ", max.assets)).append('\n');
    }
    System.out.print(md);
    System.out.println();
    System.out.println("KiB = 1024 bytes; HTML, CSS and JS gzip-compressed (level 6), each file on its own; *total raw* "
        + "uncompressed. Stylesheets and scripts each heaviest page links (resolved from the page):");
    System.out.println();
    System.out.print(assetsNote);
    System.out.println();
    System.out.println("Assets, raw / gzip:");
    System.out.println();
    sizes.forEach((f, s) -> {
      String rel = site.relativize(f).toString().replace('\\', '/');
      if (!rel.endsWith(".html")) {
        System.out.println("- `" + rel + "`: " + kib(s[0]) + " / " + kib(s[1]) + " KiB");
      }
    });
    if (pagesFile != null) Files.writeString(pagesFile, chosen, StandardCharsets.UTF_8);
  }

  static Weight weight(Path site, String page, Map<Path, long[]> sizes) throws IOException {
    Path file = site.resolve(page);
    String html = Files.readString(file, StandardCharsets.UTF_8);
    long[] h = size(file, sizes);
    long css = 0, cssGz = 0, js = 0, jsGz = 0;
    Set<Path> seen = new LinkedHashSet<>();
    List<String> assets = new ArrayList<>();
    Matcher m = TAG.matcher(html);
    while (m.find()) {
      Map<String, String> a = attrs(m.group(2));
      boolean isScript = m.group(1).equalsIgnoreCase("script");
      String ref;
      if (isScript) {
        ref = a.get("src");
      } else {
        String rel = " " + a.getOrDefault("rel", "").toLowerCase(Locale.ROOT) + " ";
        ref = rel.contains(" stylesheet ") || rel.contains(" modulepreload ") ? a.get("href") : null;
        if (ref != null && rel.contains(" modulepreload ")) isScript = true;
      }
      if (ref == null || ref.isEmpty()) continue;
      Path target = resolve(site, page, ref);
      if (target == null) {
        assets.add(ref + " (not in the site: not counted)");
        continue;
      }
      if (!seen.add(target)) continue;
      long[] s = size(target, sizes);
      assets.add("`" + site.relativize(target).toString().replace('\\', '/') + "`");
      if (isScript) {
        js += s[0];
        jsGz += s[1];
      } else {
        css += s[0];
        cssGz += s[1];
      }
    }
    return new Weight(page, h[0], h[1], css, cssGz, js, jsGz, assets);
  }

  static Map<String, String> attrs(String s) {
    Map<String, String> a = new LinkedHashMap<>();
    Matcher m = ATTR.matcher(s);
    while (m.find()) {
      String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
      a.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), v.replace("&amp;", "&"));
    }
    return a;
  }

  /** The file a page's relative or root-relative reference names, or null (other origin, or missing). */
  static Path resolve(Path site, String page, String ref) {
    try {
      URI base = URI.create("http://site.invalid/" + page);
      URI u = base.resolve(ref);
      if (!"site.invalid".equals(u.getHost())) return null;
      String path = u.getPath();
      Path p = site.resolve(path.substring(1)).normalize();
      if (path.endsWith("/")) p = p.resolve("index.html");
      if (!p.startsWith(site.normalize()) || !Files.isRegularFile(p)) {
        // root-relative links in 404.html carry the deployment path (e.g. /portal/assets/...): try without it
        int i = path.indexOf("/assets/");
        if (i > 0) {
          Path q = site.resolve(path.substring(i + 1)).normalize();
          if (Files.isRegularFile(q)) return q;
        }
        return null;
      }
      return p;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static long[] size(Path f, Map<Path, long[]> sizes) {
    return sizes.computeIfAbsent(f, k -> {
      try {
        byte[] b = Files.readAllBytes(k);
        return new long[] {b.length, gzip(b).length};
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    }
    return out.toByteArray();
  }

  static String kib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1024.0);
  }

  // ---------------------------------------------------------------- serve

  static final Map<String, String> TYPES_BY_EXT = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"), Map.entry("jsonld", "application/ld+json"),
      Map.entry("xml", "application/xml"), Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("ttl", "text/turtle; charset=utf-8"),
      Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
      Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("pdf", "application/pdf"),
      Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      Map.entry("dat", "application/octet-stream"), Map.entry("zip", "application/zip"));

  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

  static void serve(Path root, Path portFile) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", ex -> {
      try (ex) {
        handle(root, ex);
      } catch (IOException | RuntimeException e) {
        System.err.println("serve: " + ex.getRequestURI() + ": " + e);
      }
    });
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
    Files.writeString(tmp, Integer.toString(server.getAddress().getPort()));
    Files.move(tmp, portFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    System.err.println("serving " + root + " on http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  static void handle(Path root, HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      ex.sendResponseHeaders(405, -1);
      return;
    }
    String path = ex.getRequestURI().getPath(); // decoded
    Path f = root.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
    int status = 200;
    if (!f.startsWith(root)) {
      ex.sendResponseHeaders(403, -1);
      return;
    }
    if (Files.isDirectory(f)) {
      if (!path.endsWith("/")) {
        String q = ex.getRequestURI().getRawQuery();
        ex.getResponseHeaders().set("Location", ex.getRequestURI().getRawPath() + "/" + (q == null ? "" : "?" + q));
        ex.sendResponseHeaders(301, -1);
        return;
      }
      f = f.resolve("index.html");
    }
    if (!Files.isRegularFile(f)) {
      status = 404;
      f = root.resolve("404.html");
      if (!Files.isRegularFile(f)) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
    }
    String name = f.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    String type = TYPES_BY_EXT.getOrDefault(ext, "application/octet-stream");
    byte[] body = Files.readAllBytes(f);
    var h = ex.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("Last-Modified", HTTP_DATE.format(Files.getLastModifiedTime(f).toInstant()));
    boolean text = type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("svg");
    String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
    if (text && accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip")) {
      body = gzip(body);
      h.set("Content-Encoding", "gzip");
      h.set("Vary", "Accept-Encoding");
    }
    if (method.equals("HEAD")) {
      h.set("Content-Length", Integer.toString(body.length));
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
