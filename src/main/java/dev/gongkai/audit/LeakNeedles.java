package dev.gongkai.audit;

import dev.gongkai.diag.Bi;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.render.Markdown;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
    return candidates(withheld, Map.of()).needles();
  }

  /**
   * The candidate needles of the records, and the body sentences they were taken from by the {@link NeedleMemo.Hash}
   * of each body's Markdown (what the next build's {@code known} is).
   */
  record Candidates(List<Needle> needles, Map<NeedleMemo.Hash, List<String>> sentences) {}

  /**
   * As {@link #candidates(List)}, taking the sentences of a body whose Markdown hashes as a key of {@code known} from
   * there instead of rendering it. The result is the same either way.
   */
  static Candidates candidates(List<DisclosureRecord> withheld, Map<NeedleMemo.Hash, List<String>> known) {
    Map<NeedleMemo.Hash, List<String>> used = new java.util.concurrent.ConcurrentHashMap<>();
    List<Needle> needles = withheld.parallelStream().flatMap(r -> {
      List<String> body = List.of();
      if (r.markdown() != null && !r.markdown().isBlank()) {
        NeedleMemo.Hash h = NeedleMemo.Hash.of(r.markdown());
        body = known.get(h);
        if (body == null) body = leading(sentences(r.markdown()));
        used.put(h, body);
      }
      return candidates(r, body).stream();
    }).toList();
    return new Candidates(needles, used);
  }

  static List<Needle> candidates(DisclosureRecord r) {
    return candidates(r, leading(sentences(r.markdown())));
  }

  /**
   * The first sentences of a body, as many as {@link #candidates(DisclosureRecord, List)} can take needles from: up to
   * the point where {@value #BODY_CANDIDATES} + 4 distinct long-enough sentences have been seen. At most 4 of them can
   * be set aside there as repeating the title, index number, its URL form or the 文号, so at least
   * {@value #BODY_CANDIDATES} are taken before the list ends, as from the whole body.
   */
  static List<String> leading(List<String> sentences) {
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < sentences.size(); i++) {
      String n = LeakText.normalize(sentences.get(i));
      if (length(n) >= MIN_SENTENCE && distinct.add(n) && distinct.size() == BODY_CANDIDATES + 4) {
        return List.copyOf(sentences.subList(0, i + 1));
      }
    }
    return List.copyOf(sentences);
  }

  /** The candidates of one record whose body begins with {@code bodySentences}. */
  static List<Needle> candidates(DisclosureRecord r, List<String> bodySentences) {
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
    for (String s : bodySentences) {
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
    return distinctive(candidates, publicTexts, NeedleMemo.empty()).needles();
  }

  /** Distinctive needles, and what the next build may take from this one ({@link NeedleMemo}). */
  record Distinct(List<Needle> needles, NeedleMemo memo) {}

  /** As {@link #distinctive(List, List, NeedleMemo)}, the next memo keeping the candidates' body sentences too. */
  static Distinct distinctive(Candidates candidates, List<PublicText> publicTexts, NeedleMemo memo) {
    return distinctive(candidates, publicTexts, memo, null);
  }

  /** As {@link #distinctive(Candidates, List, NeedleMemo)}, with the texts' hashes carried by {@code carry} if given. */
  static Distinct distinctive(Candidates candidates, List<PublicText> publicTexts, NeedleMemo memo,
      TextHashes carry) {
    Distinct d = distinctiveTexts(candidates.needles(), publicTexts, memo, carry);
    return new Distinct(d.needles(), d.memo().withSentences(candidates.sentences()));
  }

  /**
   * As {@link #distinctive(List, List)}; with a {@code memo} of the same candidates, only the texts it has not seen
   * are matched against every candidate, and every text only against the candidates whose witness text is gone.
   */
  static Distinct distinctive(List<Needle> candidates, List<String> publicTexts, NeedleMemo memo) {
    return distinctiveTexts(candidates, publicTexts.stream().map(PublicText::of).toList(), memo, null);
  }

  /**
   * As {@link #distinctive(List, List, NeedleMemo)}, of texts given as lines; their hashes are taken from
   * {@code carry} when given (null: computed).
   */
  static Distinct distinctiveTexts(List<Needle> candidates, List<PublicText> publicTexts, NeedleMemo memo,
      TextHashes carry) {
    BitSet common = new BitSet();
    NeedleMemo next = NeedleMemo.empty();
    if (!candidates.isEmpty() && !publicTexts.isEmpty()) {
      List<String> normal = candidates.stream().map(Needle::normalized).toList();
      byte[] key = NeedleMemo.digest(normal);
      List<NeedleMemo.Hash> hashes = carry != null ? carry.of(publicTexts) : TextHashes.computed(publicTexts);
      Set<NeedleMemo.Hash> now = new HashSet<>(hashes);
      Map<Integer, NeedleMemo.Hash> witnesses = new HashMap<>();
      List<Integer> every = IntStream.range(0, publicTexts.size()).boxed().toList();
      if (memo.isFor(key)) {
        List<Integer> lost = new ArrayList<>();
        memo.witnesses().forEach((id, h) -> {
          if (now.contains(h)) {
            common.set(id);
            witnesses.put(id, h);
          } else {
            lost.add(id);
          }
        });
        List<Integer> unseen = every.stream().filter(i -> !memo.texts().contains(hashes.get(i))).toList();
        if (!unseen.isEmpty()) {
          match(normal, IntStream.range(0, normal.size()).boxed().toList(), publicTexts, unseen,
              hashes, common, witnesses);
        }
        List<Integer> recheck = lost.stream().filter(id -> !common.get(id)).sorted().toList();
        if (!recheck.isEmpty()) match(normal, recheck, publicTexts, every, hashes, common, witnesses);
      } else {
        match(normal, IntStream.range(0, normal.size()).boxed().toList(), publicTexts, every,
            hashes, common, witnesses);
      }
      next = NeedleMemo.of(key, now, witnesses);
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
    return new Distinct(List.copyOf(kept), next);
  }

  /**
   * Matches the texts at {@code textIds} against the candidates {@code ids} (of {@code normal}); each candidate found
   * is added to {@code common} with, as its witness, a text that has it (which one depends on how the work was split:
   * any will do).
   */
  private static void match(List<String> normal, List<Integer> ids, List<PublicText> texts, List<Integer> textIds,
      List<NeedleMemo.Hash> hashes, BitSet common, Map<Integer, NeedleMemo.Hash> witnesses) {
    LeakMatcher m = LeakMatcher.of(ids.stream().map(normal::get).toList());
    // One accumulator per worker, filled in place; a candidate found once is not sought again by that worker.
    Witnesses w = textIds.parallelStream().collect(() -> new Witnesses(ids.size()),
        (acc, i) -> acc.match(m, texts.get(i).text(), i), Witnesses::merge);
    for (int local = w.found.nextSetBit(0); local >= 0; local = w.found.nextSetBit(local + 1)) {
      int id = ids.get(local);
      if (common.get(id)) continue;
      common.set(id);
      witnesses.put(id, hashes.get(w.text[local]));
    }
  }

  /** The candidates found so far and, for each, the index of a text it was found in. */
  private static final class Witnesses {
    final BitSet found = new BitSet();
    final int[] text;

    Witnesses(int candidates) {
      text = new int[candidates];
    }

    void match(LeakMatcher m, String s, int index) {
      m.find(s, found, id -> text[id] = index);
    }

    void merge(Witnesses o) {
      for (int id = o.found.nextSetBit(0); id >= 0; id = o.found.nextSetBit(id + 1)) {
        if (!found.get(id)) {
          found.set(id);
          text[id] = o.text[id];
        }
      }
    }
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
