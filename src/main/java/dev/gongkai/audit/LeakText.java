package dev.gongkai.audit;

import com.ibm.icu.text.Normalizer2;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one normal form that needles and scanned text are both brought to, so that a leak cannot hide behind how it is
 * spelled:
 *
 * <ul>
 *   <li>escapes are decoded: HTML/XML character references ({@code &amp;}, {@code &#x6C34;}, {@code &#27700;}),
 *       JSON/JavaScript escapes (backslash-u and four hex digits, {@code \/}, {@code \"}) and percent-encoded
 *       UTF-8 in URLs ({@code %E6%B0%B4}, {@code %2F});
 *   <li>every character is mapped by Unicode NFKC case folding, in decomposed form: full-width letters, digits and
 *       punctuation become ASCII ({@code ２０２４} → {@code 2024}, {@code ／} → {@code /}), letters lower case,
 *       compatibility ideographs the unified ones, and default-ignorable characters (zero-width space, soft hyphen,
 *       BOM) disappear;
 *   <li>all whitespace is removed (line breaks, U+3000, no-break spaces), so a title wrapped over two lines or
 *       spaced out still matches.
 * </ul>
 *
 * The mapping is per character (a precomputed table for the BMP), which keeps it fast enough for a whole site and
 * makes it the same function for a needle and for the file it is searched in.
 *
 * <p>{@link #views(byte[], boolean)} gives two views of a text: everything (tags, attribute values and comments
 * included) and the text between tags only, joined without separators, so that a sentence split by inline markup
 * ({@code 本汇编<strong>收录</strong>…}) is still found. Input is UTF-8 bytes, decoded leniently on the way.
 */
final class LeakText {
  private LeakText() {}

  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
  /**
   * ASCII characters that need no more than lower-casing, to their mapping; 0 for the rest (whitespace, controls, and
   * the characters that start a tag or an escape: {@code < > & \\ %}).
   */
  private static final char[] ASCII = new char[128];

  static {
    for (char c = '!'; c < 127; c++) {
      if ("<>&\\%".indexOf(c) >= 0) continue;
      ASCII[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
  }

  /** Per-BMP-character mapping: null = the character maps to itself, "" = it disappears. */
  private static final char[][] MAP = new char[65536][];
  /** The same, for the characters that map to exactly one character (0 for the others and for surrogates). */
  private static final char[] SINGLE = new char[65536];
  /** Mapped to nothing (default-ignorables such as U+200B). */
  private static final char[] NONE = new char[0];
  /** Whitespace: mapped to nothing, but remembered as a gap (see {@link Views#gapBefore}). */
  private static final char[] SPACE = new char[0];

  static {
    StringBuilder one = new StringBuilder(2);
    for (int c = 0; c < 65536; c++) {
      if (Character.isSurrogate((char) c)) continue;
      if (c < 0x80) {
        if (isSpace((char) c)) MAP[c] = SPACE;
        else if (c >= 'A' && c <= 'Z') MAP[c] = new char[] {(char) (c + 32)};
        continue;
      }
      if (c >= 0x4E00 && c <= 0x9FFF) continue; // CJK unified ideographs: stable under NFKC_CF and NFKD
      if (isSpace((char) c)) {
        MAP[c] = SPACE;
        continue;
      }
      one.setLength(0);
      one.append((char) c);
      String m = map(one);
      if (m.isEmpty()) MAP[c] = NONE;
      else if (m.length() != 1 || m.charAt(0) != c) MAP[c] = m.toCharArray();
    }
    for (int c = 0x80; c < 65536; c++) {
      if (Character.isSurrogate((char) c)) continue;
      char[] m = MAP[c];
      if (m == null) SINGLE[c] = (char) c;
      else if (m.length == 1 && m[0] != 0 && !Character.isSurrogate(m[0])) SINGLE[c] = m[0];
    }
  }

  /** NFKC case fold, then fully decomposed, whitespace removed: the per-character mapping. */
  private static String map(CharSequence s) {
    String m = NFKD.normalize(NFKC_CF.normalize(s));
    StringBuilder b = null;
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      if (isSpace(c)) {
        if (b == null) b = new StringBuilder(m.substring(0, i));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? m : b.toString();
  }

  static boolean isSpace(char c) {
    return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** The normal form of a needle (or of any short text). */
  static String normalize(String s) {
    Views v = views(s, false);
    return new String(v.all, 0, v.allLength);
  }

  /**
   * A text brought to the normal form, in two views.
   *
   * @param all everything: markup, attribute values, text
   * @param allGaps bit j set: whitespace was removed just before {@code all[j]}
   * @param text the text between tags (equal to {@code all} when the input has no tags); null when not asked for
   * @param textGaps the same for {@code text}
   */
  record Views(char[] all, int allLength, long[] allGaps, char[] text, int textLength, long[] textGaps) {

    /** Whether whitespace was removed just before position {@code j} of a view's buffer. */
    static boolean gapBefore(long[] gaps, int j) {
      int w = j >>> 6;
      return w < gaps.length && (gaps[w] & (1L << (j & 63))) != 0;
    }
  }

  /**
   * Normalises {@code s}.
   *
   * @param withText also build the view without tags
   */
  static Views views(String s, boolean withText) {
    return views(s.getBytes(StandardCharsets.UTF_8), withText);
  }

  /**
   * Normalises UTF-8 bytes, decoding leniently: a byte that does not start a well-formed sequence becomes U+FFFD, so
   * the ASCII and UTF-8 runs of a binary file are still seen.
   *
   * @param withText also build the view without tags
   */
  static Views views(byte[] utf8, boolean withText) {
    return new Normalizer(utf8, new Out(utf8.length + 16), withText ? new Out(utf8.length + 16) : null).run();
  }

  /** {@link #views(byte[], boolean)} without its fast path, every character taken the general way (for tests). */
  static Views viewsGeneral(byte[] utf8, boolean withText) {
    return new Normalizer(utf8, new Out(utf8.length + 16), withText ? new Out(utf8.length + 16) : null).runGeneral();
  }

  /** This thread's output buffers, reused by {@link #viewsReusing}. */
  private static final ThreadLocal<Out[]> BUFFERS =
      ThreadLocal.withInitial(() -> new Out[] {new Out(1024), new Out(1024)});

  /**
   * {@link #views(byte[], boolean)} into this thread's buffers, which saves allocating (and zeroing) two arrays the
   * size of every file scanned. The views are valid until the next call of this method on the same thread.
   */
  static Views viewsReusing(byte[] utf8, boolean withText) {
    Out[] b = BUFFERS.get();
    return new Normalizer(utf8, b[0].reset(utf8.length + 16), withText ? b[1].reset(utf8.length + 16) : null).run();
  }

  /** One normalisation: a fast loop for the common characters, {@link #ascii} for tags and escapes. */
  private static final class Normalizer {
    final byte[] b;
    final int n;
    final Out all;
    final Out text;
    /** Inside a tag: nothing goes to the text view. */
    boolean inTag;
    boolean sawTag;

    Normalizer(byte[] b, Out all, Out text) {
      this.b = b;
      this.n = b.length;
      this.all = all;
      this.text = text;
    }

    /** Every character through {@link #step}: what {@link #run} must give (for tests of its fast path). */
    Views runGeneral() {
      for (int i = 0; i < n; ) i = step(i);
      return views();
    }

    private Views views() {
      if (text == null) return new Views(all.buf, all.len, all.gaps, null, 0, null);
      if (!sawTag) return new Views(all.buf, all.len, all.gaps, all.buf, all.len, all.gaps);
      return new Views(all.buf, all.len, all.gaps, text.buf, text.len, text.gaps);
    }

    Views run() {
      final byte[] b = this.b;
      final int n = this.n;
      final Out all = this.all;
      final Out text = this.text;
      // The fast path works on local copies of the buffers; everything else goes through step() after a sync.
      char[] ab = all.buf;
      int al = all.len;
      char[] tb = text == null ? null : text.buf;
      int tl = text == null ? 0 : text.len;
      boolean toText = text != null && !inTag;
      int i = 0;
      while (i < n) {
        int x = b[i];
        char m = 0;
        int width = 1;
        if (x >= 0) {
          // ASCII: letters, digits and most punctuation map to themselves (letters to lower case).
          m = ASCII[x];
          if (m == 0 && x <= ' ') { // whitespace and controls: a gap (binary files are full of controls)
            all.len = al;
            all.gap();
            if (toText) {
              text.len = tl;
              text.gap();
            }
            i++;
            continue;
          }
        } else if ((x & 0xF0) == 0xE0 && i + 2 < n) {
          // Three bytes: ideographs, CJK punctuation, full-width forms, mostly mapped to one character.
          int cp = ((x & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
          if (cp >= 0x800 && (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80) {
            m = SINGLE[cp];
            width = 3;
          }
        } else if ((x & 0xE0) == 0xC0 && i + 1 < n) {
          int cp = ((x & 0x1F) << 6) | (b[i + 1] & 0x3F);
          if (cp >= 0x80 && (b[i + 1] & 0xC0) == 0x80) {
            m = SINGLE[cp];
            width = 2;
          }
        } else if ((x & 0xC0) == 0x80) {
          m = SINGLE[0xFFFD]; // a continuation byte with no lead (binary data): U+FFFD, as step() gives it
        }
        if (m != 0 && al < ab.length && (!toText || tl < tb.length)) {
          ab[al++] = m;
          if (toText) tb[tl++] = m;
          i += width;
          continue;
        }
        all.len = al;
        if (text != null) text.len = tl;
        i = step(i);
        ab = all.buf;
        al = all.len;
        if (text != null) {
          tb = text.buf;
          tl = text.len;
        }
        toText = text != null && !inTag;
      }
      all.len = al;
      if (text != null) text.len = tl;
      return views();
    }

    /** Handles the character starting at byte {@code i} in general; returns the index of the next one. */
    private int step(int i) {
      int x = b[i];
      if (x >= 0) {
        char m = ASCII[x];
        if (m == 0) return ascii(i);
        all.put(m);
        if (text != null && !inTag) text.put(m);
        return i + 1;
      }
      int cp;
      int len;
      if ((x & 0xF0) == 0xE0 && i + 2 < n && (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80) {
        cp = ((x & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
        len = 3;
        if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) {
          cp = 0xFFFD;
          len = 1;
        }
      } else if ((x & 0xE0) == 0xC0 && i + 1 < n && (b[i + 1] & 0xC0) == 0x80) {
        cp = ((x & 0x1F) << 6) | (b[i + 1] & 0x3F);
        len = 2;
        if (cp < 0x80) {
          cp = 0xFFFD;
          len = 1;
        }
      } else if ((x & 0xF8) == 0xF0 && i + 3 < n && (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80
          && (b[i + 3] & 0xC0) == 0x80) {
        cp = ((x & 0x07) << 18) | ((b[i + 1] & 0x3F) << 12) | ((b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
        len = 4;
        if (cp < 0x10000 || cp > 0x10FFFF) {
          cp = 0xFFFD;
          len = 1;
        }
      } else {
        cp = 0xFFFD;
        len = 1;
      }
      all.put(cp);
      if (text != null && !inTag) text.put(cp);
      return i + len;
    }

    /** The ASCII byte at {@code i} that is not plain: tags, escapes, whitespace, controls. Returns the next index. */
    private int ascii(int i) {
      char c = (char) b[i];
      // Tags (text view only): '<' followed by a letter, '/', '!' or '?' up to the next '>'.
      boolean toText = false;
      if (text != null) {
        if (inTag) {
          if (c == '>') inTag = false;
        } else if (c == '<' && i + 1 < n && isTagStart(b[i + 1])) {
          inTag = true;
          sawTag = true;
        } else {
          toText = true;
        }
      }
      int[] r = null;
      if (c == '&') {
        r = entity(b, i);
      } else if (c == '\\' && i + 1 < n) {
        r = backslash(b, i);
      } else if (c == '%' && i + 2 < n && hex(b[i + 1]) >= 0 && hex(b[i + 2]) >= 0) {
        int end = percentRun(b, i);
        String dec = percentDecode(b, i, end);
        if (dec != null) {
          for (int k = 0; k < dec.length(); ) {
            int cp = dec.codePointAt(k);
            all.put(cp);
            if (toText) text.put(cp);
            k += Character.charCount(cp);
          }
          return end;
        }
      }
      if (r != null) {
        all.put(r[0]);
        if (toText) text.put(r[0]);
        return r[1];
      }
      all.put(c);
      if (toText) text.put(c);
      return i + 1;
    }
  }

  private static boolean isTagStart(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
  }

  /** Output buffer applying the per-character mapping. */
  private static final class Out {
    char[] buf;
    int len;
    long[] gaps;
    int lastGap = -1;

    Out(int capacity) {
      buf = new char[capacity];
      gaps = new long[(capacity >>> 6) + 1];
    }

    /** Empties the buffer for reuse, with room for {@code capacity} characters. */
    Out reset(int capacity) {
      java.util.Arrays.fill(gaps, 0, Math.min(gaps.length, (len >>> 6) + 1), 0L);
      len = 0;
      lastGap = -1;
      if (buf.length < capacity) {
        buf = new char[capacity];
        if (gaps.length < (capacity >>> 6) + 1) gaps = new long[(capacity >>> 6) + 1];
      }
      return this;
    }

    void add(char c) {
      if (len == buf.length) ensure(1);
      buf[len++] = c;
    }

    void gap() {
      if (len == lastGap) return;
      lastGap = len;
      int w = len >>> 6;
      if (w >= gaps.length) gaps = java.util.Arrays.copyOf(gaps, Math.max(gaps.length * 2, w + 1));
      gaps[w] |= 1L << (len & 63);
    }

    void put(int cp) {
      if (cp < 65536) {
        char c = (char) cp;
        char[] m = MAP[c];
        if (m == null) {
          if (Character.isSurrogate(c)) return; // an unpaired surrogate: drop
          ensure(1);
          buf[len++] = c;
        } else if (m == SPACE) {
          gap();
        } else {
          ensure(m.length);
          System.arraycopy(m, 0, buf, len, m.length);
          len += m.length;
        }
        return;
      }
      String m = map(new String(Character.toChars(cp)));
      ensure(m.length());
      m.getChars(0, m.length(), buf, len);
      len += m.length();
    }

    private void ensure(int extra) {
      if (len + extra > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra + 16));
    }
  }

  // ------------------------------------------------------------------------------------------------ escapes

  /** {@code &...;} at {@code i}: [code point, index after], or null when it is not a reference. */
  private static int[] entity(byte[] s, int i) {
    int n = s.length;
    int semi = -1;
    for (int k = i + 1; k < n && k <= i + 12; k++) {
      if (s[k] == ';') {
        semi = k;
        break;
      }
      if (s[k] < 0) return null;
    }
    if (semi < 0 || semi == i + 1) return null;
    String name = new String(s, i + 1, semi - i - 1, StandardCharsets.US_ASCII);
    int cp;
    if (name.charAt(0) == '#') {
      boolean hexRef = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
      String digits = name.substring(hexRef ? 2 : 1);
      if (digits.isEmpty() || digits.length() > 7) return null;
      cp = 0;
      for (int k = 0; k < digits.length(); k++) {
        int d = hexRef ? hex((byte) digits.charAt(k)) : Character.digit(digits.charAt(k), 10);
        if (d < 0) return null;
        cp = cp * (hexRef ? 16 : 10) + d;
      }
      if (cp > Character.MAX_CODE_POINT) return null;
    } else {
      cp = switch (name) {
        case "amp" -> '&';
        case "lt" -> '<';
        case "gt" -> '>';
        case "quot" -> '"';
        case "apos" -> '\'';
        case "nbsp" -> 0xA0;
        case "ldquo" -> 0x201C;
        case "rdquo" -> 0x201D;
        case "lsquo" -> 0x2018;
        case "rsquo" -> 0x2019;
        case "middot" -> 0xB7;
        case "mdash" -> 0x2014;
        case "ndash" -> 0x2013;
        case "hellip" -> 0x2026;
        default -> -1;
      };
      if (cp < 0) return null;
    }
    return new int[] {cp, semi + 1};
  }

  /** A JSON/JavaScript escape at {@code i}: [code point, index after], or null. */
  private static int[] backslash(byte[] s, int i) {
    byte e = s[i + 1];
    switch (e) {
      case 'u':
        if (i + 5 < s.length) {
          int v = 0;
          for (int k = i + 2; k < i + 6; k++) {
            int h = hex(s[k]);
            if (h < 0) return null;
            v = v * 16 + h;
          }
          return new int[] {v, i + 6};
        }
        return null;
      case '/', '"', '\'', '\\':
        return new int[] {e, i + 2};
      case 'n', 'r', 't':
        return new int[] {' ', i + 2};
      default:
        return null;
    }
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  /** End of the run of {@code %XX} triplets starting at {@code i}. */
  private static int percentRun(byte[] s, int i) {
    int n = s.length;
    int k = i;
    while (k + 2 < n && s[k] == '%' && hex(s[k + 1]) >= 0 && hex(s[k + 2]) >= 0) k += 3;
    return k;
  }

  /** The run decoded as UTF-8, or null when it is not valid UTF-8. */
  private static String percentDecode(byte[] s, int from, int to) {
    byte[] b = new byte[(to - from) / 3];
    for (int k = 0; k < b.length; k++) {
      int p = from + 3 * k;
      b[k] = (byte) (hex(s[p + 1]) * 16 + hex(s[p + 2]));
    }
    try {
      CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return cb.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
