package dev.gongkai.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Makes the workbook fastexcel wrote byte-reproducible. fastexcel stamps {@code docProps/core.xml} with the current
 * time and gives every zip entry the current time; this rewrites the package with the entries in name order
 * ({@code [Content_Types].xml} first, as OPC readers like), each deflated at the default level with one fixed time
 * and no extra fields. The document's created/modified properties are set to {@code time} when one is given (from
 * {@code SOURCE_DATE_EPOCH}), else removed; the zip times are {@code time}, else 1980-01-01 00:00 (the earliest a zip
 * entry can hold).
 */
final class XlsxPackage {
  private static final Pattern CORE_TIME =
      Pattern.compile("(<dcterms:(created|modified)\\b[^>]*>)[^<]*(</dcterms:\\2>)");
  private static final Comparator<String> ENTRY_ORDER =
      Comparator.comparing((String n) -> !n.equals("[Content_Types].xml")).thenComparing(Comparator.naturalOrder());

  private XlsxPackage() {}

  /**
   * @param edit applied to every entry (its name, its bytes) before it is written; returns the bytes to write
   */
  static byte[] reproducible(byte[] xlsx, Optional<Instant> time, BiFunction<String, byte[], byte[]> edit) {
    Map<String, byte[]> entries = new TreeMap<>(ENTRY_ORDER);
    try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get()) {
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        if (e.isDirectory()) continue;
        try (InputStream in = zip.getInputStream(e)) {
          byte[] data = in.readAllBytes();
          if (e.getName().equals("docProps/core.xml")) data = coreTimes(data, time);
          entries.put(e.getName(), edit.apply(e.getName(), data));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the workbook fastexcel wrote", e);
    }
    return dev.gongkai.write.DeterministicZip.of(entries, time.orElse(null));
  }

  private static byte[] coreTimes(byte[] xml, Optional<Instant> time) {
    String s = new String(xml, StandardCharsets.UTF_8);
    Matcher m = CORE_TIME.matcher(s);
    String replaced = m.replaceAll(r -> time
        .map(t -> Matcher.quoteReplacement(r.group(1)
            + DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + r.group(3)))
        .orElse(""));
    return replaced.getBytes(StandardCharsets.UTF_8);
  }
}
