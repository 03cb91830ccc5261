package dev.gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Locating offsets in order (as the CSV reader does for every field) gives what locating each one alone gives. */
class SourceTextTest {
  @Test
  void theLocatorAgreesWithLocateEverywhere() {
    Random random = new Random(11);
    String alphabet = "ab,\"\r\n应急";
    List<String> texts = new java.util.ArrayList<>(List.of("", "a", "\n", "\r\n", "\r", "a\r\nb\rc\nd", "\n\n\r\r\n",
        "x\r"));
    for (int i = 0; i < 200; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(40); k > 0; k--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      texts.add(b.toString());
    }
    for (String t : texts) {
      SourceText src = new SourceText("catalogue/records/x.csv", t);
      SourceText.Locator at = src.locator();
      for (int offset = 0; offset <= t.length(); offset++) {
        assertEquals(src.locate(offset), at.at(offset), () -> t.replace("\r", "\\r").replace("\n", "\\n"));
      }
      // Skipping ahead is fine too.
      SourceText.Locator skipping = src.locator();
      for (int offset = 0; offset <= t.length(); offset += 1 + random.nextInt(5)) {
        assertEquals(src.locate(offset), skipping.at(offset));
      }
    }
  }

  @Test
  void goingBackIsRefused() {
    SourceText.Locator at = new SourceText("a.csv", "a\nb\nc").locator();
    at.at(4);
    assertThrows(IllegalArgumentException.class, () -> at.at(0));
  }
}
