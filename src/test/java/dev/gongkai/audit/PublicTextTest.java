package dev.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A text kept as lines hashes as the joined text does, without being joined. */
class PublicTextTest {
  @Test
  void hashOfTheLinesIsTheHashOfTheirJoin() {
    Random rnd = new Random(7);
    String alphabet = "ab\n 。公开\uD83D\uDE00\uD800,";
    for (int n = 0; n < 2000; n++) {
      List<String> lines = new ArrayList<>();
      int count = 1 + rnd.nextInt(6);
      for (int i = 0; i < count; i++) {
        lines.add(LeakAuditMatchingTest.random(rnd, alphabet, rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(40)));
      }
      PublicText t = new PublicText(lines);
      assertEquals(String.join("\n", lines), t.text());
      assertEquals(NeedleMemo.Hash.of(String.join("\n", lines)), t.hash(), lines.toString());
    }
    assertEquals(NeedleMemo.Hash.of("x\nnull"), new PublicText(Arrays.asList("x", null)).hash());
    assertNotEquals(new PublicText(List.of("ab", "")).hash(), new PublicText(List.of("a", "b")).hash(),
        "the line breaks count");
  }
}
