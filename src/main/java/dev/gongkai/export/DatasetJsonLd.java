package dev.gongkai.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.SiteConfig;
import dev.gongkai.render.Views;
import java.util.List;

/**
 * The schema.org {@code Dataset} description of a dataset page, as JSON-LD for a
 * {@code <script type="application/ld+json">} element. {@code dataset.html} calls it with OGNL's static-call syntax
 * in a {@code th:with} and prints the result with {@code th:utext}:
 *
 * <pre>{@code <script type="application/ld+json"
 *     th:with="jsonLd=${@dev.gongkai.export.DatasetJsonLd@of(dataset, config, openData)}" th:utext="${jsonLd}">}</pre>
 *
 * <p>(The templates use OGNL, where SpEL's {@code T(...)} does not exist, and Thymeleaf 3.1 forbids static calls
 * inside {@code th:utext} and inlined output, but not in {@code th:with}.) Printing it unescaped is safe: the JSON
 * can never end the script element or open a comment in it, because {@code </} is written {@code <\/} and the
 * {@code !} of {@code <!--} as {@code \u0021} — both still the same JSON value.
 */
public final class DatasetJsonLd {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DatasetJsonLd() {}

  /**
   * The JSON-LD of {@code ds}: name, description, url (absolute), publisher and creator (the agency), datePublished,
   * isAccessibleForFree, variableMeasured (the column labels) and one {@code DataDownload} per download in
   * {@code openData} (encodingFormat = media type, contentUrl absolute). Empty when {@code ds} is null.
   */
  public static String of(Dataset ds, SiteConfig config, Views.OpenData openData) {
    if (ds == null || config == null) return "";
    List<Views.Download> downloads =
        openData == null ? List.of() : openData.downloads().getOrDefault(ds.id(), List.of());
    String base = config.baseUrl();
    JsonNodeFactory n = JsonNodeFactory.instance;
    ObjectNode o = n.objectNode();
    o.put("@context", "https://schema.org");
    o.put("@type", "Dataset");
    o.put("@id", base + ds.url());
    o.put("name", ds.title());
    o.put("description", ds.description().isBlank() ? ds.title() : ds.description());
    o.put("url", base + ds.url());
    o.put("inLanguage", config.languages().isEmpty() ? "zh-CN" : config.languages().get(0));
    o.put("isAccessibleForFree", true);
    ObjectNode publisher = o.putObject("publisher");
    publisher.put("@type", "GovernmentOrganization");
    publisher.put("name", config.agency());
    publisher.put("url", base);
    ObjectNode creator = o.putObject("creator");
    creator.put("@type", "GovernmentOrganization");
    creator.put("name", ds.agency().isBlank() ? config.agency() : ds.agency());
    if (ds.published() != null) o.put("datePublished", ds.published().toString());
    ArrayNode vars = o.putArray("variableMeasured");
    for (Dataset.Column c : ds.columns()) vars.add(c.label());
    if (!downloads.isEmpty()) {
      ArrayNode dist = o.putArray("distribution");
      for (Views.Download d : downloads) {
        ObjectNode x = dist.addObject();
        x.put("@type", "DataDownload");
        x.put("name", d.format());
        x.put("encodingFormat", d.mediaType());
        x.put("contentUrl", base + d.path());
        x.put("contentSize", d.size() + " B");
        x.put("sha256", d.sha256());
      }
    }
    try {
      return scriptSafe(MAPPER.writeValueAsString(o));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JSON text that cannot end a script element or open an HTML comment inside it; still the same JSON value. */
  static String scriptSafe(String json) {
    return json.replace("</", "<\\/").replace("<!--", "<\\u0021--");
  }
}
