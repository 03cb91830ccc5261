package dev.gongkai.serve;

import java.util.Locale;
import java.util.Map;

/** Content types by file extension for the dev server. Text types carry {@code charset=utf-8}: gongkai writes UTF-8. */
final class ContentTypes {
  static final String HTML = "text/html; charset=utf-8";
  static final String JSON = "application/json; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";
  static final String OCTET_STREAM = "application/octet-stream";

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("html", HTML),
          Map.entry("htm", HTML),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("json", JSON),
          Map.entry("map", JSON),
          Map.entry("xml", "application/xml; charset=utf-8"),
          Map.entry("txt", TEXT),
          Map.entry("csv", "text/csv; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("woff", "font/woff"));

  private ContentTypes() {}

  /** The content type for a file name; {@code application/octet-stream} when the extension is unknown or missing. */
  static String forFileName(String fileName) {
    String ext = extension(fileName);
    return ext == null ? OCTET_STREAM : BY_EXTENSION.getOrDefault(ext, OCTET_STREAM);
  }

  /** Whether responses for this file name are HTML pages (and so get the live-reload script and error overlay). */
  static boolean isHtml(String fileName) {
    return HTML.equals(forFileName(fileName));
  }

  /** The lower-case extension without the dot, or {@code null} if the name has none. */
  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) return null;
    return fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
