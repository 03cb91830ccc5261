package dev.gongkai.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON records file into the same {@link Table} shape as a CSV: either an array of flat objects, or an
 * object with a file-level item key ({@code 事项} or {@code item}) and a {@code records} array. Arrays of strings
 * (attachments) are joined with {@code ;}. Uses Jackson's streaming parser so every value keeps its line:col.
 */
public final class JsonTableReader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Jackson's default nesting limit, which it reports without a location. */
  public static final int MAX_DEPTH = com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH;

  private JsonTableReader() {}

  public static Optional<Table> read(SourceText src, Diagnostics diags) {
    if (src.text().isBlank()) {
      diags.report(Code.FILE_EMPTY, src.locate(0), "");
      return Optional.empty();
    }
    try (JsonParser p = FACTORY.createParser(src.text())) {
      JsonToken t = p.nextToken();
      Cell fileItem = null;
      String fileItemKey = null;
      List<Map<String, Cell>> objects = new ArrayList<>();
      List<Location> rowLocations = new ArrayList<>();
      if (t == JsonToken.START_ARRAY) {
        if (!readArray(p, src, objects, rowLocations, diags)) return Optional.empty();
      } else if (t == JsonToken.START_OBJECT) {
        boolean sawRecords = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Location keyLoc = loc(src, p.currentTokenLocation());
          JsonToken v = p.nextToken();
          if (key.equals("records") && v == JsonToken.START_ARRAY) {
            sawRecords = true;
            if (!readArray(p, src, objects, rowLocations, diags)) return Optional.empty();
          } else if ((key.equals("事项") || key.equals("item")) && v == JsonToken.VALUE_STRING) {
            fileItemKey = key;
            fileItem = new Cell(p.getText(), loc(src, p.currentTokenLocation()));
          } else if (key.equals("事项") || key.equals("item") || key.equals("records")) {
            boolean records = key.equals("records");
            diags.report(Code.JSON_SHAPE, loc(src, p.currentTokenLocation()), key,
                records ? Bi.of("记录数组 [ … ]", "an array of records [ ... ]")
                    : Bi.of("文本（事项编码）", "a string (the item code)"));
            return Optional.empty();
          } else {
            diags.report(Code.JSON_SHAPE, keyLoc, key, Bi.of("“事项”或“records”", "\"item\" or \"records\""));
            return Optional.empty();
          }
        }
        if (!sawRecords) {
          diags.report(Code.JSON_SHAPE, src.locate(0), "", Bi.of("“records”数组", "a \"records\" array"));
          return Optional.empty();
        }
      } else {
        diags.report(Code.JSON_SHAPE, loc(src, p.currentTokenLocation()), String.valueOf(p.getText()),
            Bi.of("对象数组", "an array of objects"));
        return Optional.empty();
      }
      if (p.nextToken() != null) {
        diags.report(Code.JSON_SYNTAX, loc(src, p.currentTokenLocation()), p.getText(),
            Bi.of("JSON 结束后还有多余内容", "content after the end of the JSON value"));
        return Optional.empty();
      }
      return Optional.of(toTable(src.path(), objects, rowLocations, fileItemKey, fileItem));
    } catch (JsonProcessingException e) {
      // Syntax errors, and the parser's limits (nesting depth, number length): located where the parser stopped.
      JsonLocation l = e.getLocation();
      int deep = l == null || l.getLineNr() < 1 ? tooDeep(src.text(), MAX_DEPTH) : -1;
      Location where = l != null && l.getLineNr() >= 1 ? loc(src, l) : src.locate(Math.max(0, deep));
      diags.report(Code.JSON_SYNTAX, where, "", message(e));
      return Optional.empty();
    } catch (IOException e) {
      diags.report(Code.FILE_UNREADABLE, src.locate(0), "", e.getMessage());
      return Optional.empty();
    }
  }

  private static boolean readArray(
      JsonParser p, SourceText src, List<Map<String, Cell>> out, List<Location> rowLocs, Diagnostics diags)
      throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        diags.report(Code.JSON_SHAPE, loc(src, p.currentTokenLocation()), p.getText(),
            Bi.of("记录对象", "a record object"));
        return false;
      }
      rowLocs.add(loc(src, p.currentTokenLocation()));
      Map<String, Cell> obj = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName().strip();
        JsonToken v = p.nextToken();
        Location where = loc(src, p.currentTokenLocation());
        if (v == JsonToken.START_ARRAY) {
          List<String> parts = new ArrayList<>();
          JsonToken e;
          while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (!e.isScalarValue()) {
              diags.report(Code.JSON_SHAPE, loc(src, p.currentTokenLocation()), key, Bi.of("文本", "a string"));
              return false;
            }
            parts.add(p.getText());
          }
          obj.put(key, new Cell(String.join(";", parts), where));
        } else if (v == JsonToken.VALUE_NULL) {
          obj.put(key, new Cell("", where));
        } else if (v.isScalarValue()) {
          String text = p.getText();
          if (text.length() > TextChecks.MAX_FIELD_CHARS) {
            diags.report(Code.TOO_LARGE, where, text.substring(0, 40), Bi.of("值", "the value"),
                TextChecks.chars(text.length()), TextChecks.chars(TextChecks.MAX_FIELD_CHARS));
            return false;
          }
          obj.put(key, new Cell(text, where));
        } else {
          diags.report(Code.JSON_SHAPE, where, key, Bi.of("文本", "a string"));
          return false;
        }
      }
      out.add(obj);
    }
    return true;
  }

  private static Table toTable(
      String path, List<Map<String, Cell>> objects, List<Location> rowLocs, String fileItemKey, Cell fileItem) {
    Map<String, Location> header = new LinkedHashMap<>();
    for (int i = 0; i < objects.size(); i++) {
      for (Map.Entry<String, Cell> e : objects.get(i).entrySet()) {
        header.putIfAbsent(e.getKey(), e.getValue().location());
      }
    }
    boolean injectItem = fileItem != null && !header.containsKey("事项") && !header.containsKey("item");
    if (injectItem) header.put(fileItemKey, fileItem.location());
    List<Cell> headerCells = new ArrayList<>();
    header.forEach((k, l) -> headerCells.add(new Cell(k, l)));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      Map<String, Cell> obj = objects.get(i);
      Location rowLoc = rowLocs.get(i);
      List<Cell> cells = new ArrayList<>();
      for (String k : header.keySet()) {
        Cell c = obj.get(k);
        if (c == null && injectItem && k.equals(fileItemKey)) c = fileItem;
        cells.add(c != null ? c : new Cell("", rowLoc));
      }
      rows.add(new Row(rowLoc, cells));
    }
    return new Table(path, headerCells, rows);
  }

  /**
   * Jackson's message without its advice to programmers ("enable `JsonReadFeature.…` to allow"), which a publisher
   * cannot follow.
   */
  public static String message(JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    return m.replaceAll(":? *(?:enable|use) `[^`]*`[^)\n]*to allow", "").replaceAll("\\s*\\(for input source[^)]*\\)", "");
  }

  /**
   * Where a JSON text nests deeper than {@code limit} arrays and objects (the parser's depth limit reports no
   * location), or -1.
   */
  public static int tooDeep(String text, int limit) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (++depth > limit) return i;
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return -1;
  }

  private static Location loc(SourceText src, JsonLocation l) {
    return new Location(src.path(), Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }
}
