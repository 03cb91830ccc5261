package dev.gongkai.index.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class SearchAnalyzerTest {
  private final SearchAnalyzer analyzer = new SearchAnalyzer();

  /** Index-side terms as {@code term@position}. */
  private List<String> indexed(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(t + "@" + pos);
      }
      ts.end();
    }
    return out;
  }

  private List<List<QueryAnalysis.Term>> query(String q) {
    return QueryAnalysis.parts(analyzer, q);
  }

  private static List<QueryAnalysis.Term> terms(Object... termAndPos) {
    List<QueryAnalysis.Term> l = new ArrayList<>();
    for (int i = 0; i < termAndPos.length; i += 2) l.add(new QueryAnalysis.Term((String) termAndPos[i], (int) termAndPos[i + 1]));
    return l;
  }

  @Test
  void hanCharactersAreIndexedAsUnigramsAndBigrams() throws IOException {
    assertEquals(List.of("应@0", "应急@0", "急@1", "急管@1", "管@2", "管理@2", "理@3"), indexed("应急管理"));
  }

  @Test
  void traditionalCharactersFoldToSimplified() throws IOException {
    assertEquals(indexed("应急管理局救灾资金"), indexed("應急管理局救災資金"));
    assertEquals(query("应急"), query("應急"));
  }

  @Test
  void fullWidthAndCaseFold() throws IOException {
    assertEquals(List.of("gb@0", "11643@1"), indexed("ＧＢ　１１６４３"));
    assertEquals(indexed("gb 11643"), indexed("GB 11643"));
    assertEquals(indexed("2024年"), indexed("２０２４年"));
  }

  @Test
  void documentNumberBracketVariantsAreOneTokenSequence() throws IOException {
    List<String> canonical = indexed("应急〔2024〕12号");
    for (String v : List.of("应急[2024]12号", "应急（2024）12号", "应急【2024】12号", "应急(2024)12号", "应急［２０２４］１２号")) {
      assertEquals(canonical, indexed(v), v);
      assertEquals(query("应急〔2024〕12号"), query(v), v);
    }
    assertEquals(CharFold.fold("应急〔2024〕12号"), CharFold.fold("应急【2024】12号"));
  }

  @Test
  void numbersAreWholeTokensSo1号IsNot12号() {
    assertEquals(List.of(terms("1", 0, "号", 1)), query("1号"));
    assertEquals(List.of(terms("12", 0, "号", 1)), query("12号"));
  }

  @Test
  void oneCharacterQueryIsTheUnigram() {
    assertEquals(List.of(terms("安", 0)), query("安"));
  }

  @Test
  void multiCharacterQueriesAreBigramPhrases() {
    assertEquals(List.of(terms("应急", 0)), query("应急"));
    assertEquals(List.of(terms("救灾", 0, "灾资", 1, "资金", 2)), query("救灾资金"));
    // A lone character next to a digit stays a unigram; positions are as indexed.
    assertEquals(List.of(terms("第", 0, "1", 1, "号", 2)), query("第1号"));
    assertEquals(List.of(terms("应急", 0, "x", 2)), query("应急X"));
  }

  @Test
  void hanRunsAreMatchedAsBigramConjunctionsOthersAsPhrases() {
    assertTrue(QueryAnalysis.isBigramRun(query("救灾资金").get(0)));
    assertTrue(QueryAnalysis.isBigramRun(query("應急管理").get(0)));
    assertFalse(QueryAnalysis.isBigramRun(query("应急").get(0)), "one bigram is a term query");
    assertFalse(QueryAnalysis.isBigramRun(query("第1号").get(0)));
    assertFalse(QueryAnalysis.isBigramRun(query("应急，管理").get(0)), "a gap keeps the phrase");
    assertFalse(QueryAnalysis.isBigramRun(query("gb 2024").get(0)));
  }

  @Test
  void whitespaceSeparatesPartsAndPunctuationOnlyPartsVanish() {
    assertEquals(List.of(terms("救灾", 0), terms("资金", 0)), query("救灾　资金"));
    assertTrue(query("，。 ！").isEmpty());
  }

  @Test
  void latinWordsFollowUax29() throws IOException {
    assertEquals(List.of("u.s.a@0", "3.14@1", "can't@2", "a_b@3"), indexed("U.S.A 3.14 can't a_b"));
  }
}
