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
