package dev.gongkai.scaffold;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.CsvReader;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceText;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.validate.CatalogueValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code gongkai init}: the files of a new site that builds at once with no errors. It holds the bundled standard
 * catalogue, an empty record file per catalogue item, starter pages, a copy of the site templates, the site config
 * with the agency's fields, a {@code .gitignore}, the CI workflows that check and publish the site on every push
 * (GitHub Actions and GitLab CI), and the publisher's guide.
 *
 * <p>The output depends only on the {@link SiteIdentity}: paths are sorted and nothing carries a date.
 */
public final class SiteScaffold {
  /** Where the scaffold's CI files go in the new site, and which bundled recipe each one is. */
  public static final String GITHUB_WORKFLOW = ".github/workflows/github-pages.yml";
  public static final String GITLAB_CI = ".gitlab-ci.yml";

  private SiteScaffold() {}

  /** The folder given to {@link #write} has files and {@code force} was not set. */
  public static final class NotEmptyException extends Exception {
    private static final long serialVersionUID = 1L;

    NotEmptyException(Path dir) {
      super(dir.toString());
    }
  }

  /** What {@link #write} did: the files written (relative, sorted) and how many replaced an existing file. */
  public record Written(List<String> files, int replaced) {}

  /** Every file of the new site, by path relative to the site folder (with {@code /}), sorted. */
  public static SortedMap<String, byte[]> files(SiteIdentity id) {
    return files(id, null);
  }

  /** The files, with {@code date} (may be null) as the starter pages' date, so the footer shows when the site began. */
  public static SortedMap<String, byte[]> files(SiteIdentity id, java.time.LocalDate date) {
    SortedMap<String, byte[]> out = new TreeMap<>();
    byte[] catalogue = BundledFiles.read(BundledFiles.SCAFFOLD + "catalogue/catalogue.csv");
    out.put(InputLoader.CATALOGUE, catalogue);
    for (CatalogueItem item : items(catalogue)) out.put(RecordFiles.defaultPath(item), RecordFiles.emptyCsv());
    out.put(InputLoader.SITE_CONFIG, utf8(StarterText.siteJson(id)));
    out.put("content/about.md", utf8(StarterText.about(id, date)));
    out.put("content/guide.md", utf8(StarterText.guide(id, date)));
    out.put("content/contact.md", utf8(StarterText.contact(id, date)));
    BundledFiles.tree(BundledFiles.TEMPLATES, "layout.html").forEach((p, b) -> out.put("site-templates/" + p, b));
    out.put(GITHUB_WORKFLOW, BundledFiles.read(BundledFiles.SCAFFOLD + "docs/deploy/github-pages.yml"));
    out.put(GITLAB_CI, BundledFiles.read(BundledFiles.SCAFFOLD + "docs/deploy/gitlab-ci.yml"));
    out.put("docs/publisher-guide.md", BundledFiles.read(BundledFiles.SCAFFOLD + "docs/publisher-guide.md"));
    out.put("README.md", utf8(StarterText.readme(id)));
    out.put(".gitignore", utf8(StarterText.gitignore()));
    return out;
  }

  /**
   * Writes the new site into {@code dir}, creating it when missing.
   *
   * @param force write even into a folder that has files (same-named files are replaced, others kept)
   * @throws NotEmptyException when {@code dir} has anything besides a {@code .git} folder (a fresh clone counts as
   *     empty) and {@code force} is false; nothing is written then
   * @throws java.nio.file.FileAlreadyExistsException when {@code dir} is a file
   */
  public static Written write(Path dir, SiteIdentity id, boolean force) throws IOException, NotEmptyException {
    return write(dir, id, force, null);
  }

  /** As {@link #write(Path, SiteIdentity, boolean)}, the starter pages dated {@code date} (may be null). */
  public static Written write(Path dir, SiteIdentity id, boolean force, java.time.LocalDate date)
      throws IOException, NotEmptyException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) throw new java.nio.file.FileAlreadyExistsException(dir.toString());
    if (!force && Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.anyMatch(p -> !p.getFileName().toString().equals(".git"))) throw new NotEmptyException(dir);
      }
    }
    SortedMap<String, byte[]> files = files(id, date);
    int replaced = 0;
    for (var e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      if (Files.exists(p)) {
        if (Arrays.equals(Files.readAllBytes(p), e.getValue())) continue;
        replaced++;
      }
      Files.write(p, e.getValue());
    }
    return new Written(List.copyOf(files.keySet()), replaced);
  }

  /** The items of the bundled catalogue (known good: the repository's tests build it). */
  static List<CatalogueItem> items(byte[] catalogueCsv) {
    String text = new String(catalogueCsv, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    Diagnostics diags = new Diagnostics();
    Catalogue c = CatalogueValidator.validate(
        CsvReader.read(new SourceText(InputLoader.CATALOGUE, text), diags).orElse(null), diags);
    if (diags.errorCount() > 0 || c.items().isEmpty()) {
      throw new IllegalStateException("the bundled catalogue does not read: " + diags.sorted());
    }
    return c.items();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
