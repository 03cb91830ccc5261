package dev.gongkai.serve;

import java.util.Locale;

/** HTML and JSON string escaping for the pages and endpoints the dev server writes itself. */
final class Escaping {
  private Escaping() {}

  /** Escapes text for HTML element content and quoted attribute values. {@code null} becomes the empty string. */
  static String html(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A JSON string literal, quotes included. {@code <}, {@code >} and {@code &} are escaped too, so the result may be
   * embedded in an HTML {@code <script>}. {@code null} becomes {@code null}.
   */
  static String json(String s) {
    if (s == null) return "null";
    StringBuilder out = new StringBuilder(s.length() + 16).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
