package dev.gongkai.scaffold;

import dev.gongkai.export.CsvWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link RecordTemplate} as CSV: the header row and the example row, RFC 4180 quoting, CRLF line ends (what Excel
 * writes), in the charset the site reads CSV in ({@code options.encoding}). UTF-8 starts with a byte order mark, so
 * that Excel and WPS open the Chinese text correctly (gongkai accepts it); GB18030 has none.
 */
public final class CsvTemplate {
  private CsvTemplate() {}

  public static byte[] write(RecordTemplate t, Charset charset) {
    String text = line(t.columns().stream().map(RecordTemplate.TemplateColumn::header).toList())
        + line(t.example());
    byte[] body = text.getBytes(charset);
    return charset.equals(StandardCharsets.UTF_8) ? CsvWriter.withBom(body) : body;
  }

  private static String line(List<String> fields) {
    return fields.stream().map(CsvTemplate::field).collect(Collectors.joining(",")) + "\r\n";
  }

  private static String field(String v) {
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
