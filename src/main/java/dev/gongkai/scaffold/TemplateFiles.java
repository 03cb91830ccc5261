package dev.gongkai.scaffold;

import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.SiteConfig;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The files {@code gongkai template} writes: one records template per catalogue item, named {@code <code>.xlsx}
 * (or {@code .csv}) so that, once filled, it can go into {@code catalogue/records/} as it is.
 */
public final class TemplateFiles {
  /** The template formats. */
  public enum Format {
    XLSX, CSV;

    public String extension() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** {@code xlsx} or {@code csv}, any case; empty otherwise. */
    public static Optional<Format> parse(String s) {
      for (Format f : values()) if (f.extension().equalsIgnoreCase(s.strip())) return Optional.of(f);
      return Optional.empty();
    }
  }

  /** One file to write. */
  public record TemplateFile(CatalogueItem item, Path path, byte[] bytes) {}

  private TemplateFiles() {}

  /**
   * The templates of {@code chosen} items, in {@code dir}.
   *
   * @param items every item of the site (the 事项 list)
   * @param csvCharset the charset the site reads CSV in (for {@link Format#CSV})
   * @param time the workbooks' creation time ({@code SOURCE_DATE_EPOCH}); none when empty
   */
  public static List<TemplateFile> plan(SiteConfig config, List<CatalogueItem> items, List<CatalogueItem> chosen,
      Format format, Charset csvCharset, Path dir, Optional<Instant> time) {
    List<TemplateFile> out = new ArrayList<>();
    for (CatalogueItem item : chosen) {
      RecordTemplate t = RecordTemplate.of(config, items, item);
      byte[] bytes = format == Format.XLSX ? XlsxTemplate.write(t, time) : CsvTemplate.write(t, csvCharset);
      out.add(new TemplateFile(item, dir.resolve(t.fileName(format.extension())), bytes));
    }
    return out;
  }

  /**
   * Writes the files, creating {@code dir} when needed. Without {@code overwrite} an existing file is never
   * replaced (checked as it is created, so a file appearing meanwhile is not either).
   *
   * @throws java.nio.file.FileAlreadyExistsException when a file exists and {@code overwrite} is false
   */
  public static void write(List<TemplateFile> files, boolean overwrite) throws IOException {
    for (TemplateFile f : files) {
      Path parent = f.path().toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      if (overwrite) Files.write(f.path(), f.bytes());
      else Files.write(f.path(), f.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
  }
}
