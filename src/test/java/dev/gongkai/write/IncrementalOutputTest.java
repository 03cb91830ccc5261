package dev.gongkai.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output updated in place: what is written, kept, removed, and the manifest each commit leaves for the next. */
class IncrementalOutputTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void threeBuildsInPlace(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("public");
    OutputManifest first;
    try (StagedOutput o = StagedOutput.open(out)) {
      o.write("index.html", utf8("home"));
      o.write("a/index.html", utf8("a"));
      o.write("b/index.html", utf8("b"));
      o.write("c/index.html", utf8("c"));
      o.commit();
      first = o.manifest();
    }

    OutputManifest second;
    try (IncrementalOutput o = IncrementalOutput.open(out, first)) {
      o.write("index.html", utf8("home")); // the same bytes: not written again
      o.keep("a/index.html");
      o.write("b/index.html", utf8("b2"));
      // Asked while the build still produces files: c/ is not produced yet, and then it is.
      assertEquals(List.of("c/index.html"), o.removedPaths());
      o.keep("c/index.html");
      assertEquals(List.of(), o.removedPaths());
      o.write("d/index.html", utf8("d"));
      assertEquals(Set.of("b/index.html", "d/index.html"), o.changedFiles().keySet());
      o.commit();
      second = o.manifest();
    }
    assertEquals("b2", Files.readString(out.resolve("b/index.html")));
    assertEquals("d", Files.readString(out.resolve("d/index.html")));
    assertEquals(Set.of(StagedOutput.MARKER, "index.html", "a/index.html", "b/index.html", "c/index.html",
        "d/index.html"), second.files().keySet());
    assertArrayEquals(OutputManifest.sha256(out.resolve("b/index.html")), second.files().get("b/index.html"));
    assertThrows(UnsupportedOperationException.class, () -> second.files().remove("a/index.html"));
    assertThrows(UnsupportedOperationException.class, () -> second.files().keySet().clear());
    assertThrows(UnsupportedOperationException.class,
        () -> second.files().entrySet().iterator().next().setValue(new byte[32]));

    // The next build starts from the manifest the last one left (taken over, not copied).
    try (IncrementalOutput o = IncrementalOutput.open(out, second)) {
      o.keep("index.html");
      o.keep("b/index.html");
      o.write("a/index.html", utf8("a3"));
      assertEquals(List.of("c/index.html", "d/index.html"), o.removedPaths());
      assertEquals(List.of("c/index.html", "d/index.html"), o.removedPaths(), "asked again, the same");
      o.commit();
      assertEquals(Set.of(StagedOutput.MARKER, "index.html", "a/index.html", "b/index.html"),
          o.manifest().files().keySet());
      assertThrows(IllegalStateException.class, () -> o.write("e/index.html", utf8("e")));
    }
    assertFalse(Files.exists(out.resolve("c")), "a folder left empty is removed");
    assertFalse(Files.exists(out.resolve("d/index.html")));
    assertEquals("a3", Files.readString(out.resolve("a/index.html")));
  }
}
