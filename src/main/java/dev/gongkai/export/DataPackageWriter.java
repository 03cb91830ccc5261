package dev.gongkai.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gongkai.model.Dataset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the {@code datapackage.json} of one dataset: a Frictionless <a href="https://datapackage.org/">Data
 * Package v2</a> descriptor with one resource per downloadable file.
 *
 * <ul>
 *   <li>Package: {@code $schema} (the v2 profile), {@code name} (the dataset id), {@code title},
 *       {@code description}, {@code homepage} (the absolute URL of its portal page, when it has one),
 *       {@code created} (the build time, ISO-8601 UTC), {@code contributors} (the agency, role {@code publisher}),
 *       then the provenance as custom properties: {@code gongkai:generator} ({@link Provenance#generator()}),
 *       {@code gongkai:commit} (the source's git HEAD, only when known) and {@code gongkai:item} (the catalogue
 *       item code, when it has one). No {@code licenses}: a site declares none.
 *   <li>Resources, each {@code "type": "table"} with {@code name}, {@code title}, {@code path} (relative to the
 *       descriptor), {@code format}, {@code mediatype}, {@code encoding} (text files), {@code bytes} and
 *       {@code hash} ({@code sha256:<hex>}, v2's {@code algorithm:hex} form) of the file exactly as written, a Table
 *       Dialect where the format needs one (the JSON file's rows are under {@code rows}; the XLSX sheet name) and
 *       the Table Schema.
 *   <li>Table Schema: {@code $schema} (the v2 profile), {@code fields} (name, title, type
 *       {@code string|integer|number|date}, format, description, constraints — {@code required} for primary-key
 *       columns, {@code unique} for a one-column key, {@code enum} where the values are fixed — the custom
 *       property {@code unit} where the column has one, and {@code gongkai:personal} for de-identified
 *       personal-data columns) and {@code primaryKey}.
 * </ul>
 *
 * <p>Output is pretty-printed with two-space indentation and LF line ends, keys in a fixed order, so it is
 * byte-identical for the same input.
 */
public final class DataPackageWriter {
  public static final String PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";
  public static final String SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json";
  public static final String DIALECT_PROFILE = "https://datapackage.org/profiles/2.0/tabledialect.json";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DataPackageWriter() {}

  /**
   * One file of the package as the descriptor describes it.
   *
   * @param name resource name, unique in the package
   * @param path file name relative to the descriptor
   * @param encoding text encoding, or null for a binary file
   * @param dialect Table Dialect properties, or null when the format's defaults apply
   */
  public record Resource(String name, String title, String description, String path, String format,
      String mediaType, String encoding, byte[] data, ObjectNode dialect) {}

  /** The descriptor's bytes (UTF-8, ends with a newline). */
  public static byte[] write(DatasetTable table, List<Resource> resources, String baseUrl, Provenance provenance) {
    ObjectNode pkg = NODES.objectNode();
    pkg.put("$schema", PACKAGE_PROFILE);
    pkg.put("name", table.id());
    pkg.put("title", table.title());
    if (!table.description().isBlank()) pkg.put("description", table.description());
    if (!table.pageUrl().isBlank()) pkg.put("homepage", baseUrl + table.pageUrl());
    pkg.put("created", DateTimeFormatter.ISO_INSTANT.format(provenance.time()));
    if (!table.agency().isBlank()) {
      ObjectNode publisher = pkg.putArray("contributors").addObject();
      publisher.put("title", table.agency());
      publisher.putArray("roles").add("publisher");
    }
    pkg.put("gongkai:generator", provenance.generator());
    if (!provenance.commit().isEmpty()) pkg.put("gongkai:commit", provenance.commit());
    if (!table.itemCode().isBlank()) pkg.put("gongkai:item", table.itemCode());
    ArrayNode res = pkg.putArray("resources");
    ObjectNode schema = tableSchema(table);
    for (Resource r : resources) {
      ObjectNode n = res.addObject();
      n.put("name", r.name());
      n.put("type", "table");
      n.put("title", r.title());
      if (!r.description().isBlank()) n.put("description", r.description());
      n.put("path", r.path());
      n.put("format", r.format());
      n.put("mediatype", r.mediaType());
      if (r.encoding() != null) n.put("encoding", r.encoding());
      n.put("bytes", r.data().length);
      n.put("hash", "sha256:" + DatasetExports.sha256(r.data()));
      if (r.dialect() != null) {
        ObjectNode d = n.putObject("dialect");
        d.put("$schema", DIALECT_PROFILE);
        d.setAll(r.dialect());
      }
      n.set("schema", schema.deepCopy());
    }
    try {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter(
          Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      pp.indentObjectsWith(indenter);
      pp.indentArraysWith(indenter);
      return (MAPPER.writer(pp).writeValueAsString(pkg) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Table Schema of a table. */
  static ObjectNode tableSchema(DatasetTable table) {
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", SCHEMA_PROFILE);
    ArrayNode fields = schema.putArray("fields");
    List<Dataset.Column> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      Dataset.Column c = columns.get(i);
      ObjectNode f = fields.addObject();
      f.put("name", c.name());
      f.put("title", c.title().isBlank() ? c.name() : c.title());
      f.put("type", c.type());
      if (!table.formats().get(i).isBlank()) f.put("format", table.formats().get(i));
      if (!c.description().isBlank()) f.put("description", c.description());
      boolean key = table.primaryKey().contains(c.name());
      List<String> allowed = table.enums().get(i);
      if (key || !allowed.isEmpty()) {
        ObjectNode k = f.putObject("constraints");
        if (key) k.put("required", true);
        if (key && table.primaryKey().size() == 1) k.put("unique", true);
        if (!allowed.isEmpty()) {
          ArrayNode e = k.putArray("enum");
          allowed.forEach(e::add);
        }
      }
      if (!c.unit().isBlank()) f.put("unit", c.unit());
      if (!c.personal().isBlank()) f.put("gongkai:personal", c.personal());
    }
    if (!table.primaryKey().isEmpty()) {
      ArrayNode pk = schema.putArray("primaryKey");
      table.primaryKey().forEach(pk::add);
    }
    return schema;
  }
}
