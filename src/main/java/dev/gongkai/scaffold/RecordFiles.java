package dev.gongkai.scaffold;

import dev.gongkai.export.CsvWriter;
import dev.gongkai.load.InputLoader;
import dev.gongkai.model.CatalogueItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Where a catalogue item's own record file is, and what a new one holds. */
public final class RecordFiles {
  /**
   * The header of a new record file: the example's per-item columns plus 附件. 事项 is left out: the file is named after
   * its item.
   */
  public static final String HEADER = "索引号,标题,发布机构,成文日期,发布日期,文号,主题分类,有效性,公开属性,公开范围,正文,附件";

  /** The extensions a record file may have, in the order they are looked for. */
  static final List<String> EXTENSIONS = List.of(".csv", ".json", ".xlsx");

  private RecordFiles() {}

  /**
   * A new, empty record file: UTF-8 with a byte order mark (so that Excel opens the Chinese header correctly), the
   * header and a line end.
   */
  public static byte[] emptyCsv() {
    return CsvWriter.withBom((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Where {@code gongkai init} puts an item's file and {@code gongkai new record} creates a missing one. */
  public static String defaultPath(CatalogueItem item) {
    return InputLoader.RECORDS_DIR + "/" + item.domainSlug() + "/" + item.code() + ".csv";
  }

  /**
   * The files under {@code catalogue/records/} named after the item ({@code <code>.csv}, {@code .json} or
   * {@code .xlsx}, in any folder, any case), sorted by path. Hidden folders are skipped, as the loader does.
   */
  public static List<Path> find(Path source, CatalogueItem item) throws IOException {
    Path dir = source.resolve(InputLoader.RECORDS_DIR);
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) return out;
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(Files::isRegularFile)
          .filter(p -> !hidden(dir.relativize(p)))
          .filter(p -> EXTENSIONS.stream().anyMatch(ext -> nameOf(p).equals(item.code() + ext)))
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  private static String nameOf(Path p) {
    return p.getFileName().toString().toLowerCase(Locale.ROOT);
  }

  private static boolean hidden(Path rel) {
    for (Path part : rel) if (part.toString().startsWith(".")) return true;
    return false;
  }
}
