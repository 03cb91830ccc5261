package dev.gongkai.write;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every file of a committed output and the SHA-256 of its bytes: what an incremental build compares its files with
 * (a file whose bytes are unchanged is not written again) and where it learns which files to delete.
 */
public record OutputManifest(Map<String, byte[]> files) {
  private static final int FORMAT = 1;

  /**
   * The map is copied as it is, not sorted (at 100,000 pages sorting it took a tenth of a second of each edit, and
   * lookups need no order); {@link #writeTo} writes it sorted.
   */
  public OutputManifest {
    if (!(files instanceof Owned)) files = Map.copyOf(files);
  }

  /**
   * A manifest of {@code files} without copying them: the caller hands the map over and nothing may change it
   * afterwards. A committed output's map of 130,000 files took tenths of a second to copy after every edit.
   */
  static OutputManifest owning(Map<String, byte[]> files) {
    return new OutputManifest(new Owned(files));
  }

  /** A read-only view of a map handed over to a manifest. */
  private static final class Owned extends java.util.AbstractMap<String, byte[]> {
    private final Map<String, byte[]> m;

    Owned(Map<String, byte[]> m) {
      this.m = m;
    }

    @Override
    public byte[] get(Object key) {
      return m.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return m.containsKey(key);
    }

    @Override
    public int size() {
      return m.size();
    }

    @Override
    public java.util.Set<Map.Entry<String, byte[]>> entrySet() {
      return Collections.unmodifiableMap(m).entrySet();
    }

    @Override
    public java.util.Set<String> keySet() {
      return Collections.unmodifiableSet(m.keySet());
    }
  }

  /** Whether the previous output had {@code path} with exactly these bytes' digest. */
  public boolean same(String path, byte[] sha256) {
    byte[] had = files.get(path);
    return had != null && Arrays.equals(had, sha256);
  }

  /**
   * Writes the manifest sorted by path, so the file is the same for the same output; {@code order} sorts the paths
   * (and gives the last save's order again when they are the same).
   */
  public void writeTo(DataOutputStream out, KeyOrder order) throws IOException {
    String[] paths = order.sorted(files);
    out.writeInt(FORMAT);
    out.writeInt(paths.length);
    for (String p : paths) {
      out.writeUTF(p);
      out.write(files.get(p));
    }
  }

  /** Reads a manifest written by {@link #writeTo}; an unknown format gives null (the cache is not used). */
  public static OutputManifest readFrom(DataInputStream in) throws IOException {
    if (in.readInt() != FORMAT) return null;
    int n = in.readInt();
    Map<String, byte[]> files = new TreeMap<>();
    for (int i = 0; i < n; i++) files.put(in.readUTF(), in.readNBytes(32));
    return new OutputManifest(files);
  }

  /** SHA-256 of a file's bytes, read in blocks (attachments may be large). */
  public static byte[] sha256(java.nio.file.Path file) throws java.io.IOException {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) md.update(buf, 0, n);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** SHA-256 of {@code data}. */
  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
