package dev.gongkai.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Gunzip gives the bytes that were compressed, whatever the trailer's size hint says. */
class GunzipTest {
  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] random(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  void oneMemberOfAnySize() throws IOException {
    Random r = new Random(5);
    for (int n : new int[] {0, 1, 17, 65_535, 65_536, 200_001}) {
      byte[] data = random(r, n);
      assertArrayEquals(data, Gunzip.of(gzip(data)), n + " bytes");
    }
    byte[] zeros = new byte[5_000_000]; // compressed 1000 to 1: the size hint is not trusted, the result is the same
    assertArrayEquals(zeros, Gunzip.of(gzip(zeros)));
  }

  @Test
  void severalMembersWhoseLastTrailerDescribesOnlyItself() throws IOException {
    Random r = new Random(6);
    byte[] big = random(r, 100_000);
    byte[] small = random(r, 3_000);
    assertArrayEquals(concat(big, small), Gunzip.of(concat(gzip(big), gzip(small))), "hint smaller than the whole");
    assertArrayEquals(concat(small, big), Gunzip.of(concat(gzip(small), gzip(big))), "hint of the last member");
  }

  @Test
  void notGzipIsAnError() {
    assertThrows(IOException.class, () -> Gunzip.of("not gzip at all, just text".getBytes()));
    byte[] cut = java.util.Arrays.copyOf(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0}, 30);
    assertThrows(IOException.class, () -> Gunzip.of(cut));
  }
}
