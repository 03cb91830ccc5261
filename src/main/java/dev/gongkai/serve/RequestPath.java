package dev.gongkai.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request path, percent-decoded as UTF-8 and split into segments, that is safe to resolve under a site directory:
 * no segment is {@code .} or {@code ..} (literal or encoded), and none contains a slash, backslash, NUL or other
 * control character. Empty segments ({@code //}) are dropped. Callers must still check that the resolved real path
 * stays inside the site directory (symbolic links).
 *
 * @param segments the decoded segments, possibly empty (for {@code /})
 * @param trailingSlash whether the raw path ends with {@code /} (always true for {@code /})
 */
record RequestPath(List<String> segments, boolean trailingSlash) {

  RequestPath {
    segments = List.copyOf(segments);
  }

  /**
   * Parses the raw (still encoded) path of a request URI.
   *
   * @return the path, or empty if it is malformed or tries to leave the site (the server answers 400)
   */
  static Optional<RequestPath> parse(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) return Optional.empty();
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.substring(1).split("/", -1)) {
      if (raw.isEmpty()) continue;
      Optional<String> decoded = decode(raw);
      if (decoded.isEmpty() || !isSafeSegment(decoded.get())) return Optional.empty();
      segments.add(decoded.get());
    }
    return Optional.of(new RequestPath(segments, rawPath.endsWith("/")));
  }

  /** The last segment, or the empty string for {@code /}. */
  String fileName() {
    return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
  }

  private static boolean isSafeSegment(String s) {
    if (s.equals(".") || s.equals("..")) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) return false;
    }
    return true;
  }

  /** Percent-decodes one segment as UTF-8; {@code +} stays a plus sign (it only means space in query strings). */
  private static Optional<String> decode(String raw) {
    if (raw.indexOf('%') < 0) return Optional.of(raw);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) return Optional.empty();
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) return Optional.empty();
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        // A client sent a raw non-ASCII character; keep it as its UTF-8 bytes.
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
          utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(utf8);
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
