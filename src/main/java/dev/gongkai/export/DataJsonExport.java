package dev.gongkai.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.SiteConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code data.json} at the site root: the catalogue as DCAT-US 1.1 (Project Open Data metadata schema v1.1), the
 * format US portals and many harvesters (CKAN's ckanext-datajson, Socrata, …) read.
 *
 * <p>Every dataset has the schema's required fields: title, description, keyword (its catalogue item's names, or
 * 政务公开), modified, publisher {name}, contactPoint {fn, hasEmail}, identifier (the dataset's DCAT-AP IRI, so the
 * two catalogues name datasets alike), accessLevel {@code public}; plus issued, landingPage, language, spatial (the
 * administrative division code) and one distribution per file (downloadURL, mediaType, format, title).
 *
 * <p><b>bureauCode and programCode are omitted.</b> They are US federal codes (OMB Circular A-11 agency/bureau
 * codes, Federal Program Inventory program codes); a Chinese government agency has none, and inventing values would
 * be false data. The official v1.1 JSON Schema marks them required for every dataset; data.gov's own harvester
 * validates non-federal catalogues against a variant without them (GSA ckanext-datajson {@code non-federal-v1.1}),
 * and the tests check both: that variant passes with no error, the official schema with exactly these two errors
 * per dataset.
 *
 * <p><b>hasEmail</b> is {@code mailto:} + the contact email from {@code site.json}. When the site gives none, the
 * fallback is {@code mailto:webmaster@<host of baseUrl>}, the mailbox RFC 2142 (section 5) reserves for the web
 * service of a domain; if the base URL has no host with a dot (e.g. {@code localhost}) it is the bare
 * {@code mailto:}, which the schema's pattern allows.
 */
public final class DataJsonExport {
  public static final String PATH = "data.json";
  public static final String CONTEXT = "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld";
  public static final String CONFORMS_TO = "https://project-open-data.cio.gov/v1.1/schema";
  public static final String DESCRIBED_BY = "https://project-open-data.cio.gov/v1.1/schema/catalog.json";

  private DataJsonExport() {}

  /** {@code data.json}; datasets listed by id. */
  public static List<ExportFile> build(PublishedSite site, Provenance provenance, List<DatasetInfo> datasets) {
    SiteConfig config = site.config();
    String base = config.baseUrl();
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("@context", CONTEXT);
    root.put("@id", XmlSupport.absolute(base, PATH));
    root.put("@type", "dcat:Catalog");
    root.put("conformsTo", CONFORMS_TO);
    root.put("describedBy", DESCRIBED_BY);
    ArrayNode list = root.putArray("dataset");
    List<DatasetInfo> sorted = new ArrayList<>(datasets);
    sorted.sort(Comparator.comparing(DatasetInfo::id));
    String email = contactEmail(config);
    for (DatasetInfo d : sorted) {
      ObjectNode o = list.addObject();
      o.put("@type", "dcat:Dataset");
      o.put("title", d.title());
      o.put("description", d.description().isBlank() ? d.title() : d.description());
      ArrayNode kw = o.putArray("keyword");
      for (String k : DcatExport.keywords(site, d)) kw.add(k);
      o.put("modified", (d.modified() != null ? d.modified() : d.issued() != null ? d.issued() : site.lastUpdated())
          .toString());
      ObjectNode publisher = o.putObject("publisher");
      publisher.put("@type", "org:Organization");
      publisher.put("name", DcatExport.agencyOf(config, d));
      ObjectNode contact = o.putObject("contactPoint");
      contact.put("@type", "vcard:Contact");
      contact.put("fn", config.agency());
      contact.put("hasEmail", email);
      o.put("identifier", DcatExport.datasetIri(config, d.id()));
      o.put("accessLevel", "public");
      if (d.issued() != null) o.put("issued", d.issued().toString());
      if (!d.pageUrl().isBlank()) o.put("landingPage", XmlSupport.absolute(base, d.pageUrl()));
      o.putArray("language").add(DcatExport.ZH);
      if (config.regionCode() != null && !config.regionCode().isBlank()) {
        o.put("spatial", "行政区划代码 " + config.regionCode());
      }
      if (!d.distributions().isEmpty()) {
        ArrayNode dist = o.putArray("distribution");
        for (DatasetInfo.Distribution x : d.distributions()) {
          ObjectNode y = dist.addObject();
          y.put("@type", "dcat:Distribution");
          y.put("downloadURL", XmlSupport.absolute(base, x.path()));
          String mt = DcatExport.mediaType(x.mediaType());
          y.put("mediaType", mt.isEmpty() ? "application/octet-stream" : mt);
          y.put("format", x.format());
          y.put("title", d.title() + "（" + x.format() + "）");
        }
      }
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      byte[] bytes = (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
      return List.of(new ExportFile(PATH, bytes, "application/json"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code mailto:} + the site's contact email, or the documented fallback (see the class comment). */
  static String contactEmail(SiteConfig config) {
    SiteConfig.Contact c = config.contact();
    if (c != null && c.email() != null && !c.email().isBlank()) return "mailto:" + c.email().trim();
    String host = XmlSupport.host(config.baseUrl());
    return host.contains(".") ? "mailto:webmaster@" + host : "mailto:";
  }
}
