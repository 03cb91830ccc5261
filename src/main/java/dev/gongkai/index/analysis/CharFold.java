package dev.gongkai.index.analysis;

import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One-to-one character folding applied after NFKC case folding and before tokenization: Traditional → Simplified
 * Chinese and the bracket variants of a 文号.
 *
 * <p>The Traditional → Simplified table is derived from ICU's {@code Traditional-Simplified} transform, character by
 * character, keeping only mappings from one BMP character to one other BMP character. Character-level mapping is what
 * a search needs (应 and 應 are the same character to a reader), keeps offsets unchanged (so highlights stay in
 * place), and lets the browser client apply exactly the same table, which the export ships as
 * {@code search/t2s/*.txt}.
 *
 * <p>文号 brackets: 〔2024〕, [2024], （2024）, 【2024】, ［2024］, 〖2024〗 all become 〔2024〕, so every written form of
 * the same document number is the same character sequence (the tokenizer then drops the brackets; the fold matters
 * for highlighting and for the Ctrl-F equivalence the recall test checks).
 *
 * <p>Immutable and thread-safe; the table is computed once per JVM (about 0.1 s).
 */
public final class CharFold {
  /** Version of the analysis; the browser client refuses an index whose analyzer version it does not know. */
  public static final String ANALYZER_VERSION = "gongkai-cjk-1";

  private static final String OPEN = "[(【［〖";
  private static final String CLOSE = "])】］〗";

  private static final char[] TABLE = build();

  private CharFold() {}

  /** The folded form of one UTF-16 unit (identity for most). */
  public static char fold(char c) {
    return TABLE[c];
  }

  /** Folds every unit of {@code s}; the result has the same length. */
  public static String fold(CharSequence s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < out.length; i++) out[i] = TABLE[s.charAt(i)];
    return new String(out);
  }

  /** Every non-identity Traditional → Simplified mapping, sorted by source character. */
  public static Map<Character, Character> traditionalToSimplified() {
    Map<Character, Character> m = new TreeMap<>();
    for (int c = 0x3400; c <= 0x9FFF; c++) {
      if (TABLE[c] != c) m.put((char) c, TABLE[c]);
    }
    return m;
  }

  /** Bracket pairs folded to 〔〕, as (from, to) strings for the client. */
  public static String bracketSources() {
    return OPEN + CLOSE;
  }

  private static char[] build() {
    char[] t = new char[0x10000];
    for (int c = 0; c < t.length; c++) t[c] = (char) c;
    Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
    // CJK Extension A and the Unified Ideographs block; compatibility ideographs are already folded by NFKC.
    for (int c = 0x3400; c <= 0x9FFF; c++) {
      if (c > 0x4DBF && c < 0x4E00) continue;
      String out = t2s.transliterate(String.valueOf((char) c));
      if (out.length() == 1 && out.charAt(0) != c && Character.isIdeographic(out.charAt(0))) t[c] = out.charAt(0);
    }
    for (int i = 0; i < OPEN.length(); i++) {
      t[OPEN.charAt(i)] = '〔';
      t[CLOSE.charAt(i)] = '〕';
    }
    return t;
  }
}
