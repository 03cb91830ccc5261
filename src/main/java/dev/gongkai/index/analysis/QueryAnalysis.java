package dev.gongkai.index.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Turns what a citizen typed into query parts. Whitespace separates parts (all must match, in any field); each part
 * is a sequence of terms at fixed relative positions: a phrase, so that a part matches exactly where the folded text
 * contains it, as Ctrl-F would.
 *
 * <p>From the analyzer's stream a part keeps every bigram and only those unigrams that no bigram covers (a lone Han
 * character, or one next to a digit or letter). Positions are kept as the index has them, so {@code 应急x} becomes
 * 应急@0 x@2, which matches {@code 应急x} in the text (unigram 急 sits at 1 in the index).
 */
public final class QueryAnalysis {
  private QueryAnalysis() {}

  /** A term at a position relative to the part's first term. */
  public record Term(String text, int position) {}

  /**
   * Whether a part is a run of Han (or kana, Hangul) characters only: overlapping bigrams at positions 0, 1, 2, ….
   * Such a part is matched as a conjunction of its bigrams, without positions: a document containing all the
   * overlapping bigrams of a run almost always contains the run (each bigram pins the next character), every
   * document that contains the run is found, and the browser needs no positions for the commonest queries. Parts
   * with digits, Latin words, lone characters or gaps stay exact phrases ({@code 1号} must not match {@code 12号}).
   */
  public static boolean isBigramRun(List<Term> part) {
    if (part.size() < 2) return false;
    for (int i = 0; i < part.size(); i++) {
      Term t = part.get(i);
      if (t.position() != i || t.text().codePointCount(0, t.text().length()) != 2) return false;
      if (!t.text().codePoints().allMatch(QueryAnalysis::isCjk)) return false;
    }
    return true;
  }

  private static boolean isCjk(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
  }

  /** The parts of {@code query}; parts that analyze to nothing (punctuation only) are dropped. */
  public static List<List<Term>> parts(Analyzer analyzer, String query) {
    List<List<Term>> parts = new ArrayList<>();
    for (String raw : query.trim().split("[\\s\\u3000]+")) {
      if (raw.isEmpty()) continue;
      List<Term> terms = terms(analyzer, raw);
      if (!terms.isEmpty()) parts.add(List.copyOf(terms));
    }
    return List.copyOf(parts);
  }

  private static List<Term> terms(Analyzer analyzer, String text) {
    record Tok(String text, int pos, boolean bigram) {}
    List<Tok> all = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("q", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        all.add(new Tok(term.toString(), pos, CJKBigramFilter.DOUBLE_TYPE.equals(type.type())));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analyzing a String cannot fail
    }
    java.util.Set<Integer> covered = new java.util.HashSet<>();
    for (Tok t : all) {
      if (t.bigram()) {
        covered.add(t.pos());
        covered.add(t.pos() + 1);
      }
    }
    List<Term> kept = new ArrayList<>();
    int first = -1;
    for (Tok t : all) {
      if (!t.bigram() && covered.contains(t.pos()) && isCjkUnigram(t.text())) continue;
      if (first < 0) first = t.pos();
      kept.add(new Term(t.text(), t.pos() - first));
    }
    return kept;
  }

  private static boolean isCjkUnigram(String s) {
    return s.codePointCount(0, s.length()) == 1;
  }
}
