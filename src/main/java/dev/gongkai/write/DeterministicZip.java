package dev.gongkai.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip (an XLSX package) whose bytes depend only on its entries and one time: entries in the map's order,
 * every entry stamped with {@code time} (clamped to what a zip can hold, 1980–2107), default compression.
 */
public final class DeterministicZip {
  private static final LocalDateTime DOS_MIN = LocalDateTime.of(1980, 1, 1, 0, 0);
  private static final LocalDateTime DOS_MAX = LocalDateTime.of(2107, 12, 31, 23, 59, 58);

  private DeterministicZip() {}

  /** @param time the entries' time, or null for the earliest a zip can hold (1980-01-01) */
  public static byte[] of(Map<String, byte[]> entries, Instant time) {
    LocalDateTime local = time == null ? DOS_MIN : LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    if (local.isBefore(DOS_MIN)) local = DOS_MIN;
    if (local.isAfter(DOS_MAX)) local = DOS_MAX;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.setLevel(Deflater.DEFAULT_COMPRESSION);
      zip.setMethod(ZipOutputStream.DEFLATED);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry z = new ZipEntry(e.getKey());
        z.setTimeLocal(local);
        zip.putNextEntry(z);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
