package dev.gongkai.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A {@link Writer} that encodes what it is given as UTF-8 straight into a byte buffer: a page's bytes without the
 * string in between. {@link #toBytes()} gives exactly what {@code String.getBytes(UTF_8)} gives for the same
 * characters, an unpaired surrogate included (one {@code '?'}), also when a pair is split across two writes.
 *
 * <p>A page written through a {@code StringBuilder} was copied four times on its way to bytes: widened to UTF-16 at
 * the first Chinese character, grown, copied into a string, then encoded into a new array. Not thread-safe; reuse one
 * per thread with {@link #reset()}.
 */
final class Utf8Writer extends Writer {
  private static final int CHUNK = 1024;
  private byte[] buf;
  private int len;
  /** A high surrogate written last, waiting for its low half (0: none). */
  private char pending;
  /** The characters of a string being encoded, taken a chunk at a time. */
  private final char[] chars = new char[CHUNK];

  Utf8Writer(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  /** Empties the writer, keeping its buffer. */
  void reset() {
    len = 0;
    pending = 0;
  }

  /** The bytes written so far, a new array of their length; a high surrogate still waiting counts as {@code '?'}. */
  byte[] toBytes() {
    if (pending != 0) {
      ensure(1);
      buf[len++] = '?';
      pending = 0;
    }
    return Arrays.copyOf(buf, len);
  }

  @Override
  public void write(int c) {
    char ch = (char) c;
    if (ch < 0x80 && pending == 0) {
      ensure(1);
      buf[len++] = (byte) ch;
      return;
    }
    chars[0] = ch;
    encode(chars, 0, 1);
  }

  @Override
  public void write(String s) {
    write(s, 0, s.length());
  }

  @Override
  public void write(String s, int off, int n) {
    for (int i = 0; i < n; i += CHUNK) {
      int k = Math.min(CHUNK, n - i);
      s.getChars(off + i, off + i + k, chars, 0);
      encode(chars, 0, k);
    }
  }

  @Override
  public void write(char[] c, int off, int n) {
    encode(c, off, n);
  }

  @Override
  public Writer append(CharSequence s) {
    String t = String.valueOf(s);
    write(t, 0, t.length());
    return this;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  private void encode(char[] c, int off, int n) {
    ensure(3 * n + 3); // at most three bytes a character, and a '?' for a pending half
    byte[] b = buf;
    int p = len;
    int i = off;
    int end = off + n;
    if (pending != 0 && i < end) {
      char hi = pending;
      pending = 0;
      if (Character.isLowSurrogate(c[i])) {
        p = four(b, p, Character.toCodePoint(hi, c[i]));
        i++;
      } else {
        b[p++] = '?';
      }
    }
    while (i < end) {
      char ch = c[i++];
      if (ch < 0x80) {
        b[p++] = (byte) ch;
      } else if (ch < 0x800) {
        b[p++] = (byte) (0xC0 | (ch >> 6));
        b[p++] = (byte) (0x80 | (ch & 0x3F));
      } else if (Character.isSurrogate(ch)) {
        if (Character.isHighSurrogate(ch)) {
          if (i == end) {
            pending = ch; // its low half may come with the next write
          } else if (Character.isLowSurrogate(c[i])) {
            p = four(b, p, Character.toCodePoint(ch, c[i++]));
          } else {
            b[p++] = '?';
          }
        } else {
          b[p++] = '?'; // a low surrogate without its high half
        }
      } else {
        b[p++] = (byte) (0xE0 | (ch >> 12));
        b[p++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (ch & 0x3F));
      }
    }
    len = p;
  }

  private static int four(byte[] b, int p, int cp) {
    b[p++] = (byte) (0xF0 | (cp >> 18));
    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
    b[p++] = (byte) (0x80 | (cp & 0x3F));
    return p;
  }

  private void ensure(int more) {
    if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
  }
}
