package dev.gongkai.audit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which candidate needles each published text contains, remembered between builds (in the build cache), so that an
 * audit whose withheld records are unchanged matches only the published texts that changed against them instead of
 * every text (at 100,000 records, seconds per build).
 *
 * <p>Content-addressed, so never stale: the memo is for one list of candidates (by a SHA-256 of their normal forms, in
 * order) and each entry is for one text, by a 128-bit hash of its characters. The hash is not cryptographic: two
 * different texts sharing one by accident is about as likely as 2^-128 per pair; nobody gains by crafting one (the
 * texts are the site's own published records).
 */
public final class NeedleMemo {
  private static final int FORMAT = 1;
  private static final int[] NONE = new int[0];

  private final byte[] candidates;
  private final Map<Hash, int[]> found;

  private NeedleMemo(byte[] candidates, Map<Hash, int[]> found) {
    this.candidates = candidates;
    this.found = found;
  }

  /** A memo that remembers nothing. */
  public static NeedleMemo empty() {
    return new NeedleMemo(new byte[0], Map.of());
  }

  /** A text's 128-bit hash: two 64-bit mixes over its characters and its length. */
  record Hash(long a, long b) {
    static Hash of(String s) {
      long a = 0xcbf29ce484222325L;
      long b = 0x9E3779B97F4A7C15L ^ s.length();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        a = (a ^ c) * 0x100000001b3L;
        b = Long.rotateLeft(b ^ (c * 0xC2B2AE3D27D4EB4FL), 31) * 0x9E3779B97F4A7C15L;
      }
      return new Hash(a ^ (a >>> 29), b ^ (b >>> 32) ^ s.length());
    }
  }

  /** The ids of the candidates found in a text when the memo is for {@code candidates}, or null when unknown. */
  int[] lookup(byte[] candidates, Hash text) {
    return Arrays.equals(this.candidates, candidates) ? found.get(text) : null;
  }

  /** A memo for {@code candidates} (digest) holding {@code found}: text → ids found, sorted. */
  static NeedleMemo of(byte[] candidates, Map<Hash, int[]> found) {
    Map<Hash, int[]> m = new HashMap<>(found.size() * 2);
    found.forEach((k, v) -> m.put(k, v.length == 0 ? NONE : v));
    return new NeedleMemo(candidates.clone(), m);
  }

  /** The SHA-256 of the candidates' normal forms, in order: what the memo is for. */
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

  /** Texts remembered (for tests). */
  int size() {
    return found.size();
  }

  /** Writes the memo to {@code file} (aside, then moved in). */
  public void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        out.writeInt(FORMAT);
        out.writeInt(candidates.length);
        out.write(candidates);
        out.writeInt(found.size());
        for (Map.Entry<Hash, int[]> e : found.entrySet()) {
          out.writeLong(e.getKey().a());
          out.writeLong(e.getKey().b());
          out.writeInt(e.getValue().length);
          for (int id : e.getValue()) out.writeInt(id);
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The memo in {@code file}; empty when missing or unreadable. */
  public static Optional<NeedleMemo> read(Path file) {
    if (!Files.isRegularFile(file)) return Optional.empty();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != FORMAT) return Optional.empty();
      byte[] candidates = in.readNBytes(in.readInt());
      int n = in.readInt();
      Map<Hash, int[]> found = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        Hash h = new Hash(in.readLong(), in.readLong());
        int[] ids = new int[in.readInt()];
        for (int j = 0; j < ids.length; j++) ids[j] = in.readInt();
        found.put(h, ids.length == 0 ? NONE : ids);
      }
      return Optional.of(new NeedleMemo(candidates, found));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
