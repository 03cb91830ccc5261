package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {
  /** Characters a page may hold: ASCII, Latin, CJK, full-width, and surrogates paired, split and alone. */
  private static final char[] ALPHABET = {
    'a', '<', '"', '\n', 'é', 'ß', 'ͳ', '公', '开', '〔', '）', '\uFF21', '\uFFFD', '\u0000', '\u07FF', '\u0800',
    '\uD83D', '\uDE00', '\uD840', '\uDC0B', '\uDBFF', '\uDFFF'
  };

  @Test
  void givesTheBytesOfGetBytesWhateverTheWrites() {
    Random rnd = new Random(7);
    Utf8Writer w = new Utf8Writer(16); // small: the buffer grows in many of the cases
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      w.reset();
      int writes = rnd.nextInt(6);
      for (int k = 0; k < writes; k++) {
        String piece = random(rnd, rnd.nextInt(round % 10 == 0 ? 3000 : 12));
        text.append(piece);
        switch (rnd.nextInt(4)) {
          case 0 -> w.write(piece);
          case 1 -> {
            for (int i = 0; i < piece.length(); i++) w.write(piece.charAt(i));
          }
          case 2 -> w.write(piece.toCharArray(), 0, piece.length());
          default -> {
            String padded = "xy" + piece + "z";
            w.write(padded, 2, piece.length());
          }
        }
      }
      assertArrayEquals(text.toString().getBytes(StandardCharsets.UTF_8), w.toBytes(), () -> escape(text));
    }
  }

  @Test
  void aPairSplitAcrossWritesIsOneCharacterAndAHalfLeftAtTheEndIsAQuestionMark() {
    Utf8Writer w = new Utf8Writer(16);
    w.write("a\uD83D");
    w.write("\uDE00b");
    w.write('\uD83D');
    assertArrayEquals("a\uD83D\uDE00b?".getBytes(StandardCharsets.UTF_8), w.toBytes());
    w.reset();
    w.write('\uD83D');
    w.write('x');
    assertArrayEquals("?x".getBytes(StandardCharsets.UTF_8), w.toBytes());
  }

  private static String random(Random rnd, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) b.append(ALPHABET[rnd.nextInt(ALPHABET.length)]);
    return b.toString();
  }

  private static String escape(CharSequence s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(200).forEach(c -> b.append(c < 0x80 ? Character.toString(c) : String.format("\\u%04X", c)));
    return b.toString();
  }
}
