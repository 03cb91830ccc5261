package dev.gongkai.audit;

import dev.gongkai.diag.Bi;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.render.Markdown;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * What identifies a withheld record in the output: the strings the leak audit searches for.
 *
 * <ul>
 *   <li>the title, when it has at least {@value #MIN_TITLE} characters: shorter titles ({@code 会议纪要}) are too
 *       generic to prove anything and would match innocent text;
 *   <li>the index number (索引号) and its URL slug ({@link DisclosureRecord#slugOf}), always;
 *   <li>the 文号, when present and at least {@value #MIN_DOC_NO} characters;
 *   <li>distinctive body text: the first {@value #BODY_PER_RECORD} sentences of the rendered Markdown body (split at
 *       。！？； and at block ends) with at least {@value #MIN_SENTENCE} characters (whitespace not counted).
 * </ul>
 *
 * Lengths are counted after normalisation ({@link LeakText}). A needle that also occurs in what the gate publishes
 * (the text of 主动公开 records and datasets) is dropped as not distinctive: a withheld record titled like a published
 * one, or a boilerplate sentence every notice has, is no evidence of a leak; the next body sentence takes its place.
 */
final class LeakNeedles {
  private LeakNeedles() {}

  static final int MIN_TITLE = 6;
  static final int MIN_DOC_NO = 6;
  static final int MIN_SENTENCE = 12;
  static final int BODY_PER_RECORD = 3;
  /** Body sentences considered per record before the distinctiveness filter. */
  static final int BODY_CANDIDATES = 10;

  /** What part of the record a needle is. */
  enum Kind {
    TITLE("标题", "title"),
    INDEX_NO("索引号", "index number"),
    SLUG("索引号（网址形式）", "index number (URL form)"),
    DOC_NO("文号", "document number"),
    BODY("正文", "body text"),
    ATTACHMENT("附件", "attachment");

    final Bi label;

    Kind(String zh, String en) {
      this.label = Bi.of(zh, en);
    }
  }

  /**
   * One thing to look for.
   *
   * @param text as the record has it (shown in the diagnostic)
   * @param normalized the {@link LeakText} normal form that is searched for
   */
  record Needle(DisclosureRecord record, Kind kind, String text, String normalized) {}

  private static final Evaluator BLOCKS =
      QueryParser.parse("p, li, h1, h2, h3, h4, h5, h6, td, th, pre, dt, dd, figcaption");
  private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?；;\\n\\r]+");

  /** Every candidate needle of the records, body candidates in order (up to {@value #BODY_CANDIDATES} each). */
  static List<Needle> candidates(List<DisclosureRecord> withheld) {
    return withheld.parallelStream().flatMap(r -> candidates(r).stream()).toList();
  }

  static List<Needle> candidates(DisclosureRecord r) {
    List<Needle> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String title = r.title() == null ? "" : r.title().strip();
    String nt = LeakText.normalize(title);
    if (length(nt) >= MIN_TITLE && seen.add(nt)) out.add(new Needle(r, Kind.TITLE, title, nt));
    String ni = LeakText.normalize(r.indexNo());
    if (!ni.isEmpty() && seen.add(ni)) out.add(new Needle(r, Kind.INDEX_NO, r.indexNo(), ni));
    String slug = DisclosureRecord.slugOf(r.indexNo());
    String ns = LeakText.normalize(slug);
    if (!ns.isEmpty() && seen.add(ns)) out.add(new Needle(r, Kind.SLUG, slug, ns));
    String docNo = r.docNo() == null ? "" : r.docNo().strip();
    String nd = LeakText.normalize(docNo);
    if (length(nd) >= MIN_DOC_NO && seen.add(nd)) out.add(new Needle(r, Kind.DOC_NO, docNo, nd));
    int body = 0;
    for (String s : sentences(r.markdown())) {
      if (body >= BODY_CANDIDATES) break;
      String n = LeakText.normalize(s);
      if (length(n) < MIN_SENTENCE || !seen.add(n)) continue;
      out.add(new Needle(r, Kind.BODY, s, n));
      body++;
    }
    return out;
  }

  /**
   * The candidates that do not occur in any of {@code publicTexts}, at most {@value #BODY_PER_RECORD} body needles
   * per record.
   */
  static List<Needle> distinctive(List<Needle> candidates, List<String> publicTexts) {
    BitSet common = new BitSet();
    if (!candidates.isEmpty() && !publicTexts.isEmpty()) {
      LeakMatcher m = new LeakMatcher(candidates.stream().map(Needle::normalized).toList());
      // One set per worker, filled in place (a set per text, merged by copies, cost more than the matching).
      common = publicTexts.parallelStream().collect(BitSet::new, (found, text) -> m.find(text, found), BitSet::or);
    }
    List<Needle> kept = new ArrayList<>();
    java.util.IdentityHashMap<DisclosureRecord, Integer> bodies = new java.util.IdentityHashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (common.get(i)) continue;
      Needle n = candidates.get(i);
      if (n.kind() == Kind.BODY) {
        int k = bodies.merge(n.record(), 1, Integer::sum);
        if (k > BODY_PER_RECORD) continue;
      }
      kept.add(n);
    }
    return kept;
  }

  /** The sentences of a Markdown body as a reader sees it, in order. */
  static List<String> sentences(String markdown) {
    List<String> out = new ArrayList<>();
    if (markdown == null || markdown.isBlank()) return out;
    Document doc = Jsoup.parseBodyFragment(Markdown.render(markdown).html());
    List<String> blocks = new ArrayList<>();
    for (Element block : doc.body().select(BLOCKS)) {
      if (block.parents().stream().anyMatch(p -> p.is(BLOCKS))) continue; // its text is in the outer block
      blocks.add(block.text());
    }
    if (blocks.isEmpty()) blocks.add(doc.body().text());
    for (String b : blocks) {
      for (String s : SENTENCE_END.split(b)) {
        String t = s.strip();
        if (!t.isEmpty()) out.add(t);
      }
    }
    return out;
  }

  private static int length(String normalized) {
    return normalized.codePointCount(0, normalized.length());
  }
}
