package dev.gongkai.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code SHA256SUMS}: one line per downloadable file, {@code <hex>  <path>}, sorted by path, in the format
 * {@code sha256sum -c SHA256SUMS} checks (run it in the site's root folder).
 */
public final class Checksums {
  private Checksums() {}

  public static ExportFile build(List<ExportFile> files) {
    TreeMap<String, String> sums = new TreeMap<>();
    for (ExportFile f : files) sums.put(f.path(), sha256(f.data()));
    return of(sums);
  }

  /** {@code SHA256SUMS} from path → lower-case hex SHA-256 (files already written and let go). */
  public static ExportFile of(java.util.Map<String, String> pathToSha256) {
    TreeMap<String, String> sums = new TreeMap<>(pathToSha256);
    StringBuilder b = new StringBuilder();
    sums.forEach((path, sum) -> b.append(sum).append("  ").append(path).append('\n'));
    return new ExportFile("SHA256SUMS", b.toString().getBytes(StandardCharsets.UTF_8), "text/plain");
  }

  /** Lower-case hex SHA-256. */
  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
