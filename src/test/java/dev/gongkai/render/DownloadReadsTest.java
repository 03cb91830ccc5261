package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page depends on the download fields its templates read, whichever way an expression reads them (a plain chain,
 * OGNL, a method call, a whole download printed), and on nothing read outside the template run.
 */
class DownloadReadsTest {
  private static final Views.Download CSV =
      new Views.Download("CSV", "datasets/x/records.csv", 5_432_100, "text/csv", "ab".repeat(32));

  private static Set<String> read(Path tmp, String body) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("site-templates"));
    Files.writeString(dir.resolve("t.html"), "<p>" + body + "</p>", StandardCharsets.UTF_8);
    Map<String, Object> vars = new HashMap<>();
    vars.put("d", CSV);
    vars.put("list", List.of(CSV));
    vars.put("rootpath", "../");
    DownloadReads.start();
    try {
      new Templates(dir).render("t", vars, Locale.ROOT);
    } catch (RuntimeException e) {
      DownloadReads.stop();
      throw e;
    }
    return DownloadReads.stop();
  }

  @Test
  void eachWayOfReadingAFieldIsNoted(@TempDir Path tmp) throws IOException {
    assertEquals(Set.of("format"), read(tmp.resolve("a"), "<span th:text=\"${d.format}\"></span>"));
    assertEquals(Set.of("path"), read(tmp.resolve("b"), "<a th:href=\"${rootpath + d.path}\">x</a>"));
    assertEquals(Set.of("displaySize"), read(tmp.resolve("c"), "<span th:text=\"${'（' + d.displaySize() + '）'}\"></span>"));
    assertEquals(Set.of("mediaType", "sha256"),
        read(tmp.resolve("d"), "<i th:each=\"x : ${list}\" th:title=\"${x.sha256}\" th:text=\"${x.mediaType}\"></i>"));
    assertEquals(Set.of("size"), read(tmp.resolve("e"), "<i th:text=\"${list[0].size > 1024}\"></i>"));
    assertEquals(Set.of(DownloadReads.ALL), read(tmp.resolve("f"), "<i th:text=\"${d}\"></i>"));
    assertEquals(Set.of(), read(tmp.resolve("g"), "<i th:text=\"${list.size()}\"></i>"), "a count reads no field");
  }

  @Test
  void nothingIsNotedOutsideATemplateRun() {
    CSV.sha256();
    assertEquals(Set.of(), DownloadReads.stop());
    DownloadReads.start();
    CSV.format();
    assertEquals(Set.of("format"), DownloadReads.stop());
    CSV.path();
    assertEquals(Set.of(), DownloadReads.stop());
  }

  @Test
  void whatAPageShowsIsTheFieldsItRead() {
    assertEquals(List.of("5.2 MB", "CSV"), CSV.fields(List.of("displaySize", "format")));
    assertEquals(List.of("CSV", "datasets/x/records.csv", 5_432_100L, "text/csv", "ab".repeat(32)),
        CSV.fields(List.of("format", DownloadReads.ALL)));
    Views.Download edited = new Views.Download("CSV", "datasets/x/records.csv", 5_432_117, "text/csv", "cd".repeat(32));
    assertEquals(CSV.fields(List.of("displaySize", "format", "path")), edited.fields(List.of("displaySize", "format", "path")),
        "a page showing the rounded size does not see a few bytes more");
    assertTrue(!CSV.fields(List.of("size")).equals(edited.fields(List.of("size"))));
  }
}
