package dev.gongkai.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small RDF graph built in a fixed order and written as JSON-LD (inline {@code @context}, a flat {@code @graph},
 * blank nodes nested) or as Turtle (blank nodes as {@code [ … ]}). Both writers walk the same nodes, so the two files
 * describe the same graph; the order of nodes and properties is the order they were added, so equal input gives equal
 * bytes. Not a general RDF library: just what the DCAT export needs, without Jena.
 */
final class RdfGraph {
  static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  static final String XSD = "http://www.w3.org/2001/XMLSchema#";

  /** An object of a triple. */
  sealed interface Term permits Iri, Literal, Blank {}

  /** An IRI, absolute. */
  record Iri(String iri) implements Term {}

  /**
   * A literal: a language-tagged string ({@code lang} set), a typed literal ({@code datatype} a full IRI) or a plain
   * string (both null).
   */
  record Literal(String lexical, String lang, String datatype) implements Term {}

  /** A blank node written in place. */
  record Blank(Node node) implements Term {}

  /** A subject with its types and properties in insertion order; {@code iri} is null for a blank node. */
  static final class Node {
    final String iri;
    final List<String> types = new ArrayList<>();
    final Map<String, List<Term>> props = new LinkedHashMap<>();

    private Node(String iri) {
      this.iri = iri;
    }

    Node type(String typeIri) {
      if (!types.contains(typeIri)) types.add(typeIri);
      return this;
    }

    Node add(String predicate, Term value) {
      if (value != null) props.computeIfAbsent(predicate, k -> new ArrayList<>()).add(value);
      return this;
    }

    Node iri(String predicate, String iri) {
      return add(predicate, new Iri(iri));
    }

    /** A language-tagged string; skipped when blank. */
    Node text(String predicate, String value, String lang) {
      if (value == null || value.isBlank()) return this;
      return add(predicate, new Literal(value, lang, null));
    }

    /** A plain string; skipped when blank. */
    Node plain(String predicate, String value) {
      if (value == null || value.isBlank()) return this;
      return add(predicate, new Literal(value, null, null));
    }

    Node typed(String predicate, String lexical, String datatype) {
      return add(predicate, new Literal(lexical, null, datatype));
    }

    Node blank(String predicate, Node node) {
      return add(predicate, new Blank(node));
    }
  }

  private final Map<String, String> prefixes = new LinkedHashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, Node> byIri = new LinkedHashMap<>();

  RdfGraph prefix(String prefix, String namespace) {
    prefixes.put(prefix, namespace);
    return this;
  }

  /** The top-level node for {@code iri}, created (at the end of the graph) on first use. */
  Node node(String iri) {
    return byIri.computeIfAbsent(iri, k -> {
      Node n = new Node(k);
      nodes.add(n);
      return n;
    });
  }

  /** Whether a top-level node for {@code iri} exists. */
  boolean has(String iri) {
    return byIri.containsKey(iri);
  }

  /** A new blank node, to be attached with {@link Node#blank}. */
  static Node blankNode() {
    return new Node(null);
  }

  // ---------------------------------------------------------------- JSON-LD

  /** The graph as JSON-LD 1.1 with an inline context (no remote context is ever needed). */
  byte[] toJsonLd() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ObjectNode ctx = root.putObject("@context");
    prefixes.forEach(ctx::put);
    ArrayNode graph = root.putArray("@graph");
    for (Node n : nodes) graph.add(jsonNode(n, f));
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      return (mapper.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode jsonNode(Node n, JsonNodeFactory f) {
    ObjectNode o = f.objectNode();
    if (n.iri != null) o.put("@id", n.iri);
    if (n.types.size() == 1) o.put("@type", compact(n.types.get(0)));
    else if (!n.types.isEmpty()) {
      ArrayNode t = o.putArray("@type");
      for (String type : n.types) t.add(compact(type));
    }
    n.props.forEach((p, values) -> {
      if (values.size() == 1) o.set(compact(p), jsonValue(values.get(0), f));
      else {
        ArrayNode a = o.putArray(compact(p));
        for (Term v : values) a.add(jsonValue(v, f));
      }
    });
    return o;
  }

  private com.fasterxml.jackson.databind.JsonNode jsonValue(Term t, JsonNodeFactory f) {
    if (t instanceof Iri i) return f.objectNode().put("@id", i.iri());
    if (t instanceof Blank b) return jsonNode(b.node(), f);
    Literal l = (Literal) t;
    if (l.lang() == null && l.datatype() == null) return f.textNode(l.lexical());
    ObjectNode v = f.objectNode().put("@value", l.lexical());
    if (l.lang() != null) v.put("@language", l.lang());
    else v.put("@type", compact(l.datatype()));
    return v;
  }

  // ---------------------------------------------------------------- Turtle

  private static final Pattern LOCAL = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  /** The graph as Turtle 1.1. */
  byte[] toTurtle() {
    StringBuilder b = new StringBuilder();
    prefixes.forEach((p, ns) -> b.append("@prefix ").append(p).append(": <").append(iriRef(ns)).append("> .\n"));
    for (Node n : nodes) {
      b.append('\n').append('<').append(iriRef(n.iri)).append('>');
      turtleBody(n, b, 1);
      b.append(" .\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void turtleBody(Node n, StringBuilder b, int depth) {
    String indent = "    ".repeat(depth);
    List<String> lines = new ArrayList<>();
    if (!n.types.isEmpty()) {
      List<String> ts = new ArrayList<>();
      for (String t : n.types) ts.add(turtleIri(t));
      lines.add("a " + String.join(", ", ts));
    }
    n.props.forEach((p, values) -> {
      StringBuilder line = new StringBuilder(turtleIri(p)).append(' ');
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) line.append(",\n").append(indent).append("    ");
        line.append(turtleTerm(values.get(i), depth));
      }
      lines.add(line.toString());
    });
    for (int i = 0; i < lines.size(); i++) {
      b.append('\n').append(indent).append(lines.get(i));
      if (i < lines.size() - 1) b.append(" ;");
    }
  }

  private String turtleTerm(Term t, int depth) {
    if (t instanceof Iri i) return turtleIri(i.iri());
    if (t instanceof Blank bn) {
      StringBuilder sb = new StringBuilder("[");
      turtleBody(bn.node(), sb, depth + 1);
      sb.append('\n').append("    ".repeat(depth)).append(']');
      return sb.toString();
    }
    Literal l = (Literal) t;
    String s = '"' + turtleString(l.lexical()) + '"';
    if (l.lang() != null) return s + '@' + l.lang();
    if (l.datatype() != null) return s + "^^" + turtleIri(l.datatype());
    return s;
  }

  private String turtleIri(String iri) {
    if (iri.equals(RDF + "type")) return "a";
    String c = compact(iri);
    return c.equals(iri) ? "<" + iriRef(iri) + ">" : c;
  }

  /** {@code prefix:local} when a declared namespace matches and the local part is a simple name, else the IRI. */
  private String compact(String iri) {
    for (Map.Entry<String, String> e : prefixes.entrySet()) {
      String ns = e.getValue();
      if (iri.startsWith(ns) && LOCAL.matcher(iri.substring(ns.length())).matches()) {
        return e.getKey() + ":" + iri.substring(ns.length());
      }
    }
    return iri;
  }

  /** Escapes what an IRIREF cannot hold as {@code \}{@code uXXXX}; IRIs here are already percent-encoded. */
  static String iriRef(String iri) {
    StringBuilder b = new StringBuilder(iri.length());
    for (int i = 0; i < iri.length(); i++) {
      char c = iri.charAt(i);
      if (c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0) b.append(String.format("\\u%04X", (int) c));
      else b.append(c);
    }
    return b.toString();
  }

  /** Escapes a Turtle short string ({@code "…"}). */
  static String turtleString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7F) b.append(String.format("\\u%04X", (int) c));
          else b.append(c);
        }
      }
    }
    return b.toString();
  }
}
