package dev.gongkai.build;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Follows every internal link of a built site from its home page, as a static host would serve it (a folder URL
 * serves its index.html), and records broken links and the pages reached.
 */
final class LinkCrawler {
  final Set<String> reached = new TreeSet<>();
  final Set<String> broken = new TreeSet<>();
  private final Path root;

  LinkCrawler(Path root) {
    this.root = root;
  }

  LinkCrawler crawl(String start) throws IOException {
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    reached.add(start);
    while (!todo.isEmpty()) {
      String page = todo.poll();
      Path file = root.resolve(page);
      Document doc = Jsoup.parse(file.toFile(), "UTF-8");
      for (Element e : doc.select("a[href], link[href], img[src], script[src]")) {
        String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        if (ref.isEmpty() || ref.startsWith("#") || ref.startsWith("mailto:") || ref.matches("(?i)^https?:.*")) continue;
        String target = resolve(page, ref);
        if (target == null) {
          broken.add(page + " -> " + ref);
          continue;
        }
        if (target.endsWith(".html") && reached.add(target)) todo.add(target);
        else if (!target.endsWith(".html")) reached.add(target);
      }
    }
    return this;
  }

  /** The file a relative reference from {@code page} names, or null when it does not exist. */
  private String resolve(String page, String ref) {
    String path = ref.replaceAll("[?#].*$", "");
    URI base = URI.create("file:///" + page);
    String resolved = base.resolve(URI.create(path.replace(" ", "%20"))).getPath().substring(1);
    resolved = URLDecoder.decode(resolved.replace("+", "%2B"), StandardCharsets.UTF_8);
    if (resolved.isEmpty() || resolved.endsWith("/")) resolved = resolved + "index.html";
    Path f = root.resolve(resolved).normalize();
    if (!f.startsWith(root)) return null;
    if (Files.isDirectory(f)) return null; // a folder link without a trailing slash would redirect; we never emit one
    return Files.isRegularFile(f) ? resolved : null;
  }
}
