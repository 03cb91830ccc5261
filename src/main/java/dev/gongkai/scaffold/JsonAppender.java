package dev.gongkai.scaffold;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds one object to a JSON record file's text (an array of records, or {@code {"事项": …, "records": [ … ]}}) as a
 * person would: after the last record, laid out like it (indentation, one key per line or all on one line, the
 * space around {@code :}), with the same keys in the same order, and the file's line end. The rest of the text is
 * left byte for byte. Values are written as JSON strings, Chinese as it is (not {@code \\u} escapes).
 */
final class JsonAppender {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Pattern KEY_SEPARATOR = Pattern.compile("\\s*:\\s*$");

  /** The new text and the line the new object's opening brace is on. */
  record Appended(String text, int line) {}

  /** Where things are in the file. */
  private record Layout(boolean wrapped, int arrayOpen, int arrayClose, int lastStart, int lastEnd,
      List<String> lastKeys, String keyIndent, String keySeparator) {}

  private JsonAppender() {}

  /**
   * The keys the new object should have, in order: those of the last record (a file wrapped with its 事项 holds no
   * per-record 事项), or empty when the file has no record yet.
   *
   * @throws IOException when the text is not a record file (the loader reports why)
   */
  static List<String> lastKeys(String text) throws IOException {
    return layout(text).lastKeys();
  }

  /**
   * @param fields the new object's keys and values, in order
   * @throws IOException when the text is not a record file
   */
  static Appended append(String text, String eol, Map<String, String> fields) throws IOException {
    Layout l = layout(text);
    if (l.lastStart() < 0) {
      // An empty array: lay the object out two spaces in from the line the array opens on.
      String base = indentOfLine(text, l.arrayOpen());
      String obj = multiLine(fields, eol, base + "    ", ": ", base + "  ");
      String insert = eol + base + "  " + obj + eol + base;
      String out = text.substring(0, l.arrayOpen() + 1) + insert + text.substring(l.arrayClose());
      return new Appended(out, RecordText.lineAt(out, l.arrayOpen() + 1 + eol.length()));
    }
    String before = text.substring(lineStart(text, l.lastStart()), l.lastStart());
    boolean ownLine = before.isBlank();
    String objIndent = ownLine ? before : "";
    String obj = l.keyIndent() != null
        ? multiLine(fields, eol, l.keyIndent(), l.keySeparator(), objIndent)
        : oneLine(fields, l.keySeparator() == null ? ": " : l.keySeparator());
    String insert = "," + (ownLine ? eol + objIndent : " ") + obj;
    String out = text.substring(0, l.lastEnd()) + insert + text.substring(l.lastEnd());
    return new Appended(out, RecordText.lineAt(out, l.lastEnd() + insert.length() - obj.length()));
  }

  private static String multiLine(Map<String, String> fields, String eol, String keyIndent, String sep,
      String closeIndent) {
    List<String> parts = new ArrayList<>();
    fields.forEach((k, v) -> parts.add(keyIndent + quote(k) + sep + quote(v)));
    return "{" + eol + String.join("," + eol, parts) + eol + closeIndent + "}";
  }

  private static String oneLine(Map<String, String> fields, String sep) {
    List<String> parts = new ArrayList<>();
    fields.forEach((k, v) -> parts.add(quote(k) + sep + quote(v)));
    return "{" + String.join(", ", parts) + "}";
  }

  private static Layout layout(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      IntSupplier at = () -> (int) p.currentTokenLocation().getCharOffset();
      JsonToken t = p.nextToken();
      boolean wrapped = false;
      if (t == JsonToken.START_OBJECT) {
        wrapped = true;
        while (true) {
          if (p.nextToken() != JsonToken.FIELD_NAME) throw new IOException("no \"records\" array");
          String name = p.currentName();
          JsonToken v = p.nextToken();
          if (name.equals("records") && v == JsonToken.START_ARRAY) break;
          p.skipChildren();
        }
      } else if (t != JsonToken.START_ARRAY) {
        throw new IOException("not an array of records");
      }
      int open = at.getAsInt();
      int lastStart = -1;
      int lastEnd = -1;
      List<String> keys = new ArrayList<>();
      String keyIndent = null;
      String sep = null;
      JsonToken e;
      while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
        if (e != JsonToken.START_OBJECT) throw new IOException("not a record object");
        lastStart = at.getAsInt();
        keys = new ArrayList<>();
        keyIndent = null;
        sep = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          int keyStart = at.getAsInt();
          keys.add(p.currentName());
          p.nextToken();
          int valueStart = at.getAsInt();
          if (keys.size() == 1) {
            String gap = text.substring(lastStart + 1, keyStart);
            int nl = Math.max(gap.lastIndexOf('\n'), gap.lastIndexOf('\r'));
            keyIndent = nl >= 0 ? gap.substring(nl + 1) : null;
            Matcher m = KEY_SEPARATOR.matcher(text.substring(keyStart, valueStart));
            sep = m.find() ? m.group() : ": ";
          }
          p.skipChildren();
        }
        lastEnd = at.getAsInt() + 1; // just after the record's closing brace
      }
      int close = at.getAsInt();
      if (wrapped) keys.removeIf(k -> k.strip().equals("事项") || k.strip().equals("item"));
      return new Layout(wrapped, open, close, lastStart, lastEnd, List.copyOf(keys), keyIndent, sep);
    }
  }

  private static int lineStart(String s, int offset) {
    int i = offset;
    while (i > 0 && s.charAt(i - 1) != '\n' && s.charAt(i - 1) != '\r') i--;
    return i;
  }

  private static String indentOfLine(String s, int offset) {
    int start = lineStart(s, offset);
    int i = start;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
    return s.substring(start, i);
  }

  private static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
