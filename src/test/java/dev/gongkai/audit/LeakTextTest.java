package dev.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The normaliser's fast loop gives what taking every character the general way gives, for text, markup, escapes and
 * binary data alike (the leak audit reads search shards, positions files and images with it).
 */
class LeakTextTest {
  /** Pieces random inputs are made of: markup, escapes, CJK, full-width and odd UTF-8, controls and binary bytes. */
  private static final String[] TEXT = {"青龙峡", "尾矿库", "ＡＢＣ１２", "a", "Z", " ", "\n", "\t", "<b>", "</b>", "<p class=\"x\">",
      "&amp;", "&#x9752;", "&#38738;", "\\u9752", "%E9%9D%92", "%", "&", "\\", "<", ">", "\u200b", "\u00a0", "e\u0301",
      "\ud83d\ude00", "１", "－", "—", "。"};

  private static byte[] randomInput(Random random) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int pieces = random.nextInt(60);
    for (int p = 0; p < pieces; p++) {
      switch (random.nextInt(4)) {
        case 0 -> { // binary: any byte, controls and stray continuation bytes among them
          int n = 1 + random.nextInt(8);
          for (int i = 0; i < n; i++) out.write(random.nextInt(256));
        }
        case 1 -> out.write(random.nextInt(32)); // a control character
        default -> out.writeBytes(TEXT[random.nextInt(TEXT.length)].getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static void assertSameViews(LeakText.Views expected, LeakText.Views actual, String what) {
    assertEquals(new String(expected.all(), 0, expected.allLength()), new String(actual.all(), 0, actual.allLength()),
        what + ": all");
    for (int j = 0; j <= expected.allLength(); j++) {
      assertEquals(LeakText.Views.gapBefore(expected.allGaps(), j), LeakText.Views.gapBefore(actual.allGaps(), j),
          what + ": gap before " + j);
    }
    if (expected.text() == null) {
      assertEquals(null, actual.text(), what);
      return;
    }
    assertEquals(new String(expected.text(), 0, expected.textLength()),
        new String(actual.text(), 0, actual.textLength()), what + ": text");
    for (int j = 0; j <= expected.textLength(); j++) {
      assertEquals(LeakText.Views.gapBefore(expected.textGaps(), j), LeakText.Views.gapBefore(actual.textGaps(), j),
          what + ": text gap before " + j);
    }
  }

  @Test
  void theFastLoopAgreesWithTheGeneralOne() {
    Random random = new Random(11);
    for (int round = 0; round < 20_000; round++) {
      byte[] input = randomInput(random);
      boolean withText = random.nextBoolean();
      String what = "round " + round + ": " + java.util.HexFormat.of().formatHex(input);
      assertSameViews(LeakText.viewsGeneral(input, withText), LeakText.views(input, withText), what);
      assertSameViews(LeakText.viewsGeneral(input, withText), LeakText.viewsReusing(input, withText), what);
    }
  }

  @Test
  void controlsAndStrayContinuationBytesAreAGapAndAReplacementCharacter() {
    byte[] input = {'a', 0x01, 'b', (byte) 0x85, 'c', 0x00, 0x1f, 'd'};
    LeakText.Views v = LeakText.views(input, false);
    assertEquals("ab\ufffdcd", new String(v.all(), 0, v.allLength()));
    assertEquals(true, LeakText.Views.gapBefore(v.allGaps(), 1), "a control is a gap, as a space is");
    assertEquals(true, LeakText.Views.gapBefore(v.allGaps(), 4), "two controls, one gap");
    assertEquals(false, LeakText.Views.gapBefore(v.allGaps(), 2));
  }
}
