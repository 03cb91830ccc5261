package dev.gongkai.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** A growable byte buffer with the encodings the export uses (LEB128 varints, little-endian float32). */
final class Bytes extends ByteArrayOutputStream {
  Bytes() {
    super(256);
  }

  Bytes varint(long v) {
    while ((v & ~0x7FL) != 0) {
      write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    write((int) v);
    return this;
  }

  Bytes u8(int v) {
    write(v & 0xFF);
    return this;
  }

  Bytes u16(int v) {
    write(v & 0xFF);
    write((v >>> 8) & 0xFF);
    return this;
  }

  Bytes f32(float f) {
    int bits = Float.floatToRawIntBits(f);
    for (int i = 0; i < 4; i++) write((bits >>> (8 * i)) & 0xFF);
    return this;
  }

  Bytes bytes(byte[] b) {
    write(b, 0, b.length);
    return this;
  }

  /**
   * Gzip at maximum compression. Deterministic: Java writes a zero modification time and a fixed header. The
   * browser inflates with DecompressionStream; files carry {@code .dat} so that no server adds a Content-Encoding.
   */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
