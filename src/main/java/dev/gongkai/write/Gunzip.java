package dev.gongkai.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Decompresses gzip held in memory into an array of the right size at once, as its trailer announces it, instead of
 * growing one: a serve edit decompresses some hundred search shards (patched, then read by the leak audit), and
 * growing doubled what each one allocated.
 *
 * <p>The announced size is only a hint: a trailer can be wrong (or describe the last of several members), so the
 * bytes read are what counts, and a hint larger than 64 times the compressed size or 256 MiB is not trusted.
 */
public final class Gunzip {
  private static final long MAX_HINT = 256L << 20;

  private Gunzip() {}

  /** The decompressed bytes of {@code gz}; throws when it is not valid gzip. */
  public static byte[] of(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16)) {
      long hint = gz.length < 18 ? -1 : (gz[gz.length - 4] & 0xFFL) | (gz[gz.length - 3] & 0xFFL) << 8
          | (gz[gz.length - 2] & 0xFFL) << 16 | (gz[gz.length - 1] & 0xFFL) << 24;
      if (hint < 0 || hint > 64L * gz.length || hint > MAX_HINT) return in.readAllBytes();
      byte[] out = new byte[(int) hint];
      int n = in.readNBytes(out, 0, out.length);
      if (n < out.length) return Arrays.copyOf(out, n);
      byte[] rest = in.readAllBytes();
      if (rest.length == 0) return out;
      byte[] all = Arrays.copyOf(out, out.length + rest.length);
      System.arraycopy(rest, 0, all, out.length, rest.length);
      return all;
    }
  }
}
