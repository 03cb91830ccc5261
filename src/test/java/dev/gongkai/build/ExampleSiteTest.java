package dev.gongkai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Site;
import dev.gongkai.testing.TreeDigest;
import dev.gongkai.validate.SiteValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the bundled example (catalogue/ and content/ of this repository) builds into a complete portal. */
class ExampleSiteTest {
  static final Path EXAMPLE = Path.of("").toAbsolutePath();
  @TempDir static Path tmp;
  static Path out;
  static BuildResult result;
  static Site site;

  @BeforeAll
  static void build() throws IOException {
    out = tmp.resolve("public");
    result = SiteBuild.run(new BuildRequest(EXAMPLE, out), Progress.NONE);
    Diagnostics diags = new Diagnostics();
    site = SiteValidator.validate(InputLoader.load(new SourceTree(EXAMPLE), diags), diags).orElseThrow();
  }

  @Test
  void buildsWithoutErrorsOrWarnings() {
    assertTrue(result.ok(), () -> result.diagnostics().sorted().toString());
    assertEquals(0, result.diagnostics().total(), () -> result.diagnostics().sorted().toString());
  }

  @Test
  void exampleIsBigEnough() {
    long published = site.records().stream().filter(r -> r.disclosure() == Disclosure.ACTIVE).count();
    assertTrue(published >= 150, "published records: " + published);
    assertEquals(48, site.catalogue().items().size());
    assertEquals(List.of("安全生产", "救灾"), site.catalogue().domains().stream().map(d -> d.name()).toList());
    assertEquals(28, site.catalogue().domains().get(0).items().size());
    assertEquals(20, site.catalogue().domains().get(1).items().size());
    assertEquals(5, site.catalogue().domains().get(0).level1s().size());
    assertEquals(5, site.catalogue().domains().get(1).level1s().size());
    assertTrue(site.records().stream().anyMatch(r -> r.disclosure() == Disclosure.ON_REQUEST));
    assertTrue(site.records().stream().anyMatch(r -> r.disclosure() == Disclosure.WITHHELD));
    assertTrue(site.records().stream().anyMatch(r -> !r.interpretation().isEmpty()));
    assertTrue(site.records().stream().anyMatch(r -> !r.attachments().isEmpty()));
    assertFalse(site.incidents().isEmpty());
    assertTrue(site.incidents().get(0).updates().size() >= 3);
    assertTrue(site.datasets().size() >= 4);
  }

  @Test
  void onePagePerItemAndPerPublishedRecord() throws IOException {
    assertTrue(Files.isRegularFile(out.resolve("index.html")));
    for (var item : site.catalogue().items()) {
      assertTrue(Files.isRegularFile(out.resolve(item.url() + "index.html")), item.code());
    }
    Set<String> expected = site.records().stream().filter(r -> r.disclosure() == Disclosure.ACTIVE)
        .map(DisclosureRecord::slug).collect(Collectors.toCollection(TreeSet::new));
    Set<String> actual;
    try (Stream<Path> s = Files.list(out.resolve("records"))) {
      actual = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(expected, actual);
    for (String slug : expected) assertTrue(Files.isRegularFile(out.resolve("records/" + slug + "/index.html")));
    for (var ds : site.datasets()) assertTrue(Files.isRegularFile(out.resolve(ds.url() + "index.html")), ds.id());
    for (String p : List.of("404.html", "accessibility/index.html", "apply/index.html", "assets/site.css")) {
      assertTrue(Files.isRegularFile(out.resolve(p)), p);
    }
  }

  @Test
  void everyInternalLinkWorksAndEveryPageIsReachable() throws IOException {
    LinkCrawler crawler = new LinkCrawler(out).crawl("index.html");
    assertEquals(Set.of(), crawler.broken);
    List<String> unreachable = new ArrayList<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        String rel = out.relativize(p).toString().replace('\\', '/');
        if (rel.equals("404.html") || rel.equals(".gongkai-output")) continue;
        // The search index is fetched by assets/search.js, not linked; SearchExportTest checks its file set.
        if (rel.startsWith("search/") && !rel.endsWith(".html")) continue;
        // For crawlers, not people: robots.txt names sitemap.xml, which names the sitemap-N.xml files.
        if (rel.equals("robots.txt") || rel.matches("sitemap-\\d+\\.xml")) continue;
        if (!crawler.reached.contains(rel)) unreachable.add(rel);
      }
    }
    assertEquals(List.of(), unreachable);
  }

  @Test
  void nothingWithheldAppearsAnywhere() throws IOException {
    List<DisclosureRecord> withheld =
        site.records().stream().filter(r -> r.disclosure() != Disclosure.ACTIVE).toList();
    assertTrue(withheld.size() >= 4);
    List<String> leaks = new ArrayList<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        byte[] bytes = Files.readAllBytes(p);
        if (p.toString().endsWith(".dat")) { // search index files are gzip at rest
          try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            bytes = in.readAllBytes();
          }
        }
        if (p.toString().endsWith(".xlsx")) bytes = unzipAll(bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (DisclosureRecord r : withheld) {
          for (String needle : List.of(r.title(), r.indexNo(), r.slug())) {
            if (text.contains(needle)) leaks.add(out.relativize(p) + " contains " + needle);
          }
          if (r.bodyPath() != null && !r.markdown().isBlank()) {
            String line = r.markdown().lines().filter(l -> l.strip().length() > 12).findFirst().orElse("");
            if (!line.isEmpty() && text.contains(line.strip())) leaks.add(out.relativize(p) + " has body of " + r.indexNo());
          }
        }
      }
    }
    assertEquals(List.of(), leaks);
    for (DisclosureRecord r : withheld) {
      for (var a : r.attachments()) {
        assertFalse(existsAnywhere(a.fileName()), "attachment of withheld record published: " + a.fileName());
      }
    }
  }

  @Test
  void twoBuildsAreByteIdentical() throws IOException {
    Path again = tmp.resolve("again");
    BuildResult second = SiteBuild.run(new BuildRequest(EXAMPLE, again), Progress.NONE);
    assertTrue(second.ok());
    assertEquals(TreeDigest.of(out), TreeDigest.of(again));
  }

  /** Every entry of a zip (an .xlsx) concatenated, so its text can be searched. ZipInputStream cannot read
   *  fastexcel's output (sizes deferred to data descriptors), so this goes through the central directory. */
  private static byte[] unzipAll(byte[] zip) throws IOException {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    Path tmpZip = Files.createTempFile("gongkai-xlsx", ".zip");
    try {
      Files.write(tmpZip, zip);
      try (var zf = new java.util.zip.ZipFile(tmpZip.toFile())) {
        for (var entry : java.util.Collections.list(zf.entries())) {
          try (var in = zf.getInputStream(entry)) {
            in.transferTo(all);
          }
        }
      }
    } finally {
      Files.deleteIfExists(tmpZip);
    }
    return all.toByteArray();
  }

  @Test
  void checksumsListEveryDownloadWithItsDigest() throws Exception {
    java.util.Map<String, String> sums = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(out.resolve("SHA256SUMS"))) {
      String[] parts = line.split("  ", 2);
      sums.put(parts[1], parts[0]);
    }
    for (var e : sums.entrySet()) {
      byte[] data = Files.readAllBytes(out.resolve(e.getKey()));
      assertEquals(java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(data)), e.getValue(), e.getKey());
    }
    try (Stream<Path> s = Files.walk(out.resolve("data"))) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        String rel = out.relativize(p).toString().replace('\\', '/');
        if (!rel.equals("data/index.html")) assertTrue(sums.containsKey(rel), "not in SHA256SUMS: " + rel);
      }
    }
    for (String f : List.of("data.json", "feed.xml", "sitemap.xml", "data/catalog.jsonld", "data/catalog.ttl")) {
      assertTrue(sums.containsKey(f), f);
    }
    for (var ds : site.datasets()) {
      for (String ext : List.of(".csv", ".excel.csv", ".xlsx", ".json", ".ndjson")) {
        assertTrue(sums.containsKey("data/" + ds.id() + "/" + ds.id() + ext), ds.id() + ext);
      }
      assertTrue(sums.containsKey("data/" + ds.id() + "/datapackage.json"), ds.id());
    }
  }

  private static boolean existsAnywhere(String fileName) throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      return s.anyMatch(p -> p.getFileName().toString().equals(fileName));
    }
  }
}
