package dev.gongkai.model;

import java.nio.file.Path;

/**
 * A file attached to a record, published next to the record page.
 *
 * @param source the file in the site source (under {@code content/})
 * @param fileName the published file name
 * @param format upper-case label such as {@code PDF}, from the extension
 * @param size bytes
 */
public record Attachment(Path source, String fileName, String format, long size) {

  /** Size for people: 12.3 KB, 1.4 MB (Locale.ROOT, one decimal). */
  public String displaySize() {
    return displaySize(size);
  }

  /** {@code bytes} for people: 12.3 KB, 1.4 MB (Locale.ROOT, one decimal). */
  public static String displaySize(long size) {
    if (size < 1024) return size + " B";
    if (size < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KB", size / 1024.0);
    return String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
  }

  /** The file name percent-encoded for use in a link next to the record page. */
  public String href() {
    return java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
