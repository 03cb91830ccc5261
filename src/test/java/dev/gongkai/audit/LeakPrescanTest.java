package dev.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Diagnostic;
import dev.gongkai.write.OutputSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files scanned as they are written give the read-back's diagnostics, and only files written once are trusted. */
class LeakPrescanTest {
  /** Writes under {@code dir}, as the build's outputs do. */
  private static OutputSink folder(Path dir) {
    return new OutputSink() {
      @Override
      public void write(String path, byte[] data) throws IOException {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.write(dir.resolve(path), data);
      }

      @Override
      public void copy(String path, Path source) throws IOException {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.copy(source, dir.resolve(path), StandardCopyOption.REPLACE_EXISTING);
      }
    };
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> files(List<Diagnostic> leaks) {
    return leaks.stream().map(Diagnostic::messageEn).toList();
  }

  @Test
  void prescannedFilesGiveTheReadBacksDiagnostics(@TempDir Path tmp) throws IOException {
    Path src = LeakAuditTest.site(tmp.resolve("site"), false, "");
    LeakAudit.Plan plan = LeakAudit.plan(LeakAuditTest.load(src));
    Path out = tmp.resolve("out");
    Path leakySource = tmp.resolve("leaky.txt");
    Files.writeString(leakySource, LeakAuditTest.WITHHELD_SENTENCE);
    List<Diagnostic> prescanned;
    try (LeakPrescan prescan = LeakPrescan.start(plan)) {
      OutputSink sink = prescan.sink(folder(out));
      for (int i = 0; i < 300; i++) sink.write("p/" + i + "/index.html", utf8("<p>第" + i + "页，无泄露。</p>"));
      sink.write("a/index.html", utf8("<h1>" + LeakAuditTest.WITHHELD_TITLE + "</h1>"));
      sink.write("b.json", utf8("{\"no\":\"" + LeakAuditTest.WITHHELD_NO + "\"}"));
      sink.write("c.txt", utf8(LeakAuditTest.WITHHELD_DOC_NO)); // then overwritten clean: the disk decides
      sink.write("c.txt", utf8("干净的内容"));
      sink.copy("d.txt", leakySource);
      prescanned = LeakAudit.scan(LeakAudit.filesOf(out), plan, null, prescan);
    }
    List<Diagnostic> readBack = LeakAudit.scan(LeakAudit.filesOf(out), plan, null);
    assertEquals(files(readBack), files(prescanned));
    assertEquals(3, readBack.size(), () -> String.join("\n", files(readBack))); // title, index number, sentence
    assertTrue(files(readBack).stream().noneMatch(m -> m.contains("c.txt")), () -> String.join("\n", files(readBack)));
  }

  @Test
  void aFileWrittenOnceIsTakenFromTheScanOfItsBytes(@TempDir Path tmp) throws IOException {
    Path src = LeakAuditTest.site(tmp.resolve("site"), false, "");
    LeakAudit.Plan plan = LeakAudit.plan(LeakAuditTest.load(src));
    Path out = tmp.resolve("out");
    List<Diagnostic> prescanned;
    try (LeakPrescan prescan = LeakPrescan.start(plan)) {
      prescan.sink(folder(out)).write("e.txt", utf8(LeakAuditTest.WITHHELD_TITLE));
      // Changed behind the sink's back: the prescan's result is what counts, so the leak is still reported.
      Files.writeString(out.resolve("e.txt"), "干净的内容");
      prescanned = LeakAudit.scan(LeakAudit.filesOf(out), plan, null, prescan);
    }
    assertEquals(1, prescanned.size(), () -> String.join("\n", files(prescanned)));
    assertTrue(files(prescanned).get(0).contains("e.txt"));
    assertEquals(List.of(), LeakAudit.scan(LeakAudit.filesOf(out), plan, null));
  }

  @Test
  void filesWrittenBeforeItStartedAreScannedFromTheFolder(@TempDir Path tmp) throws IOException {
    Path src = LeakAuditTest.site(tmp.resolve("site"), false, "");
    LeakAudit.Plan plan = LeakAudit.plan(LeakAuditTest.load(src));
    Path out = tmp.resolve("out");
    OutputSink before = folder(out);
    before.write("data/a.csv", utf8("编号,标题\n1," + LeakAuditTest.WITHHELD_TITLE + "\n"));
    before.write("data/b.json", utf8("{\"ok\":\"干净的内容\"}"));
    before.write("data/c.txt", utf8(LeakAuditTest.WITHHELD_DOC_NO)); // rewritten clean through the sink below
    Path clean = tmp.resolve("clean.csv");
    Files.writeString(clean, "干净的内容");
    List<Diagnostic> prescanned;
    try (LeakPrescan prescan = LeakPrescan.start(plan)) {
      prescan.scanWritten(LeakAudit.filesOf(out));
      prescan.sink(folder(out)).write("data/c.txt", utf8("干净的内容"));
      // a.csv is given as a clean file now: its leak is reported only if the prescan scanned the folder's a.csv.
      // c.txt, written again, is read back: the clean bytes.
      java.util.Map<String, Path> files = new java.util.TreeMap<>(LeakAudit.filesOf(out));
      files.put("data/a.csv", clean);
      prescanned = LeakAudit.scan(files, plan, null, prescan);
    }
    assertEquals(1, prescanned.size(), () -> String.join("\n", files(prescanned)));
    assertTrue(files(prescanned).get(0).contains("data/a.csv"), () -> files(prescanned).get(0));
    List<Diagnostic> readBack = LeakAudit.scan(LeakAudit.filesOf(out), plan, null);
    assertEquals(files(readBack), files(prescanned));
  }
}
