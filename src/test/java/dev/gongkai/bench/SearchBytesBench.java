package dev.gongkai.bench;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gongkai.testing.Browser;
import dev.gongkai.testing.StaticServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Bytes a cold search query downloads, gongkai's static index against Pagefind's, in a real headless Chromium. Not a
 * unit test: its name does not match surefire's default includes, so {@code mvn verify} never runs it; run it through
 * {@code bench/search.sh}, or by hand:
 *
 * <pre>
 * mvn -B -q test -Dtest=SearchBytesBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DargLine="-Dbench.out=OUT -Dbench.result=FILE.md [-Dbench.summary=FILE.properties] [-Dbench.label=TEXT]"
 * </pre>
 *
 * <p>Writes a Markdown report to {@code FILE.md}, every counted request with its size to {@code FILE.md.files.txt},
 * and (with {@code bench.summary}) the medians as a properties file for the script.
 *
 * <p>{@code OUT} is a gongkai build output on which Pagefind has also run ({@code OUT/search/} and
 * {@code OUT/pagefind/} must both exist). For every query in {@link #QUERIES}:
 *
 * <ul>
 *   <li><b>gongkai cold</b>: a fresh Chromium (empty profile; the server sends {@code no-store}), counters reset,
 *       navigate to {@code search/?q=…}, wait until {@code #search-status} shows a count and the result list is
 *       rendered (top 10 display docs fetched), then until no request came for 500 ms. Counted: {@code
 *       /assets/search.js} and everything under {@code /search/} except the page itself.
 *   <li><b>gongkai warm</b>: on that page, a second {@code GongkaiSearch.Engine} (it shares the page's fetch cache)
 *       runs the query once untimed, then {@link #WARM_RUNS} timed times, each = {@code search} + {@code doc} of the
 *       top 10; the median is reported.
 *   <li><b>Pagefind cold</b>: a fresh Chromium, counters reset, load {@code OUT/pagefind-bench.html} (written here:
 *       imports {@code pagefind/pagefind.js}), then {@code await pf.init(); r = await pf.search(q);} and
 *       {@code data()} of the top 10. Counted: everything under {@code /pagefind/}.
 *   <li><b>Pagefind warm</b>: on that page, {@link #WARM_RUNS} timed runs of the same search + top-10 {@code data()}.
 * </ul>
 *
 * <p>Bytes are the on-disk sizes of the requested files (the server sends files as stored: no compression; our
 * {@code .dat} files and Pagefind's index files are gzip at rest, {@code search.js}, {@code manifest.json},
 * {@code t2s/*.txt} and {@code pagefind*.js} are not).
 */
class SearchBytesBench {
  /** The fixed query set (simplified, one traditional, phrases of 2–7 characters, a place name). */
  static final List<String> QUERIES =
      List.of("应急", "救灾资金", "行政处罚决定书", "應急管理", "安全生产", "隐患排查", "城关镇", "森林防火");

  static final int WARM_RUNS = 5;
  static final int TOP = 10;
  static final String PAGEFIND_PAGE = "pagefind-bench.html";
  private static final Pattern COUNT = Pattern.compile("(\\d[\\d,]*)");

  /**
   * What one cold query fetched: {@code bytes} as served (on-disk sizes), {@code gzipBytes} as a host that gzips
   * text would send them (files already gzip at rest count as they are, the others as {@link GZIPOutputStream} at its
   * default level makes them), the request count, bytes and requests per file kind, and every path with its size.
   */
  record Fetch(long bytes, long gzipBytes, int requests, Map<String, long[]> byKind, List<String> paths) {}

  record Row(String query, Fetch gongkai, int gongkaiResults, int gongkaiShown, double gongkaiWarmMs,
      long gongkaiWarmRequests, Fetch pagefind, int pagefindResults, double pagefindWarmMs,
      long pagefindWarmRequests) {
    double ratio() {
      return pagefind.bytes() == 0 ? Double.NaN : (double) gongkai.bytes() / pagefind.bytes();
    }

    double gzipRatio() {
      return pagefind.gzipBytes() == 0 ? Double.NaN : (double) gongkai.gzipBytes() / pagefind.gzipBytes();
    }
  }

  @Test
  void measure() throws Exception {
    Browser.assumeAvailable();
    Path out = Path.of(required("bench.out")).toAbsolutePath().normalize();
    Path result = Path.of(required("bench.result")).toAbsolutePath().normalize();
    String summary = System.getProperty("bench.summary", "");
    String label = System.getProperty("bench.label", out.toString());
    for (String need : List.of("search/index.html", "search/manifest.json", "assets/search.js", "pagefind/pagefind.js")) {
      if (!Files.isRegularFile(out.resolve(need))) {
        fail("bench.out=" + out + " lacks " + need + " (build with gongkai, then run Pagefind on it)");
      }
    }
    Files.writeString(out.resolve(PAGEFIND_PAGE), """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>pagefind bench</title></head>
        <body><script type="module">import * as pf from './pagefind/pagefind.js'; window.pf = pf;</script></body>
        </html>
        """, StandardCharsets.UTF_8);

    List<Row> rows = new ArrayList<>();
    try (StaticServer server = StaticServer.serve(out)) {
      for (String q : QUERIES) {
        rows.add(measureQuery(server, out, q));
        Row r = rows.get(rows.size() - 1);
        System.err.printf(Locale.ROOT, "SearchBytesBench: %s  gongkai %d B / %d req / %d results / %.2f ms warm;"
                + "  pagefind %d B / %d req / %d results / %.2f ms warm%n",
            q, r.gongkai().bytes(), r.gongkai().requests(), r.gongkaiResults(), r.gongkaiWarmMs(),
            r.pagefind().bytes(), r.pagefind().requests(), r.pagefindResults(), r.pagefindWarmMs());
      }
    }

    String md = markdown(label, rows);
    Path parent = result.getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(result, md, StandardCharsets.UTF_8);
    StringBuilder files = new StringBuilder();
    for (Row r : rows) {
      files.append("## ").append(r.query()).append("\n# gongkai (cold)\n");
      for (String f : r.gongkai().paths()) files.append(f).append('\n');
      files.append("# pagefind (cold)\n");
      for (String f : r.pagefind().paths()) files.append(f).append('\n');
    }
    Files.writeString(Path.of(result + ".files.txt"), files.toString(), StandardCharsets.UTF_8);
    if (!summary.isEmpty()) {
      StringBuilder s = new StringBuilder();
      s.append("queries=").append(rows.size()).append('\n');
      s.append("gongkai.bytes.median=").append(fmt(median(rows, r -> (double) r.gongkai().bytes()), 0)).append('\n');
      s.append("gongkai.requests.median=").append(fmt(median(rows, r -> (double) r.gongkai().requests()), 1)).append('\n');
      s.append("gongkai.warm.ms.median=").append(fmt(median(rows, Row::gongkaiWarmMs), 2)).append('\n');
      s.append("pagefind.bytes.median=").append(fmt(median(rows, r -> (double) r.pagefind().bytes()), 0)).append('\n');
      s.append("pagefind.requests.median=").append(fmt(median(rows, r -> (double) r.pagefind().requests()), 1)).append('\n');
      s.append("pagefind.warm.ms.median=").append(fmt(median(rows, Row::pagefindWarmMs), 2)).append('\n');
      s.append("ratio.median=").append(fmt(median(rows, Row::ratio), 3)).append('\n');
      s.append("gongkai.gzip.bytes.median=").append(fmt(median(rows, r -> (double) r.gongkai().gzipBytes()), 0))
          .append('\n');
      s.append("pagefind.gzip.bytes.median=").append(fmt(median(rows, r -> (double) r.pagefind().gzipBytes()), 0))
          .append('\n');
      s.append("gzip.ratio.median=").append(fmt(median(rows, Row::gzipRatio), 3)).append('\n');
      Files.writeString(Path.of(summary), s.toString(), StandardCharsets.UTF_8);
    }
    System.out.println(md);
  }

  private static Row measureQuery(StaticServer server, Path out, String q) throws IOException, InterruptedException {
    // gongkai, cold then warm.
    Fetch g;
    int gTotal, gShown;
    double gWarm;
    long gWarmReq;
    try (Browser b = Browser.open()) {
      b.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(300)).pageLoadTimeout(Duration.ofSeconds(120));
      server.resetCounters();
      b.driver().get(server.url("search/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
      gTotal = waitForCount(b, q);
      int want = Math.min(TOP, gTotal);
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while ((gShown = ((Number) b.js("return document.querySelectorAll('#search-results > li').length;")).intValue())
          < want) {
        if (System.nanoTime() > deadline) fail("query " + q + ": only " + gShown + " of " + want + " results rendered");
        Thread.sleep(20);
      }
      settle(server);
      g = fetched(out, server.requestedPaths(),
          p -> p.equals("/assets/search.js")
              || (p.startsWith("/search/") && !p.equals("/search/") && !p.equals("/search/index.html")),
          SearchBytesBench::gongkaiKind);

      server.resetCounters();
      Map<?, ?> warm = asyncMap(b, """
          var done = arguments[arguments.length - 1];
          (async function (base, q, runs, top) {
            var e = new GongkaiSearch.Engine(base), m = await e.ready;
            async function once() {
              var r = await e.search(q, {});
              await Promise.all(r.hits.slice(0, top).map(function (h) { return e.doc(m, h.doc); }));
              return r.total;
            }
            var total = await once(), times = [];
            for (var i = 0; i < runs; i++) { var t0 = performance.now(); await once(); times.push(performance.now() - t0); }
            return {total: total, times: times};
          })(arguments[0], arguments[1], arguments[2], arguments[3])
            .then(done, function (err) { done({error: String(err && err.stack || err)}); });
          """, server.url("search/"), q, WARM_RUNS, TOP);
      gWarm = medianOf(times(warm, "gongkai", q));
      gWarmReq = server.requestedPaths().size();
      int again = ((Number) warm.get("total")).intValue();
      if (again != gTotal) fail("query " + q + ": page showed " + gTotal + " results, Engine.search gave " + again);
    }

    // Pagefind, cold then warm.
    Fetch p;
    int pTotal;
    double pWarm;
    long pWarmReq;
    try (Browser b = Browser.open()) {
      b.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(300)).pageLoadTimeout(Duration.ofSeconds(120));
      server.resetCounters();
      b.driver().get(server.url(PAGEFIND_PAGE));
      Map<?, ?> cold = asyncMap(b, """
          var done = arguments[arguments.length - 1];
          (async function (q, top) {
            for (var i = 0; !window.pf && i < 1000; i++) await new Promise(function (r) { setTimeout(r, 10); });
            if (!window.pf) throw new Error('pagefind.js did not load');
            await pf.init();
            var r = await pf.search(q);
            await Promise.all(r.results.slice(0, top).map(function (x) { return x.data(); }));
            return {total: r.results.length, unfiltered: r.unfilteredResultCount};
          })(arguments[0], arguments[1]).then(done, function (err) { done({error: String(err && err.stack || err)}); });
          """, q, TOP);
      pTotal = ((Number) cold.get("total")).intValue();
      settle(server);
      p = fetched(out, server.requestedPaths(), x -> x.startsWith("/pagefind/"), SearchBytesBench::pagefindKind);

      server.resetCounters();
      Map<?, ?> warm = asyncMap(b, """
          var done = arguments[arguments.length - 1];
          (async function (q, runs, top) {
            var times = [];
            for (var i = 0; i < runs; i++) {
              var t0 = performance.now();
              var r = await pf.search(q);
              await Promise.all(r.results.slice(0, top).map(function (x) { return x.data(); }));
              times.push(performance.now() - t0);
            }
            return {times: times};
          })(arguments[0], arguments[1], arguments[2])
            .then(done, function (err) { done({error: String(err && err.stack || err)}); });
          """, q, WARM_RUNS, TOP);
      pWarm = medianOf(times(warm, "pagefind", q));
      settle(server);
      pWarmReq = server.requestedPaths().size();
    }
    return new Row(q, g, gTotal, gShown, gWarm, gWarmReq, p, pTotal, pWarm, pWarmReq);
  }

  /** Waits until #search-status shows a number (not the loading text) and returns it. */
  private static int waitForCount(Browser b, String q) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    String text = "";
    while (System.nanoTime() < deadline) {
      Object t = b.js("var s = document.getElementById('search-status'); return s ? s.textContent : null;");
      text = t == null ? "" : t.toString();
      Matcher m = COUNT.matcher(text);
      if (m.find()) return Integer.parseInt(m.group(1).replace(",", ""));
      Thread.sleep(20);
    }
    fail("query " + q + ": #search-status never showed a count (last text: \"" + text + "\")");
    return -1;
  }

  /** Waits until no new request arrived for 500 ms (late fetches after the visible result still count). */
  private static void settle(StaticServer server) throws InterruptedException {
    int last = -1;
    while (true) {
      int now = server.requestedPaths().size();
      if (now == last) return;
      last = now;
      Thread.sleep(500);
    }
  }

  private static Map<?, ?> asyncMap(Browser b, String script, Object... args) {
    Object raw = ((JavascriptExecutor) b.driver()).executeAsyncScript(script, args);
    if (!(raw instanceof Map<?, ?> m)) throw new AssertionError("script returned " + raw);
    if (m.containsKey("error")) fail("browser error: " + m.get("error"));
    return m;
  }

  private static List<Double> times(Map<?, ?> m, String who, String q) {
    List<Double> out = new ArrayList<>();
    for (Object o : (Collection<?>) m.get("times")) out.add(((Number) o).doubleValue());
    if (out.size() != WARM_RUNS) fail(who + " warm runs for " + q + ": " + out);
    return out;
  }

  /** Sums the on-disk sizes of the requested paths that {@code include} accepts (the server sends files as stored). */
  private static Fetch fetched(Path out, List<String> requested, java.util.function.Predicate<String> include,
      Function<String, String> kind) throws IOException {
    long bytes = 0;
    long gzip = 0;
    int n = 0;
    Map<String, long[]> byKind = new TreeMap<>();
    List<String> paths = new ArrayList<>();
    for (String p : requested) {
      if (!include.test(p)) continue;
      Path f = out.resolve(p.substring(1)).normalize();
      if (!f.startsWith(out)) continue;
      if (Files.isDirectory(f)) f = f.resolve("index.html");
      if (!Files.isRegularFile(f)) fail("requested but missing (404): " + p);
      long size = Files.size(f);
      bytes += size;
      gzip += GZIP_SIZES.computeIfAbsent(f, SearchBytesBench::gzipSize);
      n++;
      paths.add(p + " " + size);
      long[] k = byKind.computeIfAbsent(kind.apply(p), x -> new long[2]);
      k[0] += size;
      k[1]++;
    }
    return new Fetch(bytes, gzip, n, byKind, paths);
  }

  private static final Map<Path, Long> GZIP_SIZES = new java.util.concurrent.ConcurrentHashMap<>();

  /** The file's size if it is gzip at rest (magic 1f 8b), else its size after gzip at the default level. */
  private static long gzipSize(Path f) {
    try {
      byte[] b = Files.readAllBytes(f);
      if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) return b.length;
      ByteArrayOutputStream z = new ByteArrayOutputStream();
      try (GZIPOutputStream g = new GZIPOutputStream(z)) {
        g.write(b);
      }
      return z.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String gongkaiKind(String p) {
    if (p.equals("/assets/search.js")) return "search.js";
    String rest = p.substring("/search/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash + 1);
  }

  private static String pagefindKind(String p) {
    String rest = p.substring("/pagefind/".length());
    int slash = rest.indexOf('/');
    if (slash >= 0) return rest.substring(0, slash + 1);
    if (rest.endsWith(".pf_meta")) return "*.pf_meta";
    return rest;
  }

  // ------------------------------------------------------------------------------------------ report

  private static String markdown(String label, List<Row> rows) {
    StringBuilder s = new StringBuilder();
    s.append("### ").append(label).append("\n\n");
    s.append("Cold query = fresh browser, nothing cached; bytes as served (no HTTP compression), KiB = 1024 bytes. "
        + "gongkai counts `assets/search.js` + `search/**` except the page; Pagefind counts `pagefind/**`. "
        + "Both fetch the top ").append(TOP).append(" results' display data. Warm = median of ").append(WARM_RUNS)
        .append(" repeats of the same query on the same page (search + top ").append(TOP).append("). "
            + "*gzip est.* = what a host that gzips text would send: files that are gzip at rest (our `.dat`, "
            + "Pagefind's index, fragment, meta and wasm files) as they are, the others (`search.js`, "
            + "`manifest.json`, `t2s/*.txt`, `pagefind*.js`, `pagefind-entry.json`) gzipped at the default level."
            + "\n\n");
    s.append("| query | gongkai KiB | gongkai requests | Pagefind KiB | Pagefind requests | ratio gongkai/Pagefind "
        + "| gongkai results | Pagefind results | gongkai warm ms | Pagefind warm ms "
        + "| gzip est.: gongkai KiB | Pagefind KiB | ratio |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      s.append("| ").append(r.query())
          .append(" | ").append(kib(r.gongkai().bytes()))
          .append(" | ").append(r.gongkai().requests())
          .append(" | ").append(kib(r.pagefind().bytes()))
          .append(" | ").append(r.pagefind().requests())
          .append(" | ").append(fmt(r.ratio(), 2))
          .append(" | ").append(r.gongkaiResults())
          .append(" | ").append(r.pagefindResults())
          .append(" | ").append(fmt(r.gongkaiWarmMs(), 1))
          .append(" | ").append(fmt(r.pagefindWarmMs(), 1))
          .append(" | ").append(kib(r.gongkai().gzipBytes()))
          .append(" | ").append(kib(r.pagefind().gzipBytes()))
          .append(" | ").append(fmt(r.gzipRatio(), 2))
          .append(" |\n");
    }
    s.append("| **median** | **").append(kib(median(rows, r -> (double) r.gongkai().bytes())))
        .append("** | **").append(fmt(median(rows, r -> (double) r.gongkai().requests()), 1))
        .append("** | **").append(kib(median(rows, r -> (double) r.pagefind().bytes())))
        .append("** | **").append(fmt(median(rows, r -> (double) r.pagefind().requests()), 1))
        .append("** | **").append(fmt(median(rows, Row::ratio), 2))
        .append("** | | | **").append(fmt(median(rows, Row::gongkaiWarmMs), 1))
        .append("** | **").append(fmt(median(rows, Row::pagefindWarmMs), 1))
        .append("** | **").append(kib(median(rows, r -> (double) r.gongkai().gzipBytes())))
        .append("** | **").append(kib(median(rows, r -> (double) r.pagefind().gzipBytes())))
        .append("** | **").append(fmt(median(rows, Row::gzipRatio), 2))
        .append("** |\n\n");
    long gw = rows.stream().mapToLong(Row::gongkaiWarmRequests).sum();
    long pw = rows.stream().mapToLong(Row::pagefindWarmRequests).sum();
    s.append("Requests during the warm runs (all queries): gongkai ").append(gw).append(", Pagefind ").append(pw)
        .append(".\n\n");

    s.append(byKindTable("gongkai cold-query bytes by file (KiB, with request count when > 1)", rows, Row::gongkai));
    s.append(byKindTable("Pagefind cold-query bytes by file (KiB, with request count when > 1)", rows, Row::pagefind));
    return s.toString();
  }

  private static String byKindTable(String title, List<Row> rows, Function<Row, Fetch> which) {
    TreeSet<String> kinds = new TreeSet<>();
    for (Row r : rows) kinds.addAll(which.apply(r).byKind().keySet());
    StringBuilder s = new StringBuilder();
    s.append(title).append(":\n\n| query |");
    for (String k : kinds) s.append(" `").append(k).append("` |");
    s.append(" total |\n|---|");
    s.append("---:|".repeat(kinds.size())).append("---:|\n");
    for (Row r : rows) {
      Map<String, long[]> m = new LinkedHashMap<>(which.apply(r).byKind());
      s.append("| ").append(r.query()).append(" |");
      for (String k : kinds) {
        long[] v = m.get(k);
        s.append(' ').append(v == null ? "—" : kib(v[0]) + (v[1] > 1 ? " (" + v[1] + ")" : "")).append(" |");
      }
      s.append(' ').append(kib(which.apply(r).bytes())).append(" |\n");
    }
    return s.append('\n').toString();
  }

  private static double median(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
    List<Double> v = new ArrayList<>();
    for (Row r : rows) v.add(f.applyAsDouble(r));
    return medianOf(v);
  }

  private static double medianOf(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    v.sort(Double::compare);
    int n = v.size();
    if (n == 0) return Double.NaN;
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  private static String kib(double bytes) {
    return fmt(bytes / 1024.0, 1);
  }

  private static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String required(String name) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) {
      fail("system property " + name + " is required; run bench/search.sh, or pass it with "
          + "-DargLine=\"-Dbench.out=OUT -Dbench.result=FILE\" (surefire forks the test JVM)");
    }
    return v;
  }
}
