package dev.gongkai.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gongkai.model.Dataset;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link DatasetTable} as JSON and as NDJSON (UTF-8, no BOM, LF line ends, non-ASCII text unescaped).
 *
 * <p>The {@code .json} file is one object
 *
 * <pre>{"name":"&lt;id&gt;","title":"&lt;title&gt;","rows":[
 * {"column":value,…},
 * …
 * ]}</pre>
 *
 * <p>with one row object per line, keys in column order. The {@code .ndjson} file has the same row objects, one per
 * line, each line ending in LF. In both, {@code integer} and {@code number} cells are JSON numbers (a value with
 * leading zeros such as {@code 007} is written {@code 7}), every other cell is a JSON string, and an empty cell is
 * {@code null}. The data package descriptor describes the {@code .json} file with the Table Dialect
 * {@code {"property":"rows","itemType":"object"}}.
 */
public final class JsonWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonWriter() {}

  /** The {@code .json} file. */
  public static byte[] json(DatasetTable table) {
    StringBuilder b = new StringBuilder();
    try (StringWriter head = new StringWriter(); JsonGenerator g = FACTORY.createGenerator(head)) {
      g.writeStartObject();
      g.writeStringField("name", table.id());
      g.writeStringField("title", table.title());
      g.writeFieldName("rows");
      g.writeStartArray();
      g.flush();
      b.append(head);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<List<String>> rows = table.rows();
    if (!rows.isEmpty()) b.append('\n');
    for (int i = 0; i < rows.size(); i++) {
      b.append(row(table, rows.get(i)));
      b.append(i < rows.size() - 1 ? ",\n" : "\n");
    }
    b.append("]}\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code .ndjson} file. */
  public static byte[] ndjson(DatasetTable table) {
    StringBuilder b = new StringBuilder();
    for (List<String> row : table.rows()) b.append(row(table, row)).append('\n');
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One row as a compact JSON object. */
  static String row(DatasetTable table, List<String> row) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.writeStartObject();
      for (int i = 0; i < row.size(); i++) {
        Dataset.Column c = table.columns().get(i);
        g.writeFieldName(c.name());
        value(g, c.type(), row.get(i));
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void value(JsonGenerator g, String type, String v) throws IOException {
    if (v.isEmpty()) {
      g.writeNull();
      return;
    }
    try {
      switch (type) {
        case "integer" -> g.writeNumber(new BigInteger(v));
        case "number" -> g.writeNumber(new BigDecimal(v));
        default -> g.writeString(v);
      }
    } catch (NumberFormatException e) {
      g.writeString(v); // validated input never gets here; never lose a value if it does
    }
  }
}
