package dev.gongkai.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strings survive the cache's files whatever they hold, and a file of another format is not read. */
class DataFilesTest {
  @TempDir Path tmp;

  private static List<String> samples() {
    List<String> out = new ArrayList<>(List.of("", "a", "应急管理局", "𠀀 (U+20000)", "\uD800 lone high", "lone low \uDC00",
        "\u0000 nul", "é\r\n\t"));
    Random r = new Random(5);
    for (int len : new int[] {1_000, 70_000, 300_000}) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < len; i++) b.append((char) r.nextInt(0x10000));
      out.add(b.toString());
    }
    out.add("short after long"); // buffers reused after growing
    return out;
  }

  @Test
  void charsAndUtf8RoundTrip() throws Exception {
    Path file = tmp.resolve("strings.bin");
    List<String> samples = samples();
    DataFiles.write(file, 7, (DataOutputStream out) -> {
      for (String s : samples) {
        DataFiles.writeChars(out, s);
        DataFiles.writeString(out, s);
      }
    });
    Optional<List<String>> back = DataFiles.read(file, 7, (DataInputStream in) -> {
      List<String> l = new ArrayList<>();
      for (int i = 0; i < samples.size(); i++) {
        l.add(DataFiles.readChars(in));
        l.add(DataFiles.readString(in));
      }
      return l;
    });
    List<String> expected = new ArrayList<>();
    for (String s : samples) {
      expected.add(s);
      // UTF-8 cannot carry a lone surrogate: writeString turns it into '?', writeChars keeps it.
      expected.add(new String(s.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          java.nio.charset.StandardCharsets.UTF_8));
    }
    assertEquals(expected, back.orElseThrow());
    assertEquals(Optional.empty(), DataFiles.read(file, 8, in -> "read"), "another format");
  }

  @Test
  void charsAreTheirCountThenUtf16BigEndian() throws Exception {
    for (String s : samples()) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      DataFiles.writeChars(new DataOutputStream(bytes), s);
      java.nio.ByteBuffer expected = java.nio.ByteBuffer.allocate(4 + 2 * s.length()).putInt(s.length());
      for (char c : s.toCharArray()) expected.putChar(c); // big-endian, lone surrogates as they are
      assertEquals(java.util.HexFormat.of().formatHex(expected.array()),
          java.util.HexFormat.of().formatHex(bytes.toByteArray()), "the cache files' format is unchanged");
    }
  }
}
