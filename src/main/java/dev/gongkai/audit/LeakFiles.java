package dev.gongkai.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Turns one output file into the texts to search, whatever its format, recognised by content rather than by name:
 *
 * <ul>
 *   <li>gzip ({@code .dat} search shards, anything compressed): gunzipped, then looked at again;
 *   <li>zip ({@code .xlsx}, {@code .docx}, {@code .zip}): every entry, read through the central directory with
 *       {@link ZipFile} ({@link java.util.zip.ZipInputStream} cannot read entries fastexcel streams with data
 *       descriptors), and every entry name;
 *   <li>PDF: the bytes as they are, and each Flate-compressed stream inflated;
 *   <li>everything else (HTML, JSON, CSV, XML, PNG, …): the bytes decoded as UTF-8, leniently (undecodable bytes
 *       become U+FFFD, so ASCII and UTF-8 runs inside binaries are still seen).
 * </ul>
 *
 * Containers nest at most {@value #MAX_DEPTH} deep.
 */
final class LeakFiles {
  private LeakFiles() {}

  static final int MAX_DEPTH = 4;
  /** An inflated PDF stream larger than this is cut short (PDF streams are pages, fonts and images). */
  private static final int MAX_PDF_STREAM = 64 << 20;

  /**
   * Visits each piece of {@code data}, the bytes of {@code file} (null: not on disk): {@code text} gets what is to be
   * searched (as UTF-8, decoded leniently by {@link LeakText}), {@code raw} every byte array, containers and their
   * entries (for the attachment hashes). {@code depth}: how deep in containers {@code data} is (0: a file).
   */
  static void contents(byte[] data, Path file, int depth, Consumer<byte[]> text, Consumer<byte[]> raw)
      throws IOException {
    raw.accept(data);
    if (depth < MAX_DEPTH) {
      if (isGzip(data)) {
        byte[] plain = gunzip(data);
        if (plain != null) {
          contents(plain, null, depth + 1, text, raw);
          return;
        }
      } else if (isZip(data)) {
        if (zipEntries(data, file, depth, text, raw)) return;
      } else if (isPdf(data)) {
        pdfStreams(data, depth, text, raw);
      }
    }
    text.accept(data);
  }

  static boolean isGzip(byte[] b) {
    return b.length >= 18 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
  }

  static boolean isZip(byte[] b) {
    return b.length >= 22 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6));
  }

  static boolean isPdf(byte[] b) {
    return b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-';
  }

  /** The decompressed bytes, or null when {@code data} is not valid gzip. */
  private static byte[] gunzip(byte[] data) {
    try {
      return dev.gongkai.write.Gunzip.of(data);
    } catch (IOException e) {
      return null;
    }
  }

  /** Visits every entry; false when {@code data} is not a readable zip (then it is scanned as bytes). */
  private static boolean zipEntries(byte[] data, Path file, int depth, Consumer<byte[]> text, Consumer<byte[]> raw)
      throws IOException {
    Path tmp = null;
    try {
      Path zip = file;
      if (zip == null) {
        tmp = Files.createTempFile("gongkai-leak-", ".zip");
        Files.write(tmp, data);
        zip = tmp;
      }
      try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
        Enumeration<? extends ZipEntry> entries = z.entries();
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          text.accept(e.getName().getBytes(StandardCharsets.UTF_8));
          if (e.isDirectory()) continue;
          byte[] b;
          try (InputStream in = z.getInputStream(e)) {
            b = in.readAllBytes();
          }
          contents(b, null, depth + 1, text, raw);
        }
      } catch (java.util.zip.ZipException e) {
        return false;
      }
      return true;
    } finally {
      if (tmp != null) Files.deleteIfExists(tmp);
    }
  }

  /** Inflates every {@code stream … endstream} of a PDF that is zlib data (FlateDecode); others are skipped. */
  private static void pdfStreams(byte[] pdf, int depth, Consumer<byte[]> text, Consumer<byte[]> raw)
      throws IOException {
    int from = 0;
    while (true) {
      int s = indexOf(pdf, "stream", from);
      if (s < 0) return;
      int start = s + 6;
      if (start < pdf.length && pdf[start] == '\r') start++;
      if (start < pdf.length && pdf[start] == '\n') start++;
      int end = indexOf(pdf, "endstream", start);
      if (end < 0) return;
      from = end + 9;
      if (s >= 3 && pdf[s - 1] == 'd' && pdf[s - 2] == 'n' && pdf[s - 3] == 'e') continue; // "endstream" itself
      byte[] plain = inflate(pdf, start, end - start);
      if (plain != null) contents(plain, null, depth + 1, text, raw);
    }
  }

  private static byte[] inflate(byte[] b, int off, int len) {
    Inflater inf = new Inflater();
    try {
      inf.setInput(b, off, len);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, len * 3));
      byte[] buf = new byte[16 * 1024];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) break;
        out.write(buf, 0, n);
        if (out.size() > MAX_PDF_STREAM) break;
      }
      return out.size() == 0 ? null : out.toByteArray();
    } catch (DataFormatException e) {
      return null;
    } finally {
      inf.end();
    }
  }

  private static int indexOf(byte[] hay, String needle, int from) {
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = Math.max(0, from); i <= hay.length - n.length; i++) {
      for (int k = 0; k < n.length; k++) if (hay[i + k] != n[k]) continue outer;
      return i;
    }
    return -1;
  }
}
