package dev.gongkai.index;

import java.util.Locale;

/**
 * The paths of numbered files ({@code search/t/1f.dat}, …), made once per number and handed out as the same
 * {@code String} instance every time, for every build in the process.
 *
 * <p>Why: an incremental build keeps some 20,000 unchanged search files, each looked up in the last build's manifest
 * and noted in this one's. With the instance the last build used, those lookups match by identity, with the hash
 * already cached, instead of formatting a new string and comparing it character by character (on {@code gongkai
 * serve}'s hot path at 100,000 records). Thread-safe.
 */
final class PathTable {
  private final String format;
  private volatile String[] paths = new String[0];

  /** A table for {@code format}, a {@link String#format} pattern of one {@code int} argument. */
  PathTable(String format) {
    this.format = format;
  }

  /** The path of number {@code n} (not negative). */
  String get(int n) {
    String[] p = paths;
    if (n < p.length) return p[n];
    return grow(n)[n];
  }

  private synchronized String[] grow(int n) {
    String[] p = paths;
    if (n < p.length) return p;
    String[] bigger = java.util.Arrays.copyOf(p, Math.max(n + 1, Math.max(64, p.length * 2)));
    for (int i = p.length; i < bigger.length; i++) bigger[i] = String.format(Locale.ROOT, format, i);
    paths = bigger;
    return bigger;
  }
}
