package dev.gongkai.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files the jar carries for {@code gongkai init}, read from the class path whether it is a folder (tests,
 * {@code target/classes}) or the jar. The pom bundles the repository's own files here (one source of truth): the
 * templates under {@value #TEMPLATES}, the catalogue and the deployment recipes under {@value #SCAFFOLD}.
 */
final class BundledFiles {
  /** The site templates (also the defaults of sites without {@code site-templates/}). */
  static final String TEMPLATES = "gongkai/default-templates/";
  /** {@code catalogue/catalogue.csv}, {@code docs/deploy/*.yml} and {@code docs/publisher-guide.md}. */
  static final String SCAFFOLD = "gongkai/scaffold/";

  private BundledFiles() {}

  /** One bundled file's bytes; fails when the jar lacks it (a packaging bug, not a user error). */
  static byte[] read(String resource) {
    try (InputStream in = BundledFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("gongkai is missing the bundled file " + resource);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every file under a bundled folder, keyed by its path relative to that folder (with {@code /}), sorted.
   *
   * @param folder a resource folder ending in {@code /}, holding at least {@code anchor}
   * @param anchor a file known to be in the folder (class loaders cannot list a folder, only find a file)
   */
  static SortedMap<String, byte[]> tree(String folder, String anchor) {
    URL url = BundledFiles.class.getClassLoader().getResource(folder + anchor);
    if (url == null) throw new IllegalStateException("gongkai is missing the bundled file " + folder + anchor);
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem fs = jarFileSystem(uri)) {
          return walk(fs.getPath("/" + folder));
        }
      }
      Path file = Path.of(uri);
      Path root = file;
      for (String ignored : anchor.split("/")) root = root.getParent();
      return walk(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      // Someone else has the jar open: use a second, private view of the same file.
      String s = uri.getSchemeSpecificPart();
      return FileSystems.newFileSystem(Path.of(URI.create(s.substring(0, s.indexOf("!/")))), (ClassLoader) null);
    }
  }

  private static SortedMap<String, byte[]> walk(Path root) throws IOException {
    SortedMap<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
