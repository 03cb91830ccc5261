package dev.gongkai.export;

import java.net.IDN;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Text helpers shared by the catalogue-level exports (DCAT, data.json, feeds, sitemap, robots.txt): XML escaping,
 * absolute URLs and date-times in Asia/Shanghai. Pure functions, no wall clock.
 */
final class XmlSupport {
  /** Where the site's times of day live. Records have dates only; they are taken as midnight there. */
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

  private XmlSupport() {}

  /**
   * Escapes character data or an attribute value (both quotes included) for XML 1.0, and drops what XML 1.0 cannot
   * carry at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates), so any title is safe.
   */
  static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        case '\r' -> b.append("&#13;");
        default -> {
          if (Character.isHighSurrogate(c)) {
            if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
              b.append(c).append(s.charAt(++i));
            }
          } else if (Character.isLowSurrogate(c)) {
            // lone low surrogate: not a character, dropped
          } else if (c == '\t' || c == '\n' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * The absolute URL of a site-relative path: {@code baseUrl} (ends with {@code /}) + path, with every character that
   * may not appear in a URI (non-ASCII, spaces, {@code "<>\^`{|}}) percent-encoded as UTF-8. Existing {@code %XX}
   * escapes are kept. A blank path gives the base URL itself.
   */
  static String absolute(String baseUrl, String path) {
    String p = path == null ? "" : path;
    while (p.startsWith("/")) p = p.substring(1);
    return encodeUri(baseUrl + p);
  }

  /** Percent-encodes the characters of {@code s} that a URI cannot contain; see {@link #absolute}. */
  static String encodeUri(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xFF;
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~:/?#[]@!$&'()*+,;=".indexOf(c) >= 0;
      if (c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) ok = true;
      if (ok) b.append((char) c);
      else b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
          .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
    }
    return b.toString();
  }

  private static boolean isHex(byte x) {
    return (x >= '0' && x <= '9') || (x >= 'a' && x <= 'f') || (x >= 'A' && x <= 'F');
  }

  /** The host of an absolute URL in ASCII (IDNA), lower case; empty when there is none. */
  static String host(String url) {
    try {
      String h = URI.create(encodeUri(url)).getHost();
      if (h == null) {
        String rest = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int end = rest.length();
        for (char c : new char[] {'/', ':', '?', '#'}) {
          int i = rest.indexOf(c);
          if (i >= 0) end = Math.min(end, i);
        }
        h = rest.substring(0, end);
      }
      return IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** {@code 2024-03-21T00:00:00+08:00}: a date taken as midnight in Asia/Shanghai. */
  static String startOfDay(LocalDate d) {
    return DAYS.computeIfAbsent(d, x -> DATE_TIME.format(x.atStartOfDay(SHANGHAI)));
  }

  /**
   * {@link #startOfDay} by date: the feeds format every record's date in every build, and a site has a few thousand
   * distinct dates.
   */
  private static final java.util.Map<LocalDate, String> DAYS = new java.util.concurrent.ConcurrentHashMap<>();

  /** A local date-time of the site (Asia/Shanghai) with its offset. */
  static String dateTime(LocalDateTime t) {
    return DATE_TIME.format(t.atZone(SHANGHAI));
  }

  /** An instant as a date-time in Asia/Shanghai, seconds precision. */
  static String dateTime(Instant t) {
    return DATE_TIME.format(OffsetDateTime.ofInstant(t, SHANGHAI).withNano(0));
  }
}
