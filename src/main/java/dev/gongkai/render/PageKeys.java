package dev.gongkai.render;

import dev.gongkai.model.DisclosureRecord;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page keys (see {@link ViewDigest}) one build computed, with what each key was computed from, so that the next
 * build of the same site in the same process ({@code gongkai serve}) takes the key of a page whose inputs are the
 * same instead of digesting them again. At 100,000 records that digesting was most of what a one-record edit spent
 * rendering: every record page digests its record and its related records, every list page its records.
 *
 * <p>Two kinds of page are remembered:
 *
 * <ul>
 *   <li>record pages, by record instance, with their {@link Inputs}: a record whose page shows the same instances as
 *       last build is not even given its page's values;
 *   <li>the other pages, by path, with their values: a page whose values are the same (model records as the same
 *       instances, see {@link ViewDigest#alike}) takes its key.
 * </ul>
 *
 * <p>What callers must know: a key taken from here is the key {@link ViewDigest} would compute, because a page's key
 * is a function of its values and the whole-build digests, and model records are immutable. Whether the page is then
 * kept is still decided by the page memo, as for any other key. One instance per build, filled by the render threads,
 * then handed to the next build's constructor; it holds the last build's values until then.
 */
public final class PageKeys {
  /**
   * What a record page shows besides its record.
   *
   * @param context digest of the whole-page values (templates, globals, and the site or open data when the record
   *     template reads them) and of the record's catalogue item and domain
   * @param interpretation the 解读 the page links to, or null
   * @param original the 原文 the page links to, or null
   * @param related the records listed as related (compared by identity)
   * @param history the record's changes in the release history (compared by value)
   */
  public record Inputs(byte[] context, DisclosureRecord interpretation, DisclosureRecord original,
      List<DisclosureRecord> related, List<Views.Change> history) {
    boolean sameAs(Inputs o) {
      if (interpretation != o.interpretation || original != o.original || related.size() != o.related.size()) {
        return false;
      }
      for (int i = 0; i < related.size(); i++) if (related.get(i) != o.related.get(i)) return false;
      return Arrays.equals(context, o.context) && history.equals(o.history);
    }
  }

  /** What the previous build noted of a record's page: its inputs, its key and its path (the string it used). */
  record Known(Inputs inputs, byte[] key, String path) {}

  /** A page's values: the whole-build digests it depends on, its template and its own values (sorted by name). */
  private record KnownPage(byte[] context, String template, Map<String, Object> own, byte[] key) {}

  /** The previous build's records, in its order, and what it noted of each one's page (null: nothing); read-only. */
  private final List<DisclosureRecord> previousList;
  private final Known[] previousKnown;
  private final List<DisclosureRecord> records;
  private final Known[] nextRecords;
  /** The previous build's other page keys by path; read-only. */
  private final Map<String, KnownPage> previousPages;
  private final Map<String, KnownPage> nextPages;

  /**
   * Keys for a build of {@code records} (the site's records, in the order the renderer goes through them), taking
   * over what {@code before} (the previous build's, or null) noted.
   */
  public PageKeys(List<DisclosureRecord> records, PageKeys before) {
    this.records = List.copyOf(records);
    this.nextRecords = new Known[this.records.size()];
    if (before == null) {
      this.previousList = List.of();
      this.previousKnown = new Known[0];
      this.previousPages = Map.of();
    } else {
      this.previousList = before.records;
      this.previousKnown = before.nextRecords;
      this.previousPages = before.nextPages;
    }
    this.nextPages = new ConcurrentHashMap<>(Math.max(16, previousPages.size() + previousPages.size() / 3));
  }

  /**
   * What the previous build noted of the page of {@code r} (that instance), or null. {@code position} is where
   * {@code r} is in this build's records: after a one-record edit nearly every record is the same instance at the same
   * place. One that moved (records added, removed or re-dated before it) is searched for in the previous build's
   * records, which are newest first as the site gives them ({@link DisclosureRecord#NEWEST_FIRST}); in a list not in
   * that order a moved record may not be found, and its page is then keyed afresh, never wrongly.
   */
  Known known(int position, DisclosureRecord r) {
    if (position >= 0 && position < previousList.size() && previousList.get(position) == r) {
      return previousKnown[position];
    }
    int at = java.util.Collections.binarySearch(previousList, r, DisclosureRecord.NEWEST_FIRST);
    return at >= 0 && previousList.get(at) == r ? previousKnown[at] : null;
  }

  /** {@link #known(int, DisclosureRecord)} without a position: searched for. */
  Known known(DisclosureRecord r) {
    return known(-1, r);
  }

  /**
   * The key the previous build computed for a record's page ({@code known}, may be null) from the same inputs, or
   * null: the rule {@link #sameInputs} applies without making the inputs (the renderer asks that one).
   */
  static byte[] recordKey(Known known, Inputs inputs) {
    return known != null && known.inputs().sameAs(inputs) ? known.key() : null;
  }

  /**
   * Whether {@code known} (not null) was noted for the same inputs as these, the related records being the first
   * {@code max} of {@code itemRecords} other than {@code record}: {@link Inputs#sameAs} without making the inputs (at
   * 100,000 records, a serve edit made a million objects that way, each kept until the next edit).
   */
  static boolean sameInputs(Known known, byte[] context, DisclosureRecord interpretation, DisclosureRecord original,
      List<DisclosureRecord> itemRecords, DisclosureRecord record, int max, List<Views.Change> history) {
    Inputs in = known.inputs();
    if (in.interpretation() != interpretation || in.original() != original) return false;
    List<DisclosureRecord> related = in.related();
    int n = 0;
    for (int i = 0; i < itemRecords.size() && n < max; i++) {
      DisclosureRecord x = itemRecords.get(i);
      if (x == record) continue;
      if (n >= related.size() || related.get(n) != x) return false;
      n++;
    }
    return n == related.size() && Arrays.equals(in.context(), context) && in.history().equals(history);
  }

  /** Notes for the record at {@code position} what the previous build noted ({@code known}): its inputs are the same. */
  void noteSame(int position, Known known) {
    nextRecords[position] = known;
  }

  /**
   * Notes the key and path of the record page of the record at {@code position} (in the list given to the
   * constructor).
   */
  void noteRecord(int position, Inputs inputs, byte[] key, String path) {
    nextRecords[position] = new Known(inputs, key, path);
  }

  /**
   * The key the previous build computed for the page at {@code path} from the same values, or null.
   *
   * @param context digest of the whole-build values the page depends on
   * @param own the page's own values, in a sorted map
   */
  byte[] pageKey(String path, byte[] context, String template, Map<String, Object> own) {
    KnownPage k = previousPages.get(path);
    if (k == null || !k.template().equals(template) || !Arrays.equals(k.context(), context)
        || k.own().size() != own.size()) {
      return null;
    }
    Iterator<Map.Entry<String, Object>> a = k.own().entrySet().iterator();
    for (Map.Entry<String, Object> e : own.entrySet()) {
      Map.Entry<String, Object> was = a.next();
      if (!was.getKey().equals(e.getKey()) || !ViewDigest.alike(was.getValue(), e.getValue())) return null;
    }
    return k.key();
  }

  /** Notes the key of the page at {@code path} and what it was computed from ({@code own} is not copied). */
  void notePage(String path, byte[] context, String template, Map<String, Object> own, byte[] key) {
    nextPages.put(path, new KnownPage(context, template, own, key));
  }
}
