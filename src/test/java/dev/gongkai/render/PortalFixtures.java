package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The example portal built once per test JVM, as it is ({@link #example()}, its incident over) and with its incident
 * still in progress ({@link #activeIncident()}: the banner on every page), and one page of each page type.
 */
final class PortalFixtures {
  static final Path EXAMPLE = Path.of("").toAbsolutePath();
  private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

  private PortalFixtures() {}

  /** The bundled example's output folder. */
  static Path example() {
    return BUILT.computeIfAbsent("example", k -> build(EXAMPLE, k));
  }

  /** The example with {@code content/incidents/2025-flood.md} switched to {@code state=进行中}. */
  static Path activeIncident() {
    return BUILT.computeIfAbsent("active", k -> {
      try {
        Path src = Files.createTempDirectory("gongkai-active-src-");
        for (String dir : List.of("catalogue", "content", "site-templates")) copyTree(EXAMPLE.resolve(dir), src.resolve(dir));
        Path incident = src.resolve("content/incidents/2025-flood.md");
        String text = Files.readString(incident, StandardCharsets.UTF_8);
        assertTrue(text.contains("state=已结束"), "the example's incident header changed; update this fixture");
        Files.writeString(incident, text.replace("state=已结束", "state=进行中"), StandardCharsets.UTF_8);
        return build(src, k);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * One URL path (relative to the site root) per page type, in a fixed order, found in {@code out}: home, domain,
   * item (one with records), record, dataset, content page, incident, search, browse by year and by publisher, open
   * data, timeliness audit, annual report, 依申请公开, accessibility statement, 404.
   */
  static Map<String, String> pageTypes(Path out) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("home", "");
    m.put("domain", "catalogue/aqsc/");
    m.put("item", "catalogue/aqsc/aqsc-02-02/");
    m.put("record", firstDir(out, "records") );
    m.put("dataset", "datasets/relief-funds-2025/");
    m.put("page", "guide/");
    m.put("incident", "incidents/2025-flood/");
    m.put("search", "search/");
    m.put("browse-year", "browse/year/2025/");
    m.put("browse-agency", firstDir(out, "browse/agency"));
    m.put("data", "data/");
    m.put("audit", "audit/");
    m.put("report", firstDir(out, "reports"));
    m.put("apply", "apply/");
    m.put("accessibility", "accessibility/");
    m.put("404", "404.html");
    for (Map.Entry<String, String> e : m.entrySet()) {
      String p = e.getValue();
      Path file = out.resolve(p.isEmpty() || p.endsWith("/") ? p + "index.html" : p);
      assertTrue(Files.isRegularFile(file), e.getKey() + " page missing: " + file);
    }
    return m;
  }

  /** Every generated HTML file as a URL path relative to the site root ({@code index.html} dropped), sorted. */
  static List<String> allPages(Path out) {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(p -> p.toString().endsWith(".html"))
          .map(p -> out.relativize(p).toString().replace('\\', '/'))
          .map(p -> p.equals("index.html") ? "" : p.endsWith("/index.html") ? p.substring(0, p.length() - 10) : p)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstDir(Path out, String parent) {
    try (Stream<Path> s = Files.list(out.resolve(parent))) {
      return parent + "/" + s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().findFirst()
          .orElseThrow() + "/";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path build(Path source, String name) {
    try {
      Path out = Files.createTempDirectory("gongkai-portal-" + name + "-").resolve("public");
      BuildResult r = SiteBuild.run(new BuildRequest(source, out), Progress.NONE);
      assertTrue(r.ok(), () -> "the " + name + " site must build: " + r);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) return;
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.naturalOrder())::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }
}
