package dev.gongkai.serve;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Inserts dev-server markup into an HTML page without decoding it: the page's bytes are kept as they are, and only the
 * ASCII tags {@code <body…>} and {@code </body>} are looked for (case-insensitively), which is safe for UTF-8 and for
 * the legacy Chinese encodings alike. The inserted markup is written as UTF-8.
 */
final class HtmlInjector {
  private HtmlInjector() {}

  /**
   * Returns {@code page} with {@code afterBodyOpen} inserted right after the first {@code <body…>} start tag and
   * {@code beforeBodyClose} inserted before the last {@code </body>}. Without a body start tag both go at the end
   * (browsers still put them into the body); without an end tag the second goes at the end.
   */
  static byte[] inject(byte[] page, String afterBodyOpen, String beforeBodyClose) {
    byte[] head = afterBodyOpen.getBytes(StandardCharsets.UTF_8);
    byte[] tail = beforeBodyClose.getBytes(StandardCharsets.UTF_8);
    int open = endOfBodyStartTag(page);
    int close = lastIndexOfTag(page, "</body");
    if (open < 0) {
      open = page.length;
      close = page.length;
    } else if (close < open) {
      close = page.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(page.length + head.length + tail.length);
    out.write(page, 0, open);
    out.writeBytes(head);
    out.write(page, open, close - open);
    out.writeBytes(tail);
    out.write(page, close, page.length - close);
    return out.toByteArray();
  }

  /**
   * Removes the page's {@code <meta http-equiv="Content-Security-Policy" …>} tag, if any. The published site forbids
   * inline script and style; the preview's own live-reload script and error overlay are inline, so the preview (and
   * only the preview) serves pages without that policy.
   */
  static byte[] withoutCspMeta(byte[] page) {
    int at = indexOfIgnoreCase(page, "<meta http-equiv=\"content-security-policy\"", 0);
    if (at < 0) return page;
    int end = at;
    while (end < page.length && page[end] != '>') end++;
    if (end == page.length) return page;
    ByteArrayOutputStream out = new ByteArrayOutputStream(page.length);
    out.write(page, 0, at);
    out.write(page, end + 1, page.length - end - 1);
    return out.toByteArray();
  }

  /** The index just after the {@code >} of the first {@code <body} start tag, or -1. */
  private static int endOfBodyStartTag(byte[] page) {
    int from = 0;
    while (true) {
      int at = indexOfIgnoreCase(page, "<body", from);
      if (at < 0) return -1;
      int i = at + 5;
      if (i < page.length && isTagNameEnd(page[i])) {
        byte quote = 0;
        for (; i < page.length; i++) {
          byte b = page[i];
          if (quote != 0) {
            if (b == quote) quote = 0;
          } else if (b == '"' || b == '\'') {
            quote = b;
          } else if (b == '>') {
            return i + 1;
          }
        }
        return -1;
      }
      from = at + 1;
    }
  }

  /** The index of the last occurrence of {@code tag} followed by the end of a tag name, or -1. */
  private static int lastIndexOfTag(byte[] page, String tag) {
    for (int at = page.length - tag.length(); at >= 0; at--) {
      if (regionMatches(page, at, tag) && (at + tag.length() == page.length || isTagNameEnd(page[at + tag.length()]))) {
        return at;
      }
    }
    return -1;
  }

  private static int indexOfIgnoreCase(byte[] page, String ascii, int from) {
    for (int at = from; at <= page.length - ascii.length(); at++) {
      if (regionMatches(page, at, ascii)) return at;
    }
    return -1;
  }

  private static boolean regionMatches(byte[] page, int at, String ascii) {
    for (int k = 0; k < ascii.length(); k++) {
      int b = page[at + k];
      if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
      if (b != ascii.charAt(k)) return false;
    }
    return true;
  }

  private static boolean isTagNameEnd(byte b) {
    return b == '>' || b == '/' || b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
  }
}
