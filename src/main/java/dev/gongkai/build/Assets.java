package dev.gongkai.build;

import dev.gongkai.render.Templates;
import dev.gongkai.write.OutputSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Publishes the static assets (CSS, the small scripts, icons) under {@code assets/}: the site's
 * {@code site-templates/assets/} when it has one, else the bundled defaults.
 */
final class Assets {
  private Assets() {}

  static void copy(Path siteTemplates, OutputSink out) throws IOException {
    Path own = siteTemplates.resolve("assets");
    if (Files.isDirectory(own)) {
      copyTree(own, out);
      return;
    }
    URL url = Assets.class.getClassLoader().getResource(Templates.DEFAULTS + "assets");
    if (url == null) return;
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          copyTree(fs.getPath(Templates.DEFAULTS + "assets"), out);
        }
      } else {
        copyTree(Path.of(uri), out);
      }
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static void copyTree(Path dir, OutputSink out) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path p : files) {
      String rel = "assets/" + dir.relativize(p).toString().replace('\\', '/');
      try (InputStream in = Files.newInputStream(p)) {
        out.write(rel, in.readAllBytes());
      }
    }
  }
}
