package dev.gongkai.audit;

import dev.gongkai.write.DataFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the last audit learnt about which candidate needles the published texts contain, kept between builds (in the
 * build cache) so that an audit with the same candidates (the withheld records unchanged) matches only the published
 * texts that changed instead of every text (at 100,000 records, seconds per build).
 *
 * <p>It holds, for one list of candidates (by a SHA-256 of their normal forms, in order): the hash of every published
 * text, and for each candidate found in some text one such text, its <em>witness</em>. A candidate whose witness is
 * still published is still found; one whose witness is gone is looked for again in every text; new texts are
 * matched against every candidate. The result is exactly that of matching every text. Memory: 16 bytes per text and
 * 20 per common candidate, whatever the texts contain.
 *
 * <p>It also holds the leading sentences of each withheld body ({@link #sentences()}), so that the candidates of an
 * unchanged withheld record are found without rendering its Markdown again: its sentences up to the fourteenth
 * distinct one long enough to be a needle.
 *
 * <p>Texts are identified by a 128-bit hash of their characters, not a cryptographic one: two different texts sharing
 * one by accident is about as likely as 2^-128 per pair, and nobody gains by crafting one (the texts are the site's
 * own published records).
 */
public final class NeedleMemo {
  private static final int FORMAT = 2;

  private final byte[] candidates;
  private final Set<Hash> texts;
  private final Map<Integer, Hash> witnesses;
  private final Map<Hash, List<String>> sentences;

  private NeedleMemo(byte[] candidates, Set<Hash> texts, Map<Integer, Hash> witnesses,
      Map<Hash, List<String>> sentences) {
    this.candidates = candidates;
    this.texts = texts;
    this.witnesses = witnesses;
    this.sentences = sentences;
  }

  /** A memo that remembers nothing. */
  public static NeedleMemo empty() {
    return new NeedleMemo(new byte[0], Set.of(), Map.of(), Map.of());
  }

  /**
   * A memo of {@code texts} and {@code witnesses}, which it takes over: the caller must not change them afterwards.
   * (Copying 100,000 hashes into an immutable set took longer than building them.)
   */
  static NeedleMemo of(byte[] candidates, Set<Hash> texts, Map<Integer, Hash> witnesses) {
    return new NeedleMemo(candidates.clone(), java.util.Collections.unmodifiableSet(texts),
        java.util.Collections.unmodifiableMap(witnesses), Map.of());
  }

  /**
   * This memo, remembering also the body sentences of the withheld records (see {@link #sentences()}). They are the
   * withheld records' own text, as in the site's source files: the memo lives in the build cache, never in the output.
   */
  NeedleMemo withSentences(Map<Hash, List<String>> bodies) {
    return new NeedleMemo(candidates, texts, witnesses, Map.copyOf(bodies));
  }

  /**
   * The sentences the withheld records' bodies begin with, by the {@link Hash} of their Markdown, as
   * {@link LeakNeedles} takes candidates from them: rendering those bodies again was most of the audit plan's time on
   * the command line (thousands of Markdown bodies, before the JIT compiler has warmed up).
   */
  Map<Hash, List<String>> sentences() {
    return sentences;
  }

  /** Whether this memo is for the candidates whose {@link #digest} is {@code candidates}. */
  boolean isFor(byte[] candidates) {
    return Arrays.equals(this.candidates, candidates);
  }

  /** Hashes of the texts the memo's audit matched. */
  Set<Hash> texts() {
    return texts;
  }

  /** Candidate id → a text (hash) it was found in, for every candidate found in some text. */
  Map<Integer, Hash> witnesses() {
    return witnesses;
  }

  /** A text's 128-bit hash: two 64-bit mixes over its characters, and its length. */
  record Hash(long a, long b) {
    static Hash of(String s) {
      return new Builder(s.length()).add(s).build();
    }

    /** The hash of a text of a known length, given in pieces: the same as {@link #of} of the whole. */
    static final class Builder {
      private final int length;
      private long a = 0xcbf29ce484222325L;
      private long b;

      Builder(int length) {
        this.length = length;
        this.b = 0x9E3779B97F4A7C15L ^ length;
      }

      Builder add(String s) {
        long x = a;
        long y = b;
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          x = (x ^ c) * 0x100000001b3L;
          y = Long.rotateLeft(y ^ (c * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
        }
        a = x;
        b = y;
        return this;
      }

      Builder add(char c) {
        a = (a ^ c) * 0x100000001b3L;
        b = Long.rotateLeft(b ^ (c * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
        return this;
      }

      Hash build() {
        return new Hash(a ^ (a >>> 29), b ^ (b >>> 32) ^ length);
      }
    }
  }

  /** The SHA-256 of the candidates' normal forms, in order: what a memo is for. */
  static byte[] digest(List<String> normalized) {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      for (String s : normalized) {
        md.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return md.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** Writes the memo to {@code file} (aside, then moved in). */
  public void write(Path file) throws IOException {
    DataFiles.write(file, FORMAT, out -> {
      out.writeInt(candidates.length);
      out.write(candidates);
      out.writeInt(texts.size());
      for (Hash h : texts) {
        out.writeLong(h.a());
        out.writeLong(h.b());
      }
      out.writeInt(witnesses.size());
      for (Map.Entry<Integer, Hash> e : witnesses.entrySet()) {
        out.writeInt(e.getKey());
        out.writeLong(e.getValue().a());
        out.writeLong(e.getValue().b());
      }
      out.writeInt(sentences.size());
      for (Map.Entry<Hash, List<String>> e : sentences.entrySet()) {
        out.writeLong(e.getKey().a());
        out.writeLong(e.getKey().b());
        out.writeInt(e.getValue().size());
        for (String t : e.getValue()) DataFiles.writeString(out, t);
      }
    });
  }

  /** The memo in {@code file}; empty when missing or unreadable. */
  public static Optional<NeedleMemo> read(Path file) {
    return DataFiles.read(file, FORMAT, in -> {
      byte[] candidates = in.readNBytes(in.readInt());
      int n = in.readInt();
      Set<Hash> texts = new HashSet<>(n * 2);
      for (int i = 0; i < n; i++) texts.add(new Hash(in.readLong(), in.readLong()));
      int w = in.readInt();
      Map<Integer, Hash> witnesses = new HashMap<>(w * 2);
      for (int i = 0; i < w; i++) witnesses.put(in.readInt(), new Hash(in.readLong(), in.readLong()));
      int b = in.readInt();
      Map<Hash, List<String>> bodies = new HashMap<>(b * 2);
      for (int i = 0; i < b; i++) {
        Hash h = new Hash(in.readLong(), in.readLong());
        int k = in.readInt();
        List<String> list = new java.util.ArrayList<>(k);
        for (int j = 0; j < k; j++) list.add(DataFiles.readString(in));
        bodies.put(h, List.copyOf(list));
      }
      return new NeedleMemo(candidates, texts, witnesses, bodies);
    });
  }
}
