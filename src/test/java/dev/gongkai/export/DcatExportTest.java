package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.model.PublishedSite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.parser.ShaclParseException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/**
 * {@code data/catalog.jsonld} and {@code data/catalog.ttl}: the JSON-LD and the Turtle parse (Jena) to isomorphic
 * graphs, and the Turtle conforms to the official DCAT-AP 3.0.1 SHACL shapes, vendored in
 * {@code src/test/resources/schemas/dcat-ap-3.0.1/} (see its README for the source and the local fix).
 */
class DcatExportTest {
  static final String SHAPES = "/schemas/dcat-ap-3.0.1/dcat-ap-SHACL.ttl";
  static final String SHAPES_SHA256 = "ed668569a6f4d888b54c655352a270fac778c06b3af0388da125a10549107eba";
  static final String SH = "http://www.w3.org/ns/shacl#";
  static final String R = "https://semiceu.github.io/DCAT-AP/releases/3.0.1#";
  /**
   * The property shapes that the published file references with {@code sh:property} but never defines (the fix
   * drops exactly these two links; see the README).
   */
  static final Set<String> DANGLING = Set.of(
      R + "dcat:DataServiceShape/dc08f4dca4377fade57f89454e3fa06a8389d314",
      R + "dcat:DataServiceShape/eb3ac4e4fdde2e2588a9502c5956060a18c5c99f");

  static final String DCAT = DcatExport.DCAT;
  static final String DCT = DcatExport.DCT;

  // ------------------------------------------------------------------ shapes

  static byte[] shapesBytes() throws Exception {
    try (InputStream in = DcatExportTest.class.getResourceAsStream(SHAPES)) {
      return in.readAllBytes();
    }
  }

  /** The published shapes exactly as vendored. */
  static Graph publishedShapes() throws Exception {
    Graph g = GraphFactory.createDefaultGraph();
    RDFDataMgr.read(g, new ByteArrayInputStream(shapesBytes()), Lang.TURTLE);
    return g;
  }

  /** Objects of {@code sh:property} that are the subject of no triple. */
  static Set<String> danglingPropertyShapes(Graph shapes) {
    Node property = NodeFactory.createURI(SH + "property");
    return shapes.find(Node.ANY, property, Node.ANY).toList().stream().map(Triple::getObject)
        .filter(o -> !shapes.contains(o, Node.ANY, Node.ANY)).map(Node::getURI)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The local fix: remove the {@code sh:property} triples whose object is one of the {@link #DANGLING} property
   * shapes. Nothing else in the published shapes is touched.
   */
  static Shapes fixedShapes() throws Exception {
    Graph g = publishedShapes();
    Node property = NodeFactory.createURI(SH + "property");
    List<Triple> drop = new ArrayList<>();
    for (String iri : DANGLING) drop.addAll(g.find(Node.ANY, property, NodeFactory.createURI(iri)).toList());
    assertEquals(2, drop.size(), "each dangling shape is linked once");
    drop.forEach(g::delete);
    return Shapes.parse(g);
  }

  @Test
  void theVendoredShapesAreTheRecordedCopy() throws Exception {
    byte[] bytes = shapesBytes();
    assertEquals(155456, new String(bytes, StandardCharsets.UTF_8).length());
    assertEquals(SHAPES_SHA256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
        "matches the README");
  }

  @Test
  void thePublishedShapesHaveExactlyTheDocumentedDanglingPropertyShapes() throws Exception {
    Graph g = publishedShapes();
    assertEquals(new TreeSet<>(DANGLING), danglingPropertyShapes(g));
    // Both sit in the DataService shape, between the licence and theme property shapes.
    Node dataService = NodeFactory.createURI(R + "dcat:DataServiceShape");
    for (String iri : DANGLING) {
      assertTrue(g.contains(dataService, NodeFactory.createURI(SH + "property"), NodeFactory.createURI(iri)));
    }
  }

  @Test
  void jenaRejectsThePublishedShapesAsTheyAre() {
    assertThrows(ShaclParseException.class, () -> Shapes.parse(publishedShapes()));
  }

  @Test
  void theFixedShapesParse() throws Exception {
    Shapes shapes = fixedShapes();
    assertTrue(shapes.numShapes() > 30, "node shapes of every DCAT-AP class");
    assertTrue(danglingPropertyShapes(shapes.getGraph()).isEmpty());
  }

  // ------------------------------------------------------------------ export

  static List<ExportFile> export() {
    PublishedSite s = DcatFixtures.site();
    return DcatExport.build(s, DcatFixtures.PROVENANCE, DcatFixtures.datasets(s));
  }

  static Graph parse(byte[] bytes, Lang lang) {
    Graph g = GraphFactory.createDefaultGraph();
    RDFDataMgr.read(g, new ByteArrayInputStream(bytes), lang);
    return g;
  }

  static String report(ValidationReport r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, r.getModel(), Lang.TURTLE);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesTheJsonLdAndTheTurtle() {
    List<ExportFile> files = export();
    assertEquals(List.of("data/catalog.jsonld", "data/catalog.ttl"), files.stream().map(ExportFile::path).toList());
    assertEquals("application/ld+json", files.get(0).mediaType());
    assertEquals("text/turtle", files.get(1).mediaType());
  }

  @Test
  void twoBuildsGiveIdenticalBytes() {
    List<ExportFile> a = export();
    List<ExportFile> b = export();
    for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i).data(), b.get(i).data(), a.get(i).path());
  }

  @Test
  void theJsonLdHasAnInlineContext() throws Exception {
    JsonNode root = new ObjectMapper().readTree(export().get(0).data());
    assertTrue(root.get("@context").isObject(), "no remote context");
    assertEquals(DCAT, root.get("@context").get("dcat").asText());
    assertTrue(root.get("@graph").isArray());
  }

  @Test
  void theJsonLdAndTheTurtleAreTheSameGraph() {
    List<ExportFile> files = export();
    Graph jsonld = parse(files.get(0).data(), Lang.JSONLD);
    Graph turtle = parse(files.get(1).data(), Lang.TURTLE);
    assertTrue(turtle.size() > 200, "a real graph: " + turtle.size());
    assertEquals(turtle.size(), jsonld.size());
    assertTrue(jsonld.isIsomorphicWith(turtle), "JSON-LD and Turtle give isomorphic graphs");
  }

  @Test
  void theTurtleConformsToTheDcatAp301Shapes() throws Exception {
    Graph data = parse(export().get(1).data(), Lang.TURTLE);
    ValidationReport r = ShaclValidator.get().validate(fixedShapes(), data);
    assertTrue(r.conforms(), () -> report(r));
  }

  @Test
  void theShapesDoCheck() throws Exception {
    // A control: the same graph without the catalogue's publisher and with a literal byte size violates the shapes.
    Graph data = parse(export().get(1).data(), Lang.TURTLE);
    Node catalog = NodeFactory.createURI(DcatExport.catalogIri(DcatFixtures.site().config()));
    data.find(catalog, NodeFactory.createURI(DCT + "publisher"), Node.ANY).toList().forEach(data::delete);
    ValidationReport r = ShaclValidator.get().validate(fixedShapes(), data);
    assertFalse(r.conforms());
    assertTrue(r.getEntries().stream().anyMatch(e -> e.resultPath().toString().contains("publisher")), report(r));
  }

  @Test
  void describesTheCatalogueDatasetsAndDistributions() {
    PublishedSite s = DcatFixtures.site();
    List<DatasetInfo> datasets = DcatFixtures.datasets(s);
    Model m = ModelFactory.createModelForGraph(parse(export().get(1).data(), Lang.TURTLE));
    Graph g = m.getGraph();
    Node catalog = NodeFactory.createURI(DcatExport.catalogIri(s.config()));
    assertTrue(g.contains(catalog, RDF.type.asNode(), NodeFactory.createURI(DCAT + "Catalog")));
    Node title = one(g, catalog, DCT + "title");
    assertEquals(s.config().title(), title.getLiteralLexicalForm());
    assertEquals("zh-cn", title.getLiteralLanguage().toLowerCase());
    Node modified = one(g, catalog, DCT + "modified");
    assertEquals("2026-02-03T12:05:06+08:00", modified.getLiteralLexicalForm(), "provenance time in Asia/Shanghai");
    String notes = one(g, catalog, "http://www.w3.org/ns/adms#versionNotes").getLiteralLexicalForm();
    assertTrue(notes.contains("gongkai 0.1.0-test") && notes.contains(DcatFixtures.PROVENANCE.commit()), notes);
    Node homepage = one(g, catalog, "http://xmlns.com/foaf/0.1/homepage");
    assertEquals(s.config().baseUrl(), homepage.getURI());
    Node publisher = one(g, catalog, DCT + "publisher");
    assertEquals(s.config().agency(), one(g, publisher, "http://xmlns.com/foaf/0.1/name").getLiteralLexicalForm());
    Node spatial = one(g, catalog, DCT + "spatial");
    assertEquals(s.config().regionCode(), one(g, spatial, DCT + "identifier").getLiteralLexicalForm());

    List<Node> ds = g.find(catalog, NodeFactory.createURI(DCAT + "dataset"), Node.ANY).mapWith(Triple::getObject)
        .toList();
    assertEquals(datasets.size(), ds.size());
    int distributions = 0;
    for (DatasetInfo d : datasets) {
      Node n = NodeFactory.createURI(DcatExport.datasetIri(s.config(), d.id()));
      assertEquals(d.id(), one(g, n, DCT + "identifier").getLiteralLexicalForm());
      assertEquals(d.title(), one(g, n, DCT + "title").getLiteralLexicalForm());
      assertEquals(d.issued().toString(), one(g, n, DCT + "issued").getLiteralLexicalForm());
      if (!d.pageUrl().isBlank()) {
        assertEquals(s.config().baseUrl() + d.pageUrl(), one(g, n, DCAT + "landingPage").getURI());
      }
      List<Node> dist = g.find(n, NodeFactory.createURI(DCAT + "distribution"), Node.ANY)
          .mapWith(Triple::getObject).toList();
      assertEquals(d.distributions().size(), dist.size());
      for (DatasetInfo.Distribution x : d.distributions()) {
        Node dn = dist.stream().filter(y -> one(g, y, DCAT + "downloadURL").getURI()
            .equals(s.config().baseUrl() + x.path())).findFirst().orElseThrow();
        assertEquals(s.config().baseUrl() + x.path(), one(g, dn, DCAT + "accessURL").getURI());
        Node size = one(g, dn, DCAT + "byteSize");
        assertEquals(Long.toString(x.size()), size.getLiteralLexicalForm());
        assertEquals("http://www.w3.org/2001/XMLSchema#nonNegativeInteger", size.getLiteralDatatypeURI());
        String mt = x.mediaType().split(";")[0].trim();
        assertEquals("http://www.iana.org/assignments/media-types/" + mt, one(g, dn, DCAT + "mediaType").getURI());
        assertEquals("http://www.iana.org/assignments/media-types/" + mt, one(g, dn, DCT + "format").getURI());
        Node checksum = one(g, dn, "http://spdx.org/rdf/terms#checksum");
        assertEquals("http://spdx.org/rdf/terms#checksumAlgorithm_sha256",
            one(g, checksum, "http://spdx.org/rdf/terms#algorithm").getURI());
        assertEquals(x.sha256(), one(g, checksum, "http://spdx.org/rdf/terms#checksumValue").getLiteralLexicalForm());
        distributions++;
      }
    }
    assertTrue(distributions >= 15);
  }

  @Test
  void literalsOfAnyTextSurviveBothSyntaxes() throws Exception {
    PublishedSite s = DcatFixtures.site();
    String nasty = "引号\"反斜杠\\ 换行\n制表\t<尖括号> & 'single' \"\"\" ''' 😀 \u0001end";
    List<DatasetInfo> ds = List.of(new DatasetInfo("nasty", nasty, nasty, "", "", LocalDate.of(2024, 1, 2),
        LocalDate.of(2024, 1, 3), "datasets/nasty/", List.of(
            DcatFixtures.dist("CSV", "data/nasty/数据 表.csv", "text/csv"))));
    List<ExportFile> files = DcatExport.build(s, DcatFixtures.PROVENANCE, ds);
    Graph jsonld = parse(files.get(0).data(), Lang.JSONLD);
    Graph turtle = parse(files.get(1).data(), Lang.TURTLE);
    assertTrue(jsonld.isIsomorphicWith(turtle));
    Node n = NodeFactory.createURI(DcatExport.datasetIri(s.config(), "nasty"));
    assertEquals(nasty, one(turtle, n, DCT + "title").getLiteralLexicalForm());
    Node dist = one(turtle, n, DCAT + "distribution");
    assertEquals(s.config().baseUrl() + "data/nasty/%E6%95%B0%E6%8D%AE%20%E8%A1%A8.csv",
        one(turtle, dist, DCAT + "downloadURL").getURI(), "percent-encoded IRI");
    ValidationReport r = ShaclValidator.get().validate(fixedShapes(), turtle);
    assertTrue(r.conforms(), () -> report(r));
  }

  @Test
  void aCatalogueWithoutDatasetsIsStillValid() throws Exception {
    PublishedSite s = DcatFixtures.site();
    List<ExportFile> files = DcatExport.build(s,
        Provenance.fixed("gongkai test", java.time.Instant.parse("2025-01-01T00:00:00Z")), List.of());
    Graph turtle = parse(files.get(1).data(), Lang.TURTLE);
    assertTrue(parse(files.get(0).data(), Lang.JSONLD).isIsomorphicWith(turtle));
    ValidationReport r = ShaclValidator.get().validate(fixedShapes(), turtle);
    assertTrue(r.conforms(), () -> report(r));
    String notes = DcatFixtures.text(files.get(1));
    assertTrue(notes.contains("无提交号"), "no commit is said so");
  }

  @Test
  void nothingWithheldAppears() {
    for (ExportFile f : export()) DcatFixtures.assertNothingWithheld(f.path(), DcatFixtures.text(f));
  }

  @Test
  void theTurtleIsValidTurtleByItself() {
    // Strict parse: any bad escape or IRI would throw.
    try {
      parse(export().get(1).data(), Lang.TURTLE);
    } catch (RiotException e) {
      throw new AssertionError(DcatFixtures.text(export().get(1)), e);
    }
  }

  private static Node one(Graph g, Node s, String p) {
    List<Node> os = g.find(s, NodeFactory.createURI(p), Node.ANY).mapWith(Triple::getObject).toList();
    assertEquals(1, os.size(), s + " " + p + " " + os);
    return os.get(0);
  }
}
