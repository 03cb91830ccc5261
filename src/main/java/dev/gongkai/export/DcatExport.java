package dev.gongkai.export;

import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.SiteConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The open-data catalogue as DCAT-AP 3: {@code data/catalog.jsonld} (JSON-LD with an inline context) and
 * {@code data/catalog.ttl} (the same graph in Turtle).
 *
 * <p>One {@code dcat:Catalog} (title, description, publisher, homepage, issued, modified = build time, language,
 * spatial, provenance) lists every dataset as a {@code dcat:Dataset} (identifier, title, description, keywords from its
 * catalogue item, publisher, issued, modified, landing page, spatial, language, contact point) with one
 * {@code dcat:Distribution} per file (access and download URL, IANA media type as {@code dcat:mediaType} and
 * {@code dct:format}, {@code dcat:byteSize} as {@code xsd:nonNegativeInteger}, SHA-256 {@code spdx:checksum}).
 * Literals in Chinese carry {@code @zh-CN}.
 *
 * <p>IRIs: the catalogue is {@code <base>data/catalog.jsonld#catalog}, a dataset {@code …#dataset-<id>}, its
 * distributions {@code …#dataset-<id>-<n>} (n from 1 in display order), an agency {@code …#agent-<12 hex of SHA-256 of
 * its name>}, the region {@code …#region-<regionCode>}. Resources that the DCAT-AP shapes expect to be typed (agents,
 * pages, media types, the language and the checksum algorithm) are typed in the graph.
 *
 * <p>Provenance: {@code adms:versionNotes} names the generator and the source commit, and
 * {@code prov:wasGeneratedBy} describes the build (a {@code prov:Activity} ended at {@link Provenance#time()},
 * associated with the generator as a {@code prov:SoftwareAgent}, having used the source commit).
 */
public final class DcatExport {
  static final String DCAT = "http://www.w3.org/ns/dcat#";
  static final String DCT = "http://purl.org/dc/terms/";
  static final String FOAF = "http://xmlns.com/foaf/0.1/";
  static final String SPDX = "http://spdx.org/rdf/terms#";
  static final String ADMS = "http://www.w3.org/ns/adms#";
  static final String PROV = "http://www.w3.org/ns/prov#";
  static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
  static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
  static final String XSD = RdfGraph.XSD;
  /** Language of the metadata: Chinese in the EU Publications Office language authority (used by DCAT-AP). */
  static final String LANG_ZHO = "http://publications.europa.eu/resource/authority/language/ZHO";
  static final String IANA_MEDIA_TYPES = "http://www.iana.org/assignments/media-types/";
  static final String ZH = "zh-CN";

  public static final String JSONLD_PATH = "data/catalog.jsonld";
  public static final String TURTLE_PATH = "data/catalog.ttl";

  private DcatExport() {}

  /** {@code data/catalog.jsonld} and {@code data/catalog.ttl}, in that order. Datasets are listed by id. */
  public static List<ExportFile> build(PublishedSite site, Provenance provenance, List<DatasetInfo> datasets) {
    RdfGraph g = graph(site, provenance, datasets);
    return List.of(
        new ExportFile(JSONLD_PATH, g.toJsonLd(), "application/ld+json"),
        new ExportFile(TURTLE_PATH, g.toTurtle(), "text/turtle"));
  }

  /** The IRI of the catalogue node. */
  public static String catalogIri(SiteConfig config) {
    return XmlSupport.absolute(config.baseUrl(), JSONLD_PATH) + "#catalog";
  }

  /** The IRI of a dataset node; data.json uses it as the dataset's {@code identifier}. */
  public static String datasetIri(SiteConfig config, String datasetId) {
    return XmlSupport.absolute(config.baseUrl(), JSONLD_PATH) + "#dataset-" + XmlSupport.encodeUri(datasetId);
  }

  static RdfGraph graph(PublishedSite site, Provenance provenance, List<DatasetInfo> datasets) {
    SiteConfig config = site.config();
    String base = config.baseUrl();
    String doc = XmlSupport.absolute(base, JSONLD_PATH);
    RdfGraph g = new RdfGraph()
        .prefix("dcat", DCAT)
        .prefix("dct", DCT)
        .prefix("foaf", FOAF)
        .prefix("spdx", SPDX)
        .prefix("adms", ADMS)
        .prefix("prov", PROV)
        .prefix("vcard", VCARD)
        .prefix("rdfs", RDFS)
        .prefix("xsd", XSD);

    List<DatasetInfo> sorted = new ArrayList<>(datasets);
    sorted.sort(Comparator.comparing(DatasetInfo::id));

    String homepage = XmlSupport.absolute(base, "");
    String region = regionIri(config, doc);

    RdfGraph.Node cat = g.node(catalogIri(config)).type(DCAT + "Catalog");
    cat.text(DCT + "title", config.title(), ZH);
    cat.text(DCT + "description", catalogueDescription(site, sorted.size()), ZH);
    cat.iri(DCT + "publisher", agentIri(doc, config.agency()));
    cat.iri(FOAF + "homepage", homepage);
    LocalDate issued = sorted.stream().map(DatasetInfo::issued).filter(Objects::nonNull)
        .min(Comparator.naturalOrder()).orElse(site.lastUpdated());
    cat.typed(DCT + "issued", issued.toString(), XSD + "date");
    cat.typed(DCT + "modified", XmlSupport.dateTime(provenance.time()), XSD + "dateTime");
    cat.iri(DCT + "language", LANG_ZHO);
    if (region != null) cat.iri(DCT + "spatial", region);
    cat.text(ADMS + "versionNotes", versionNotes(provenance), ZH);
    RdfGraph.Node activity = RdfGraph.blankNode().type(PROV + "Activity");
    activity.typed(PROV + "endedAtTime", XmlSupport.dateTime(provenance.time()), XSD + "dateTime");
    activity.blank(PROV + "wasAssociatedWith",
        RdfGraph.blankNode().type(PROV + "SoftwareAgent").plain(FOAF + "name", provenance.generator()));
    if (!provenance.commit().isBlank()) {
      activity.blank(PROV + "used", RdfGraph.blankNode().type(PROV + "Entity")
          .plain(DCT + "identifier", "git:" + provenance.commit())
          .text(RDFS + "label", "源仓库提交 " + provenance.commit(), ZH));
    }
    cat.blank(PROV + "wasGeneratedBy", activity);
    for (DatasetInfo d : sorted) cat.iri(DCAT + "dataset", datasetIri(config, d.id()));

    for (DatasetInfo d : sorted) dataset(g, site, doc, region, d);

    // Typed resources the shapes check with sh:class.
    for (String agency : agencies(config, sorted)) {
      g.node(agentIri(doc, agency)).type(FOAF + "Agent").text(FOAF + "name", agency, ZH);
    }
    g.node(homepage).type(FOAF + "Document");
    for (DatasetInfo d : sorted) {
      if (!d.pageUrl().isBlank()) g.node(XmlSupport.absolute(base, d.pageUrl())).type(FOAF + "Document");
    }
    for (String mt : mediaTypes(sorted)) {
      g.node(IANA_MEDIA_TYPES + mt).type(DCT + "MediaType").type(DCT + "MediaTypeOrExtent").plain(RDFS + "label", mt);
    }
    g.node(LANG_ZHO).type(DCT + "LinguisticSystem");
    if (region != null) {
      g.node(region).type(DCT + "Location")
          .plain(DCT + "identifier", config.regionCode())
          .text(RDFS + "label", "行政区划代码 " + config.regionCode(), ZH);
    }
    if (sorted.stream().anyMatch(d -> !d.distributions().isEmpty())) {
      g.node(SPDX + "checksumAlgorithm_sha256").type(SPDX + "ChecksumAlgorithm");
    }
    return g;
  }

  private static void dataset(RdfGraph g, PublishedSite site, String doc, String region, DatasetInfo d) {
    SiteConfig config = site.config();
    String base = config.baseUrl();
    String iri = datasetIri(config, d.id());
    RdfGraph.Node n = g.node(iri).type(DCAT + "Dataset");
    n.plain(DCT + "identifier", d.id());
    n.text(DCT + "title", d.title(), ZH);
    n.text(DCT + "description", d.description().isBlank() ? d.title() : d.description(), ZH);
    for (String k : keywords(site, d)) n.text(DCAT + "keyword", k, ZH);
    n.iri(DCT + "publisher", agentIri(doc, agencyOf(config, d)));
    if (d.issued() != null) n.typed(DCT + "issued", d.issued().toString(), XSD + "date");
    if (d.modified() != null) n.typed(DCT + "modified", d.modified().toString(), XSD + "date");
    if (!d.pageUrl().isBlank()) n.iri(DCAT + "landingPage", XmlSupport.absolute(base, d.pageUrl()));
    n.iri(DCT + "language", LANG_ZHO);
    if (region != null) n.iri(DCT + "spatial", region);
    SiteConfig.Contact contact = config.contact();
    if (contact != null && !contact.email().isBlank()) {
      RdfGraph.Node c = RdfGraph.blankNode().type(VCARD + "Kind").text(VCARD + "fn", config.agency(), ZH);
      c.iri(VCARD + "hasEmail", "mailto:" + XmlSupport.encodeUri(contact.email().trim()));
      n.blank(DCAT + "contactPoint", c);
    }
    int i = 0;
    for (DatasetInfo.Distribution dist : d.distributions()) {
      String distIri = iri + "-" + (++i);
      n.iri(DCAT + "distribution", distIri);
      distribution(g.node(distIri), base, d, dist);
    }
  }

  private static void distribution(RdfGraph.Node x, String base, DatasetInfo d, DatasetInfo.Distribution dist) {
    x.type(DCAT + "Distribution");
    x.text(DCT + "title", d.title() + "（" + dist.format() + "）", ZH);
    String url = XmlSupport.absolute(base, dist.path());
    x.iri(DCAT + "accessURL", url);
    x.iri(DCAT + "downloadURL", url);
    String mt = mediaType(dist.mediaType());
    if (!mt.isEmpty()) {
      x.iri(DCAT + "mediaType", IANA_MEDIA_TYPES + mt);
      x.iri(DCT + "format", IANA_MEDIA_TYPES + mt);
    }
    if (dist.size() >= 0) x.typed(DCAT + "byteSize", Long.toString(dist.size()), XSD + "nonNegativeInteger");
    if (dist.sha256() != null && dist.sha256().matches("[0-9a-fA-F]{64}")) {
      x.blank(SPDX + "checksum", RdfGraph.blankNode().type(SPDX + "Checksum")
          .iri(SPDX + "algorithm", SPDX + "checksumAlgorithm_sha256")
          .typed(SPDX + "checksumValue", dist.sha256().toLowerCase(Locale.ROOT), XSD + "hexBinary"));
    }
  }

  /** The media type without parameters, lower case ({@code text/csv; charset=utf-8} → {@code text/csv}). */
  static String mediaType(String mediaType) {
    if (mediaType == null) return "";
    String t = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return t.matches("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*") ? t : "";
  }

  private static List<String> mediaTypes(List<DatasetInfo> datasets) {
    return datasets.stream().flatMap(d -> d.distributions().stream())
        .map(x -> mediaType(x.mediaType())).filter(s -> !s.isEmpty()).distinct().sorted().toList();
  }

  private static List<String> agencies(SiteConfig config, List<DatasetInfo> datasets) {
    List<String> out = new ArrayList<>();
    out.add(config.agency());
    datasets.stream().map(d -> agencyOf(config, d)).filter(a -> !out.contains(a)).sorted().distinct().forEach(out::add);
    return out;
  }

  static String agencyOf(SiteConfig config, DatasetInfo d) {
    return d.agency() == null || d.agency().isBlank() ? config.agency() : d.agency();
  }

  /**
   * Keywords of a dataset: its catalogue item's domain, level-1 and level-2 names (领域、一级事项、二级事项), or
   * 政务公开 for the catalogue-wide datasets.
   */
  static List<String> keywords(PublishedSite site, DatasetInfo d) {
    List<String> out = new ArrayList<>();
    if (d.itemCode() != null && !d.itemCode().isBlank()) {
      site.catalogue().item(d.itemCode()).ifPresent((CatalogueItem it) -> {
        out.add(it.domain());
        out.add(it.level1());
        out.add(it.level2());
      });
    }
    if (out.isEmpty()) out.add("政务公开");
    return out.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
  }

  private static String catalogueDescription(PublishedSite site, int datasets) {
    return site.config().agency() + "依据政府信息公开标准目录主动公开的开放数据目录，共 " + datasets
        + " 个数据集，含各公开事项的政府信息元数据和数据表。";
  }

  static String versionNotes(Provenance p) {
    String commit = p.commit().isBlank() ? "源目录不在 git 工作区中，无提交号" : "源仓库提交 " + p.commit();
    return "由 " + p.generator() + " 生成；" + commit + "；构建时间 " + XmlSupport.dateTime(p.time()) + "。";
  }

  private static String regionIri(SiteConfig config, String doc) {
    String code = config.regionCode();
    return code != null && code.matches("\\d{6}") ? doc + "#region-" + code : null;
  }

  private static String agentIri(String doc, String name) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return doc + "#agent-" + HexFormat.of().formatHex(h).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
