package dev.gongkai.render;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markdown to safe HTML. flexmark renders CommonMark plus tables; the result is then cleaned by jsoup with an
 * allow-list, so raw HTML a publisher pasted (or an attacker planted) cannot carry scripts, event handlers, styles
 * or frames into the portal. Thread-safe.
 */
public final class Markdown {
  private static final MutableDataSet OPTIONS = new MutableDataSet()
      .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
      .set(TablesExtension.CLASS_NAME, "table")
      .set(HtmlRenderer.SOFT_BREAK, "\n");
  private static final Parser PARSER = Parser.builder(OPTIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();
  private static final String BASE_URI = "http://local.invalid/";
  private static final Safelist SAFE = Safelist.relaxed()
      .removeTags("img")
      .addTags("img", "figure", "figcaption", "hr", "del", "ins", "abbr")
      .addAttributes("img", "src", "alt", "title", "width", "height")
      .addAttributes("th", "scope")
      .addAttributes("table", "class")
      .addAttributes("abbr", "title")
      .addProtocols("img", "src", "http", "https")
      .preserveRelativeLinks(true);

  /**
   * The rendered, sanitised HTML and the relative links it contains (to files the page may need published).
   *
   * @param localLinks relative {@code href}/{@code src} values, e.g. {@code images/map.png}, without fragment
   */
  public record Html(String html, List<String> localLinks) {}

  private Markdown() {}

  /** Renders without touching relative links. */
  public static Html render(String markdown) {
    return render(markdown, java.util.function.UnaryOperator.identity());
  }

  /**
   * @param rewrite maps each relative link (as written) to the link the published page must use; the returned
   *     {@link Html#localLinks()} are the links as written
   */
  public static Html render(String markdown, java.util.function.UnaryOperator<String> rewrite) {
    if (markdown == null || markdown.isBlank()) return new Html("", List.of());
    String plain = PlainMarkdown.html(markdown); // no links, images or tables: nothing to rewrite
    if (plain != null) return new Html(plain, List.of());
    return renderSlow(markdown, rewrite);
  }

  /** {@link #render(String, java.util.function.UnaryOperator)} without the fast path: the reference for it. */
  static Html renderSlow(String markdown, java.util.function.UnaryOperator<String> rewrite) {
    if (markdown == null || markdown.isBlank()) return new Html("", List.of());
    Document clean = cleanSlow(markdown);
    List<String> links = new ArrayList<>();
    for (Element e : clean.select("a[href], img[src]")) {
      if (e.tagName().equals("img")) {
        if (addLocal(e.attr("src"), links)) e.attr("src", rewrite.apply(e.attr("src")));
        if (!e.hasAttr("alt")) e.attr("alt", "");
        e.attr("loading", "lazy");
        continue;
      }
      String href = e.attr("href");
      if (isExternal(href)) {
        e.attr("rel", "noopener noreferrer");
      } else if (addLocal(href, links)) {
        e.attr("href", rewrite.apply(href));
      }
    }
    for (Element table : clean.select("table")) {
      if (table.parent() == null || !table.parent().hasClass("table-wrap")) {
        table.wrap("<div class=\"table-wrap\" tabindex=\"0\"></div>");
      }
    }
    return new Html(clean.body().html(), List.copyOf(links));
  }

  /**
   * The sanitised document of {@code markdown} (not blank), before links are rewritten: what a reader would see,
   * for text extraction without writing and parsing the HTML again. The caller may modify it.
   */
  public static Document clean(String markdown) {
    String plain = PlainMarkdown.html(markdown);
    if (plain == null) return cleanSlow(markdown);
    // The fast path's HTML is already clean; parsing it gives the tree the cleaner would have built.
    Document doc = Jsoup.parseBodyFragment(plain, BASE_URI);
    doc.outputSettings().prettyPrint(false);
    return doc;
  }

  /**
   * The text of the blocks of {@code markdown} (paragraphs, headings, list items), one per line, each with its
   * whitespace collapsed as jsoup's {@code Element.text()} does: what {@code SearchDocs} takes from
   * {@link #clean(String)}, made without a tree for the plain Markdown most record bodies are. {@code null} for
   * other Markdown: take the text from {@link #clean(String)} then.
   */
  public static String plainText(String markdown) {
    return PlainMarkdown.text(markdown);
  }

  /** {@link #clean(String)} without the fast path: the reference for it. */
  static Document cleanSlow(String markdown) {
    String raw = RENDERER.render(PARSER.parse(markdown));
    Document dirty = Jsoup.parseBodyFragment(raw, BASE_URI);
    Document clean = new Cleaner(SAFE).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    return clean;
  }

  private static boolean isExternal(String href) {
    return href.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || href.startsWith("//");
  }

  private static boolean addLocal(String href, List<String> links) {
    if (href.isEmpty() || href.startsWith("#") || href.startsWith("/") || isExternal(href)) return false;
    int cut = href.indexOf('#');
    if (cut >= 0) href = href.substring(0, cut);
    cut = href.indexOf('?');
    if (cut >= 0) href = href.substring(0, cut);
    if (href.isEmpty()) return false;
    links.add(href);
    return true;
  }
}
