package dev.gongkai.export;

import dev.gongkai.model.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link DatasetTable} as an Excel workbook (fastexcel) with one sheet: a bold, frozen header row of the
 * column names, then the rows.
 *
 * <ul>
 *   <li>{@code string} and {@code date} cells are text cells (shared strings) with the number format {@code @}
 *       (Text), so codes and ids such as 索引号 {@code 015583216/2024-00012} or 编码 keep their leading zeros and
 *       are not turned into numbers or dates when the cell is edited; dates stay {@code YYYY-MM-DD} text.
 *   <li>{@code integer} and {@code number} cells are numeric, unless the value has more than 15 significant digits
 *       (more than an Excel number holds exactly), or leading zeros: those are written as text so no digit is lost.
 *   <li>Empty cells are left out.
 *   <li>Text that a spreadsheet would take for a formula ({@code =HYPERLINK(…)}, {@code @SUM(…)}, {@code -2+3})
 *       starts with a {@code '}, as in the CSV download ({@link CsvWriter#neutralise}).
 * </ul>
 *
 * <p><b>Reproducible bytes.</b> fastexcel stamps {@code docProps/core.xml} with the current time and writes zip
 * entries with the current time. {@link #normalise} therefore rewrites the package: {@code dcterms:created} and
 * {@code dcterms:modified} are set to the build time ({@link Provenance#time()}), and every entry is re-deflated
 * into a new zip in name order ({@code [Content_Types].xml} sorts first, as OPC readers like) with that same time as
 * its DOS timestamp (no extended timestamps, no comments), so the same input and build time give the same bytes.
 */
public final class XlsxWriter {
  /** Excel's limit on a sheet name. */
  static final int SHEET_NAME_MAX = 31;
  /** A DOS timestamp cannot hold a time before 1980 or after 2107. */
  private static final Pattern CORE_TIME =
      Pattern.compile("(<dcterms:(?:created|modified)\\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)");
  /** {@code [Content_Types].xml} first, then by name. */
  private static final Comparator<String> ENTRY_ORDER =
      Comparator.comparing((String n) -> !n.equals("[Content_Types].xml")).thenComparing(Comparator.naturalOrder());
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?");

  private XlsxWriter() {}

  /** The workbook, normalised for reproducibility with {@code time} as its creation and entry time. */
  public static byte[] write(DatasetTable table, Instant time) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(out, "gongkai", "1.0");
      wb.properties().setTitle(table.title());
      if (!table.description().isBlank()) wb.properties().setDescription(table.description());
      if (!table.agency().isBlank()) wb.properties().setCompany(table.agency());
      Worksheet ws = wb.newWorksheet(sheetName(table));
      List<Dataset.Column> columns = table.columns();
      for (int c = 0; c < columns.size(); c++) {
        ws.value(0, c, CsvWriter.neutralise(columns.get(c).name(), false));
        ws.style(0, c).bold().set();
        ws.width(c, width(table, c));
      }
      ws.freezePane(0, 1);
      List<List<String>> rows = table.rows();
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        for (int c = 0; c < columns.size(); c++) {
          String v = row.get(c);
          if (v.isEmpty()) continue;
          BigDecimal n = columns.get(c).numeric() ? exactNumber(v) : null;
          if (n != null) {
            ws.value(r + 1, c, n);
          } else {
            // A text cell is never evaluated, but it becomes a formula if someone edits it or copies the column
            // into a CSV: neutralised as in the CSV download.
            ws.value(r + 1, c, CsvWriter.neutralise(v, columns.get(c).numeric()));
            ws.style(r + 1, c).format("@").set();
          }
        }
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return normalise(out.toByteArray(), time);
  }

  /**
   * The value as a number Excel holds exactly (at most 15 significant digits, no leading zeros, no trailing zeros
   * lost: {@code 45.0} stays {@code 45.0} in the XML), or null when it must be text.
   */
  static BigDecimal exactNumber(String v) {
    if (!PLAIN_NUMBER.matcher(v).matches()) return null;
    BigDecimal n = new BigDecimal(v);
    return n.precision() <= 15 ? n : null;
  }

  /**
   * A sheet name Excel accepts: the title without {@code [ ] : * ? / \}, no leading or trailing apostrophe, at most
   * 31 characters (never splitting a surrogate pair); the id when nothing is left.
   */
  static String sheetName(DatasetTable table) {
    String s = table.title().replaceAll("[\\[\\]:*?/\\\\]", " ").replaceAll("\\s+", " ").strip();
    s = s.replaceAll("^'+|'+$", "").strip();
    if (s.length() > SHEET_NAME_MAX) {
      int end = SHEET_NAME_MAX;
      if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
      s = s.substring(0, end).strip();
    }
    if (s.isEmpty()) {
      s = table.id().length() > SHEET_NAME_MAX ? table.id().substring(0, SHEET_NAME_MAX) : table.id();
    }
    return s;
  }

  /** Column width in characters: the widest cell (CJK counted double), between 6 and 60. */
  private static double width(DatasetTable table, int c) {
    int max = displayWidth(table.columns().get(c).name());
    for (List<String> row : table.rows()) max = Math.max(max, displayWidth(row.get(c)));
    return Math.max(6, Math.min(60, max + 2));
  }

  private static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += cp >= 0x1100 ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  /**
   * The entries of a zip file by name, read through its central directory (fastexcel streams its entries with
   * sizes only there, which {@link java.util.zip.ZipInputStream} cannot read). Stored and deflated entries, no ZIP64.
   */
  static Map<String, byte[]> readZip(byte[] zip) throws IOException, DataFormatException {
    ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    int eocd = -1;
    for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xFFFF); i--) {
      if (b.getInt(i) == 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new IOException("no end of central directory");
    int count = Short.toUnsignedInt(b.getShort(eocd + 10));
    long cd = Integer.toUnsignedLong(b.getInt(eocd + 16));
    if (count == 0xFFFF || cd == 0xFFFFFFFFL) throw new IOException("ZIP64 is not supported");
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    int p = (int) cd;
    for (int n = 0; n < count; n++) {
      if (b.getInt(p) != 0x02014b50) throw new IOException("bad central directory entry at " + p);
      int method = Short.toUnsignedInt(b.getShort(p + 10));
      long csize = Integer.toUnsignedLong(b.getInt(p + 20));
      long size = Integer.toUnsignedLong(b.getInt(p + 24));
      int nameLen = Short.toUnsignedInt(b.getShort(p + 28));
      int extraLen = Short.toUnsignedInt(b.getShort(p + 30));
      int commentLen = Short.toUnsignedInt(b.getShort(p + 32));
      long local = Integer.toUnsignedLong(b.getInt(p + 42));
      String name = new String(zip, p + 46, nameLen, StandardCharsets.UTF_8);
      if (csize == 0xFFFFFFFFL || size == 0xFFFFFFFFL || local == 0xFFFFFFFFL) throw new IOException("ZIP64 entry " + name);
      p += 46 + nameLen + extraLen + commentLen;
      int l = (int) local;
      if (b.getInt(l) != 0x04034b50) throw new IOException("bad local header of " + name);
      int start = l + 30 + Short.toUnsignedInt(b.getShort(l + 26)) + Short.toUnsignedInt(b.getShort(l + 28));
      byte[] data;
      if (method == 0) {
        data = java.util.Arrays.copyOfRange(zip, start, start + (int) csize);
      } else if (method == 8) {
        Inflater inf = new Inflater(true);
        try {
          inf.setInput(zip, start, (int) csize);
          data = new byte[(int) size];
          int off = 0;
          while (off < data.length && !inf.finished()) {
            int k = inf.inflate(data, off, data.length - off);
            if (k == 0 && (inf.needsInput() || inf.needsDictionary())) break;
            off += k;
          }
          if (off != data.length) throw new IOException("truncated entry " + name);
        } finally {
          inf.end();
        }
      } else {
        throw new IOException("unsupported compression method " + method + " of " + name);
      }
      if (name.endsWith("/")) continue;
      if (out.put(name, data) != null) throw new IOException("duplicate zip entry " + name);
    }
    return out;
  }

  /**
   * Rewrites an xlsx package reproducibly: document times set to {@code time}, entries in name order, each
   * deflated with the default level and stamped with {@code time} (UTC, as a DOS time, clamped to 1980–2107).
   */
  static byte[] normalise(byte[] xlsx, Instant time) {
    String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(time);
    Map<String, byte[]> entries = new TreeMap<>(ENTRY_ORDER);
    try {
      for (Map.Entry<String, byte[]> e : readZip(xlsx).entrySet()) {
        byte[] data = e.getValue();
        if (e.getKey().equals("docProps/core.xml")) {
          String xml = new String(data, StandardCharsets.UTF_8);
          Matcher m = CORE_TIME.matcher(xml);
          data = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + stamp + r.group(2)))
              .getBytes(StandardCharsets.UTF_8);
        }
        entries.put(e.getKey(), data);
      }
    } catch (IOException | DataFormatException e) {
      throw new IllegalStateException("cannot read the workbook fastexcel wrote", e);
    }
    return dev.gongkai.write.DeterministicZip.of(entries, time);
  }
}
