package dev.gongkai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.cli.ExitCodes;
import dev.gongkai.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published pages can carry a strict Content-Security-Policy: every page declares it (and a referrer policy),
 * and nothing in them needs more — no inline script or event handler, no inline style, nothing from another origin.
 * (The search page working under this policy in a real browser is SearchPageTest's job.)
 */
class ContentSecurityTest {

  @Test
  void everyPageDeclaresTheStrictPolicyAndNeedsNoMore(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("public");
    BuildResult r = SiteBuild.run(new BuildRequest(Path.of("").toAbsolutePath(), out), Progress.NONE);
    assertTrue(r.ok());
    List<String> problems = new ArrayList<>();
    int pages = 0;
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".html"))::iterator) {
        pages++;
        String rel = out.relativize(p).toString();
        Document d = Jsoup.parse(p.toFile(), "UTF-8");
        Element csp = d.selectFirst("meta[http-equiv=Content-Security-Policy]");
        if (csp == null || !csp.attr("content").contains("script-src 'self'")
            || !csp.attr("content").contains("style-src 'self'") || csp.attr("content").contains("unsafe")) {
          problems.add(rel + ": no strict policy");
        }
        if (d.selectFirst("meta[name=referrer][content=strict-origin-when-cross-origin]") == null) {
          problems.add(rel + ": no referrer policy");
        }
        for (Element script : d.select("script")) {
          String type = script.attr("type");
          boolean data = type.equals("application/json") || type.equals("application/ld+json");
          if (!data && (script.attr("src").isEmpty() || !script.data().isBlank())) problems.add(rel + ": inline script");
          if (script.attr("src").matches("(?i)^(https?:)?//.*")) problems.add(rel + ": third-party script");
        }
        if (!d.select("style").isEmpty()) problems.add(rel + ": <style> element");
        for (Element e : d.getAllElements()) {
          for (Attribute a : e.attributes()) {
            if (a.getKey().equals("style") || a.getKey().startsWith("on")) problems.add(rel + ": " + a.getKey() + "=");
            if ((a.getKey().equals("src") || (e.is("link") && a.getKey().equals("href")))
                && a.getValue().matches("(?i)^(https?:)?//.*")) {
              problems.add(rel + ": loads " + a.getValue());
            }
          }
        }
      }
    }
    assertTrue(pages > 200, "pages checked: " + pages);
    assertEquals(List.of(), problems);
  }

  @Test
  void thePreviewListensOnThisMachineOnly() {
    Cli.Run r = Cli.run("serve", "--host", "0.0.0.0", "--port", "0");
    assertEquals(ExitCodes.USAGE, r.exit());
    assertTrue(r.err().contains("127.0.0.1"), r.err());
  }
}
