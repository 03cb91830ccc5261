package dev.gongkai.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Appending to a record file's text changes nothing but the new row or object. */
class AppendersTest {
  @Test
  void csvRowGoesAfterTheLastRowWithTheFilesLineEnd() {
    CsvAppender.Appended a = CsvAppender.append("h1,h2\r\na,b\r\n", "\r\n", List.of("x", "y"));
    assertEquals("h1,h2\r\na,b\r\nx,y\r\n", a.text());
    assertEquals(3, a.line());
  }

  @Test
  void csvWithoutFinalLineEndStaysWithout() {
    assertEquals("h\na\nb", CsvAppender.append("h\na", "\n", List.of("b")).text());
  }

  @Test
  void csvBlankLinesAtTheEndStayAtTheEnd() {
    CsvAppender.Appended a = CsvAppender.append("h\na\n\n\n", "\n", List.of("b"));
    assertEquals("h\na\nb\n\n\n", a.text());
    assertEquals(3, a.line());
  }

  @Test
  void csvLineCountsQuotedLineBreaks() {
    CsvAppender.Appended a = CsvAppender.append("h,body\r\n1,\"two\r\nlines\"\r\n", "\r\n", List.of("2", ""));
    assertEquals(4, a.line());
  }

  @Test
  void csvFieldsAreQuotedOnlyWhenNeeded() {
    assertEquals("plain", CsvAppender.field("plain"));
    assertEquals("中文，逗号", CsvAppender.field("中文，逗号"));
    assertEquals("\"a,b\"", CsvAppender.field("a,b"));
    assertEquals("\"关于做好\"\"双节\"\"期间\"", CsvAppender.field("关于做好\"双节\"期间"));
    assertEquals("\" lead\"", CsvAppender.field(" lead"));
  }

  @Test
  void jsonObjectLaidOutLikeTheLastRecord() throws IOException {
    String text = "{\n  \"事项\": \"aqsc-02-01\",\n  \"records\": [\n    {\n      \"index_no\": \"A\",\n"
        + "      \"title\": \"t\"\n    }\n  ]\n}\n";
    assertEquals(List.of("index_no", "title"), JsonAppender.lastKeys(text));
    JsonAppender.Appended a = JsonAppender.append(text, "\n", fields("index_no", "B", "title", "新\"标题\""));
    assertEquals("{\n  \"事项\": \"aqsc-02-01\",\n  \"records\": [\n    {\n      \"index_no\": \"A\",\n"
        + "      \"title\": \"t\"\n    },\n    {\n      \"index_no\": \"B\",\n      \"title\": \"新\\\"标题\\\"\"\n"
        + "    }\n  ]\n}\n", a.text());
    assertEquals(8, a.line());
  }

  @Test
  void jsonOneLineRecordsAndCrLf() throws IOException {
    String text = "[\r\n  {\"索引号\":\"A\", \"事项\":\"x\"}\r\n]";
    assertEquals(List.of("索引号", "事项"), JsonAppender.lastKeys(text), "a bare array keeps its 事项 key");
    JsonAppender.Appended a = JsonAppender.append(text, "\r\n", fields("索引号", "B", "事项", "x"));
    assertEquals("[\r\n  {\"索引号\":\"A\", \"事项\":\"x\"},\r\n  {\"索引号\":\"B\", \"事项\":\"x\"}\r\n]", a.text());
    assertEquals(3, a.line());
  }

  @Test
  void jsonEmptyArray() throws IOException {
    JsonAppender.Appended a = JsonAppender.append("[]\n", "\n", fields("索引号", "B"));
    assertEquals("[\n  {\n    \"索引号\": \"B\"\n  }\n]\n", a.text());
    assertEquals(2, a.line());
    String wrapped = "{\"事项\": \"aqsc-01-01\", \"records\": []}";
    assertEquals(List.of(), JsonAppender.lastKeys(wrapped));
    assertEquals("{\"事项\": \"aqsc-01-01\", \"records\": [\n  {\n    \"索引号\": \"B\"\n  }\n]}",
        JsonAppender.append(wrapped, "\n", fields("索引号", "B")).text());
  }

  private static Map<String, String> fields(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }
}
