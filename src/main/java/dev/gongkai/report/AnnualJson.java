package dev.gongkai.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.diag.Location;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A data file's JSON tree together with the line:col of every key and array element, so that a problem with a value
 * can be reported where it was written. Duplicate keys are syntax errors.
 */
final class AnnualJson {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  final JsonNode root;
  private final String path;
  private final Map<String, Location> locations;

  private AnnualJson(JsonNode root, String path, Map<String, Location> locations) {
    this.root = root;
    this.path = path;
    this.locations = locations;
  }

  /**
   * Parses {@code text} (a leading BOM is ignored).
   *
   * @param path the file's path relative to the site source, for locations
   * @throws com.fasterxml.jackson.core.JsonProcessingException on a syntax error (its location says where)
   */
  static AnnualJson parse(String text, String path) throws IOException {
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    Map<String, Location> locs = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      Deque<Object[]> stack = new ArrayDeque<>(); // {String field} for objects, {Integer index} for arrays
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        Object[] top = stack.peek();
        if (t == JsonToken.FIELD_NAME) {
          top[0] = p.currentName();
          locs.put(pointer(stack), loc(path, p.currentTokenLocation()));
          continue;
        }
        if (top != null && top[0] instanceof Integer i) {
          top[0] = i + 1;
          locs.put(pointer(stack), loc(path, p.currentTokenLocation()));
        } else if (top == null) {
          locs.put("", loc(path, p.currentTokenLocation()));
        }
        if (t == JsonToken.START_OBJECT) stack.push(new Object[] {null});
        else if (t == JsonToken.START_ARRAY) stack.push(new Object[] {-1});
        else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) stack.pop();
      }
    }
    return new AnnualJson(MAPPER.readTree(text), path, locs);
  }

  /** Where the key or element at {@code segments} was written; the nearest enclosing one when unknown. */
  Location at(Object... segments) {
    for (int n = segments.length; n >= 0; n--) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < n; i++) b.append('/').append(escape(String.valueOf(segments[i])));
      Location l = locations.get(b.toString());
      if (l != null) return l;
    }
    return Location.file(path);
  }

  /** A key path as people read it: {@code table3["（七）总计"][0]}. */
  static String key(Object... segments) {
    StringBuilder b = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer i) b.append('[').append(i).append(']');
      else if (String.valueOf(s).matches("[A-Za-z_][A-Za-z0-9_]*")) b.append(b.length() == 0 ? "" : ".").append(s);
      else b.append("[\"").append(s).append("\"]");
    }
    return b.toString();
  }

  static Location loc(String path, JsonLocation l) {
    return l == null ? Location.file(path) : new Location(path, l.getLineNr(), l.getColumnNr());
  }

  private static String pointer(Deque<Object[]> stack) {
    List<String> segs = new ArrayList<>();
    for (var it = stack.descendingIterator(); it.hasNext(); ) segs.add(escape(String.valueOf(it.next()[0])));
    return segs.isEmpty() ? "" : "/" + String.join("/", segs);
  }

  private static String escape(String seg) {
    return seg.replace("~", "~0").replace("/", "~1");
  }
}
