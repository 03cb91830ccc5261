package dev.gongkai.index;

import dev.gongkai.model.Attachment;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Incident;
import dev.gongkai.model.Page;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.render.Markdown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * The documents of a published site in index order: records grouped by catalogue item (in catalogue order), newest
 * first within an item, then datasets, then content pages and incidents. The order is the Lucene doc id order and
 * the tie-break of equal scores, in Java and in the browser alike.
 */
public final class SearchDocs {
  /** Characters of body text kept as the result summary. */
  public static final int SUMMARY = 120;
  /** Attachment formats whose text is read into the body (others contribute their file name only). */
  private static final Set<String> TEXT_FORMATS = Set.of("TXT", "MD", "CSV", "HTML", "HTM");

  private static final org.jsoup.select.Evaluator BLOCKS =
      org.jsoup.select.QueryParser.parse("p, li, h1, h2, h3, h4, h5, h6, td, th, pre");

  private SearchDocs() {}

  public static List<SearchDoc> of(PublishedSite site) {
    return of(site, RecordDocs.empty());
  }

  /** The documents, taking unchanged records' documents from {@code memo}. */
  public static List<SearchDoc> of(PublishedSite site, RecordDocs memo) {
    return keyed(site, memo).docs();
  }

  /**
   * Documents with their {@link RecordDocs} keys, what the build cache's {@link SearchState} keeps.
   *
   * @param keys per document, its key, or "" (datasets, pages)
   */
  public record Keyed(List<SearchDoc> docs, List<String> keys) {}

  /** The documents and their keys, taking unchanged records' documents from {@code memo}. */
  public static Keyed keyed(PublishedSite site, RecordDocs memo) {
    List<SearchDoc> docs = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    Map<String, CatalogueItem> items = new HashMap<>();
    for (CatalogueItem it : site.catalogue().items()) items.put(it.code(), it);
    List<DisclosureRecord> ordered = new ArrayList<>();
    for (Catalogue.Domain d : site.catalogue().domains()) {
      for (CatalogueItem it : d.items()) ordered.addAll(site.byItem().getOrDefault(it.code(), List.of()));
    }
    // Markdown to text is the costly part: on every core, order kept.
    List<RecordDocs.Keyed> made = java.util.stream.IntStream.range(0, ordered.size()).parallel().mapToObj(i -> {
      DisclosureRecord r = ordered.get(i);
      CatalogueItem it = items.get(r.itemCode());
      return memo.get(i, r, it, () -> record(r, it));
    }).toList();
    for (RecordDocs.Keyed k : made) {
      docs.add(k.doc());
      keys.add(k.key());
    }
    memo.noteAll(ordered, made);
    for (Dataset ds : site.datasets()) docs.add(dataset(ds, items.get(ds.itemCode())));
    for (Page p : site.pages()) {
      docs.add(page("p:" + p.urlPath(), p.title(), p.urlPath(), p.date(), text(p.markdown()), site.config().agency()));
    }
    for (Incident i : site.incidents()) {
      StringBuilder body = new StringBuilder(text(i.markdown()));
      for (Incident.Update u : i.updates()) body.append('\n').append(u.title()).append('\n').append(text(u.markdown()));
      docs.add(page("p:" + i.urlPath(), i.title(), i.urlPath(), i.date(), body.toString(), site.config().agency()));
    }
    while (keys.size() < docs.size()) keys.add("");
    return new Keyed(List.copyOf(docs), List.copyOf(keys));
  }

  private static SearchDoc record(DisclosureRecord r, CatalogueItem it) {
    StringBuilder body = new StringBuilder(text(r.markdown()));
    for (Attachment a : r.attachments()) {
      body.append('\n').append(a.fileName());
      if (TEXT_FORMATS.contains(a.format().toUpperCase(Locale.ROOT))) body.append('\n').append(readText(a));
    }
    String number = r.docNo().isBlank() ? r.indexNo() : r.docNo() + "\n" + r.indexNo();
    return new SearchDoc("r:" + r.indexNo(), "record", r.title(), number, body.toString(), r.url(),
        r.published().toString(), String.valueOf(r.published().getYear()), it.domainSlug(), it.code(), r.agency(),
        r.validity() == null ? "" : r.validity().label(), summary(body));
  }

  private static SearchDoc dataset(Dataset ds, CatalogueItem it) {
    StringBuilder body = new StringBuilder(ds.description());
    body.append('\n');
    for (Dataset.Column c : ds.columns()) body.append(c.label()).append(' ');
    for (List<String> row : ds.rows()) body.append('\n').append(String.join(" ", row));
    return new SearchDoc("d:" + ds.id(), "dataset", ds.title(), "", body.toString(), ds.url(),
        ds.published() == null ? "" : ds.published().toString(),
        ds.published() == null ? "" : String.valueOf(ds.published().getYear()),
        it == null ? "" : it.domainSlug(), it == null ? "" : it.code(), ds.agency(), "",
        summary(new StringBuilder(ds.description())));
  }

  private static SearchDoc page(String id, String title, String url, LocalDate date, String body, String agency) {
    return new SearchDoc(id, "page", title, "", body, url, date == null ? "" : date.toString(),
        date == null ? "" : String.valueOf(date.getYear()), "", "", agency, "", summary(new StringBuilder(body)));
  }

  /** Plain text of Markdown: what a reader sees, paragraphs on their own lines. */
  static String text(String markdown) {
    if (markdown == null || markdown.isBlank()) return "";
    // Plain Markdown (paragraphs, headings, numbered lists) without building a tree: at 100,000 record bodies, parsing
    // the fast path's HTML with jsoup was most of the time spent making the search documents.
    String plain = Markdown.plainText(markdown);
    return plain != null ? plain : textOf(Markdown.clean(markdown));
  }

  /**
   * The text of a cleaned document ({@link Markdown#clean}): its outermost blocks' text, one per line. What
   * {@link Markdown#plainText} must give for plain Markdown; its test compares the two.
   */
  public static String textOf(org.jsoup.nodes.Document doc) {
    StringBuilder b = new StringBuilder();
    for (var block : doc.body().select(BLOCKS)) {
      if (block.parents().stream().anyMatch(p -> p.is(BLOCKS))) continue; // its text is in the outer block
      if (b.length() > 0) b.append('\n');
      b.append(block.text());
    }
    if (b.length() == 0) b.append(doc.body().text());
    return b.toString();
  }

  private static String readText(Attachment a) {
    try {
      String s = new String(Files.readAllBytes(a.source()), StandardCharsets.UTF_8);
      return a.format().toUpperCase(Locale.ROOT).startsWith("HTM") ? Jsoup.parse(s).text() : s;
    } catch (IOException e) {
      return ""; // the renderer copies the same file and reports an unreadable one
    }
  }

  private static String summary(CharSequence body) {
    String flat = body.toString().replaceAll("\\s+", " ").trim();
    if (flat.codePointCount(0, flat.length()) <= SUMMARY) return flat;
    return flat.substring(0, flat.offsetByCodePoints(0, SUMMARY)) + "…";
  }
}
