package dev.gongkai.index.analysis;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;

/**
 * The one analyzer of every searchable field, mirrored by the browser client ({@code search.js}). In order:
 *
 * <ol>
 *   <li><b>NFKC case folding</b> (ICU {@code nfkc_cf}, as a char filter so the tokenizer sees the folded text):
 *       full-width Ｌｅｔｔｅｒｓ and ２０２４ become ASCII, Latin is lower-cased, ① becomes 1. A citizen typing on a
 *       Chinese IME gets full-width digits; the documents mostly have half-width ones.
 *   <li><b>{@link CharFold}</b>: Traditional → Simplified (應急 finds 应急) and 文号 bracket variants.
 *   <li><b>StandardTokenizer</b> (UAX #29): Latin and digit runs become words ({@code 2024}, {@code gb11643}), so
 *       {@code 1号} never matches inside {@code 12号}; every Han character becomes its own token.
 *   <li><b>CJKBigramFilter with unigrams</b>: each Han character is indexed both alone and as a bigram with the next
 *       adjacent one (at the same position). Bigrams make multi-character queries selective and small to fetch;
 *       unigrams make one-character queries work and let a phrase start or end with a lone character next to a digit
 *       ({@code 第1号}). Chinese has no spaces, so no dictionary segmentation: a dictionary would miss a 2-character
 *       word inside a longer word, and Ctrl-F does not.
 * </ol>
 *
 * Queries use the same chain, then {@link QueryAnalysis} keeps only bigrams and the unigrams no bigram covers.
 * Thread-safe (Lucene's per-thread token stream reuse).
 */
public final class SearchAnalyzer extends Analyzer {
  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
  private final boolean reference;

  public SearchAnalyzer() {
    this(false);
  }

  /**
   * @param reference tokens made by Lucene's StandardTokenizer and CJKBigramFilter for every text, not by
   *     {@link HanBigramTokenizer}'s fast path (tests compare the two)
   */
  SearchAnalyzer(boolean reference) {
    this.reference = reference;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new FoldingCharFilter(new ICUNormalizer2CharFilter(reader, NFKC_CF));
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    // Steps 3 and 4 in one tokenizer, with a fast path for plain Chinese text (see HanBigramTokenizer).
    return new TokenStreamComponents(new HanBigramTokenizer(reference));
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return initReader(fieldName, reader);
  }
}
