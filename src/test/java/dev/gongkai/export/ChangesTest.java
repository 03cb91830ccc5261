package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.render.Views;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangesTest {
  static final String DP = "{\"resources\": [{\"name\": \"x\", \"schema\": {\"primaryKey\": [\"索引号\"]}}]}";

  private static DatasetInfo info(String id) {
    return new DatasetInfo(id, id, "", "", "", null, null, "", List.of());
  }

  private static List<ExportFile> release(Map<String, String> csvs) {
    List<ExportFile> files = new ArrayList<>();
    csvs.forEach((id, csv) -> {
      files.add(new ExportFile(Changes.csvPath(id), csv.getBytes(StandardCharsets.UTF_8), "text/csv"));
      files.add(new ExportFile(Changes.descriptorPath(id), DP.getBytes(StandardCharsets.UTF_8), "application/json"));
    });
    return files;
  }

  private static Path publish(Path dir, List<ExportFile> files) throws IOException {
    for (ExportFile f : files) {
      Path p = dir.resolve(f.path());
      Files.createDirectories(p.getParent());
      Files.write(p, f.data());
    }
    return dir;
  }

  private static Map<String, byte[]> byPath(List<ExportFile> files) {
    Map<String, byte[]> m = new TreeMap<>();
    files.forEach(f -> m.put(f.path(), f.data()));
    return m;
  }

  @Test
  void diffsByPrimaryKeyCarryHistoryAndReleasesForward(@TempDir Path tmp) throws IOException {
    Provenance p1 = Provenance.fixed("gongkai test", Instant.parse("2025-01-10T00:00:00Z"));
    List<ExportFile> r1 = release(Map.of("records-a", "索引号,标题\r\n1,甲\r\n2,乙\r\n3,丙\r\n",
        "records-gone", "索引号,标题\r\n9,旧\r\n"));
    Changes.Result first = Changes.build(List.of(info("records-a"), info("records-gone")), r1, null, p1);
    assertTrue(first.summary().isEmpty(), "a first release has no diffs");
    List<ExportFile> published1 = new ArrayList<>(r1);
    published1.addAll(first.files());
    Path prev = publish(tmp.resolve("r1"), published1);

    Provenance p2 = Provenance.fixed("gongkai test", Instant.parse("2025-02-20T00:00:00Z"));
    List<ExportFile> r2 = release(Map.of("records-a", "索引号,标题\r\n1,甲\r\n2,乙（修订）\r\n4,丁\r\n"));
    Changes.Result second = Changes.build(List.of(info("records-a")), r2, prev, p2);
    assertEquals(List.of(1, 1, 1), List.of(second.summary().get("records-a")[0], second.summary().get("records-a")[1],
        second.summary().get("records-a")[2]));
    assertEquals(List.of(0, 0, 1), List.of(second.summary().get("records-gone")[0],
        second.summary().get("records-gone")[1], second.summary().get("records-gone")[2]));
    Map<String, byte[]> out = byPath(second.files());
    assertEquals("变更,变更字段,索引号,标题\r\nadded,,4,丁\r\nchanged,标题,2,乙（修订）\r\nremoved,,3,丙\r\n",
        new String(out.get("data/changes/records-a.csv"), StandardCharsets.UTF_8));
    JsonNode diff = new ObjectMapper().readTree(out.get("data/changes/records-a.json"));
    assertEquals("乙", diff.at("/changed/0/before/标题").asText());
    assertEquals("乙（修订）", diff.at("/changed/0/after/标题").asText());
    assertEquals(List.of(new Views.Change("2025-02-20", "changed", List.of("标题"))), second.history().get("2"));
    assertEquals("removed", second.history().get("9").get(0).change());

    JsonNode releases = new ObjectMapper().readTree(out.get("data/releases.json")).get("releases");
    assertEquals(2, releases.size(), "the release index is carried forward, newest first");
    assertEquals("2025-02-20", releases.get(0).get("date").asText());
    assertEquals(releases.get(1).get("id").asText(), releases.get(0).get("previous").asText());

    // A third release carries the history of the second forward.
    List<ExportFile> published2 = new ArrayList<>(r2);
    published2.addAll(second.files());
    Path prev2 = publish(tmp.resolve("r2"), published2);
    Provenance p3 = Provenance.fixed("gongkai test", Instant.parse("2025-03-30T00:00:00Z"));
    List<ExportFile> r3 = release(Map.of("records-a", "索引号,标题\r\n1,甲\r\n2,乙（再修订）\r\n4,丁\r\n"));
    Changes.Result third = Changes.build(List.of(info("records-a")), r3, prev2, p3);
    assertEquals(List.of(new Views.Change("2025-03-30", "changed", List.of("标题")),
        new Views.Change("2025-02-20", "changed", List.of("标题"))), third.history().get("2"));
    assertEquals(3, new ObjectMapper().readTree(byPath(third.files()).get("data/releases.json")).get("releases").size());
  }

  @Test
  void sameInputSameBytes(@TempDir Path tmp) throws IOException {
    Provenance p = Provenance.fixed("gongkai test", Instant.parse("2025-01-10T00:00:00Z"));
    List<ExportFile> r = release(Map.of("records-a", "索引号,标题\r\n1,甲\r\n"));
    Path prev = publish(tmp.resolve("prev"), release(Map.of("records-a", "索引号,标题\r\n1,乙\r\n")));
    var a = byPath(Changes.build(List.of(info("records-a")), r, prev, p).files());
    var b = byPath(Changes.build(List.of(info("records-a")), r, prev, p).files());
    assertEquals(a.keySet(), b.keySet());
    a.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, b.get(k)), k));
  }
}
