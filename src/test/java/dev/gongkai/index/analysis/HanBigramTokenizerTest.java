package dev.gongkai.index.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/** The fast path gives what Lucene's StandardTokenizer + CJKBigramFilter give, token for token. */
class HanBigramTokenizerTest {
  private final Analyzer fast = new SearchAnalyzer();
  private final Analyzer reference = new SearchAnalyzer(true);

  /** Every attribute the index or the query side reads, per token, then the end state. */
  static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(t + " +" + inc.getPositionIncrement() + " len" + len.getPositionLength() + " " + type.type()
            + " [" + o.startOffset() + "," + o.endOffset() + ")");
      }
      ts.end();
      out.add("end +" + inc.getPositionIncrement() + " [" + o.startOffset() + "," + o.endOffset() + ")");
    }
    return out;
  }

  private void same(String text) throws IOException {
    assertEquals(tokens(reference, text), tokens(fast, text), () -> "text: " + text);
  }

  @Test
  void namedCases() throws IOException {
    for (String s : List.of("", "应急管理", "应", "应 急", "应，急", "2020年以来，全县共排查526家。", "gb11643-2024 标准",
        "ＧＢ　１１６４３", "應急管理局", "a.b 1,000 3.14 can't a:b", "x_y 年_月", "联系电话：0871-6512345。",
        "《中华人民共和国防洪法》（2020年修订）", "示应急发〔2020〕2485号", "“安全”——生产……", "ア イ あ 한국",
        "应\u200B急", "①②", "㍻元年", "〇一二", "café", "a·b", "中华·人民", "增长4.9%", "1,000.5万元", "a1.2 1.b 1..2 a..b x.y.z 1;2 a;b 1:2", "a'1 1'2 a'b", "😀应急", "\u00A0应急\u3000管理")) {
      same(s);
    }
    assertEquals(List.of("应 +1 len1 <SINGLE> [0,1)", "应急 +0 len2 <DOUBLE> [0,2)", "急 +1 len1 <SINGLE> [1,2)",
        "end +0 [2,2)"), tokens(fast, "应急"));
  }

  @Test
  void randomTextGivesTheSameTokensOnBothPaths() throws IOException {
    String plain = "应急管理局安全生产救灾资金年月日县乡镇村" + "应急管理" + "abcXYZ0123456789" + "     \n\n\t"
        + "-/()!?\"#%&+=@[]{}<>|~`*$^" + ".,;:'·" + "，。、；：（）《》「」【】〔〕“”—–" + "０１２ＡＢ";
    String other = "_…‘’\u00A0\u200B\u00AD\u3000①㍻アあ한éß〇㐀\u9FCC\uFA0E應災資😀\u2028\u0001";
    Random rnd = new Random(20261201);
    long fast0 = HanBigramTokenizer.FAST.sum();
    long general0 = HanBigramTokenizer.GENERAL.sum();
    int n = 20_000;
    for (int k = 0; k < n; k++) {
      boolean mixed = k % 3 == 0;
      int length = rnd.nextInt(k % 50 == 0 ? 400 : 30);
      StringBuilder b = new StringBuilder();
      while (b.length() < length) {
        String from = mixed && rnd.nextInt(8) == 0 ? other : plain;
        int cp = from.codePointAt(from.offsetByCodePoints(0, rnd.nextInt(from.codePointCount(0, from.length()))));
        b.appendCodePoint(cp);
        if (rnd.nextInt(40) == 0) b.append("a".repeat(250 + rnd.nextInt(10))); // around the longest word
      }
      same(b.toString());
    }
    long fastTexts = HanBigramTokenizer.FAST.sum() - fast0;
    long generalTexts = HanBigramTokenizer.GENERAL.sum() - general0;
    // Both paths were compared: the fast one on most texts (it cannot pass vacuously), the general one on others.
    assertTrue(fastTexts > n / 2, "fast path taken " + fastTexts + " times");
    assertTrue(generalTexts > n / 20, "general path taken " + generalTexts + " times");
  }
}
