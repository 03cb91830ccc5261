package dev.gongkai.index.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * {@link StandardTokenizer} followed by {@link CJKBigramFilter} (Han, Hiragana, Katakana and Hangul, unigrams kept),
 * in one tokenizer: the same tokens (term, position increment and length, type, offsets) and the same end state.
 *
 * <p>A field is read whole on {@link #reset()}. When its (char-filtered) text is made only of Han ideographs, ASCII
 * letter and digit runs, and separators that can never join or split a word (whitespace, most ASCII punctuation, and
 * common CJK punctuation), the tokens are made directly from the characters, which at 100,000 records took a quarter
 * of the search index's time in the two filters. Any other text (other scripts, {@code _}, a {@code . , ; : '}
 * between two letters or digits, an over-long word, two ideographs whose corrected offsets touch across a separator)
 * goes through the two Lucene classes themselves. {@code HanBigramTokenizerTest} compares both paths on random text.
 */
final class HanBigramTokenizer extends Tokenizer {
  static final int SCRIPTS =
      CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
  private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];
  private static final String NUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM];
  /** StandardTokenizer's default longest token; longer runs take the general path. */
  private static final int MAX_WORD = org.apache.lucene.analysis.standard.StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLen = addAttribute(PositionLengthAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  /** The general path, made on first use; it reads {@link #buf} through a {@link Replay}. */
  private StandardTokenizer general;
  private TokenStream generalChain;
  private CharTermAttribute gTerm;
  private OffsetAttribute gOffset;
  private PositionIncrementAttribute gPosInc;
  private PositionLengthAttribute gPosLen;
  private TypeAttribute gType;
  private boolean generalOpen;

  private char[] buf = new char[1024];
  private int len;
  private boolean fast;
  /** Fast path: the next character to look at. */
  private int pos;
  /** Fast path: the bigram to emit next, as the indexes of its two ideographs ({@code bigramTo} < 0: none). */
  private int bigramFrom;
  private int bigramTo = -1;

  /** Texts that took the fast path and the general path since the class was loaded (for tests; the reference's not). */
  static final java.util.concurrent.atomic.LongAdder FAST = new java.util.concurrent.atomic.LongAdder();
  static final java.util.concurrent.atomic.LongAdder GENERAL = new java.util.concurrent.atomic.LongAdder();

  private final boolean forceGeneral;

  /** @param forceGeneral every text through the Lucene classes (the reference, for tests) */
  HanBigramTokenizer(boolean forceGeneral) {
    this.forceGeneral = forceGeneral;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    len = 0;
    for (int n; (n = input.read(buf, len, buf.length - len)) != -1; ) {
      len += n;
      if (len == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    }
    pos = 0;
    bigramTo = -1;
    fast = !forceGeneral && plain();
    if (!forceGeneral) (fast ? FAST : GENERAL).increment();
    if (!fast) {
      if (general == null) {
        general = new StandardTokenizer();
        generalChain = new CJKBigramFilter(general, SCRIPTS, true);
        gTerm = generalChain.addAttribute(CharTermAttribute.class);
        gOffset = generalChain.addAttribute(OffsetAttribute.class);
        gPosInc = generalChain.addAttribute(PositionIncrementAttribute.class);
        gPosLen = generalChain.addAttribute(PositionLengthAttribute.class);
        gType = generalChain.addAttribute(TypeAttribute.class);
      }
      general.setReader(new Replay(buf, len, input));
      generalChain.reset();
      generalOpen = true;
    }
  }

  /**
   * Whether the text is in the fast path's subset: every character an ideograph, an ASCII letter or digit, or a
   * separator that joins nothing here.
   */
  private boolean plain() {
    char[] b = buf;
    int n = len;
    int lastHanEnd = -1; // index after the last ideograph, while no word came after it
    for (int i = 0; i < n; i++) {
      char c = b[i];
      if (isHan(c)) {
        // CJKBigramFilter pairs ideographs whose offsets touch: across a separator only if the char filter made
        // its corrected offsets meet. Rare; left to the general path.
        if (lastHanEnd >= 0 && lastHanEnd != i && correctOffset(lastHanEnd) == correctOffset(i)) return false;
        lastHanEnd = i + 1;
      } else if (isAlnum(c)) {
        int end = wordEnd(i);
        if (end - i > MAX_WORD) return false;
        i = end - 1;
        lastHanEnd = -1;
      } else if (!isSeparator(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The end of the word that starts with the letter or digit at {@code s}: letters and digits, and the UAX #29 middle
   * characters between two of them ({@code 4.9}, {@code 1,000}, {@code can't}, {@code a:b}).
   */
  private int wordEnd(int s) {
    char[] b = buf;
    int n = len;
    int i = s + 1;
    while (i < n) {
      if (isAlnum(b[i])) i++;
      else if (i + 1 < n && joins(b[i - 1], b[i], b[i + 1])) i += 2;
      else break;
    }
    return i;
  }

  /** UAX #29 WB6/7 (letters around MidLetter or MidNumLet) and WB11/12 (digits around MidNum or MidNumLet). */
  private static boolean joins(char before, char c, char after) {
    if (isDigit(before) && isDigit(after)) return c == '.' || c == ',' || c == ';' || c == '\'';
    if (isLetter(before) && isLetter(after)) return c == '.' || c == ':' || c == '\'' || c == '\u00B7';
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isHan(char c) {
    return (c >= 0x4E00 && c <= 0x9FA5) || (c >= 0x3400 && c <= 0x4DB5);
  }

  private static boolean isAlnum(char c) {
    return isDigit(c) || isLetter(c);
  }

  /**
   * Characters that are no part of a token here: whitespace, UAX #29 Word_Break "Other", and the middle characters
   * where {@link #wordEnd} found they join nothing.
   */
  private static boolean isSeparator(char c) {
    if (c < 0x80) return c == ' ' || c == '\n' || c == '\r' || c == '\t' || (c > ' ' && c < 0x7F && c != '_');
    return (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301B)
        || c == 0x2013 || c == 0x2014 || c == 0x201C || c == 0x201D || c == 0x00B7;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!fast) return generalToken();
    clearAttributes();
    if (bigramTo >= 0) {
      term.copyBuffer(buf, bigramFrom, 2); // the fast path pairs adjacent ideographs only
      offset.setOffset(correctOffset(bigramFrom), correctOffset(bigramTo + 1));
      type.setType(CJKBigramFilter.DOUBLE_TYPE);
      posInc.setPositionIncrement(0);
      posLen.setPositionLength(2);
      pos = bigramTo;
      bigramTo = -1;
      return true;
    }
    char[] b = buf;
    while (pos < len) {
      char c = b[pos];
      if (isHan(c)) {
        term.copyBuffer(b, pos, 1);
        offset.setOffset(correctOffset(pos), correctOffset(pos + 1));
        type.setType(CJKBigramFilter.SINGLE_TYPE);
        if (pos + 1 < len && isHan(b[pos + 1])) {
          bigramFrom = pos;
          bigramTo = pos + 1;
        }
        pos++;
        return true;
      }
      if (isAlnum(c)) {
        int s = pos;
        pos = wordEnd(s);
        boolean digits = true;
        for (int k = s; k < pos && digits; k++) digits = !isLetter(b[k]);
        term.copyBuffer(b, s, pos - s);
        offset.setOffset(correctOffset(s), correctOffset(pos));
        type.setType(digits ? NUM : ALPHANUM);
        return true;
      }
      pos++;
    }
    return false;
  }

  private boolean generalToken() throws IOException {
    if (!generalChain.incrementToken()) return false;
    clearAttributes();
    term.copyBuffer(gTerm.buffer(), 0, gTerm.length());
    offset.setOffset(gOffset.startOffset(), gOffset.endOffset());
    posInc.setPositionIncrement(gPosInc.getPositionIncrement());
    posLen.setPositionLength(gPosLen.getPositionLength());
    type.setType(gType.type());
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    if (fast) {
      int end = correctOffset(len);
      offset.setOffset(end, end);
    } else {
      generalChain.end();
      offset.setOffset(gOffset.startOffset(), gOffset.endOffset());
      posInc.setPositionIncrement(gPosInc.getPositionIncrement());
    }
  }

  @Override
  public void close() throws IOException {
    super.close();
    if (generalOpen) {
      generalOpen = false;
      generalChain.close();
    }
    if (buf.length > 1 << 20) buf = new char[1024]; // a huge field is not kept for the thread's next one
  }

  /** The text already read, again, with the offsets the original char filters correct. */
  private static final class Replay extends CharFilter {
    private final Reader original;

    Replay(char[] text, int length, Reader original) {
      super(new java.io.CharArrayReader(text, 0, length));
      this.original = original;
    }

    @Override
    public int read(char[] cbuf, int off, int n) throws IOException {
      return input.read(cbuf, off, n);
    }

    @Override
    protected int correct(int off) {
      return original instanceof CharFilter cf ? cf.correctOffset(off) : off;
    }
  }
}
