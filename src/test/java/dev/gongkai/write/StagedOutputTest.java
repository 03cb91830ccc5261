package dev.gongkai.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedOutputTest {
  @Test
  void commitReplacesTheWholeFolder(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("public");
    try (StagedOutput o = StagedOutput.open(out)) {
      o.write("a/index.html", "one".getBytes(StandardCharsets.UTF_8));
      o.write("old.html", "x".getBytes(StandardCharsets.UTF_8));
      assertFalse(Files.exists(out), "nothing visible before commit");
      o.commit();
    }
    try (StagedOutput o = StagedOutput.open(out)) {
      o.write("a/index.html", "two".getBytes(StandardCharsets.UTF_8));
      o.commit();
    }
    assertEquals("two", Files.readString(out.resolve("a/index.html")));
    assertFalse(Files.exists(out.resolve("old.html")), "files of the previous build are gone");
    assertEquals(1, countEntries(tmp), "no staging or old folders left");
  }

  @Test
  void closingWithoutCommitLeavesThePreviousOutput(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("public");
    try (StagedOutput o = StagedOutput.open(out)) {
      o.write("index.html", "good".getBytes(StandardCharsets.UTF_8));
      o.commit();
    }
    try (StagedOutput o = StagedOutput.open(out)) {
      o.write("index.html", "half".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("good", Files.readString(out.resolve("index.html")));
    assertEquals(1, countEntries(tmp));
  }

  @Test
  void refusesToReplaceAFolderItDidNotWrite(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("docs");
    Files.createDirectories(out);
    Files.writeString(out.resolve("thesis.txt"), "precious");
    assertThrows(StagedOutput.UnsafeOutputException.class, () -> StagedOutput.open(out));
    assertTrue(Files.exists(out.resolve("thesis.txt")));
  }

  @Test
  void pathsCannotEscapeOrRepeat(@TempDir Path tmp) throws IOException {
    try (StagedOutput o = StagedOutput.open(tmp.resolve("public"))) {
      assertThrows(IOException.class, () -> o.write("../evil.html", new byte[0]));
      o.write("a.html", new byte[0]);
      assertThrows(IOException.class, () -> o.write("a.html", new byte[0]));
    }
  }

  private static long countEntries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }
}
