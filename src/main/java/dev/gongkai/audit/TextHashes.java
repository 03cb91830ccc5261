package dev.gongkai.audit;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The hashes of the last build's published texts, by the instance each was taken from ({@link PublicText#source()}),
 * carried between the builds of one {@code gongkai serve} session: a record or dataset row that is the last build's
 * instance has the text it had, so its hash is taken instead of computed again. At 100,000 records, hashing every
 * published text (about 100 million characters) kept a core busy for a tenth of a second or more in every edit.
 *
 * <p>What callers must know: one instance serves the builds of one session. It holds the last
 * build's sources (records the model held anyway) until the next build replaces them.
 */
public final class TextHashes {
  private Map<Object, NeedleMemo.Hash> last = new IdentityHashMap<>();

  /** Hashes as this holds them, which the builds given the copy replace without changing this one. */
  public synchronized TextHashes copy() {
    TextHashes c = new TextHashes();
    c.last = last; // replaced whole by each build, never changed
    return c;
  }

  /**
   * The hash of each text, in order; remembers them, by source, for the next build. Synchronized: a build that failed
   * may leave its audit plan running while the next build's starts.
   */
  synchronized List<NeedleMemo.Hash> of(List<PublicText> texts) {
    Map<Object, NeedleMemo.Hash> before = last; // read only below, from every core
    NeedleMemo.Hash[] hashes = new NeedleMemo.Hash[texts.size()];
    IntStream.range(0, hashes.length).parallel().forEach(i -> {
      PublicText t = texts.get(i);
      NeedleMemo.Hash h = before.get(t.source());
      hashes[i] = h != null ? h : t.hash();
    });
    Map<Object, NeedleMemo.Hash> now = new IdentityHashMap<>(hashes.length);
    for (int i = 0; i < hashes.length; i++) now.put(texts.get(i).source(), hashes[i]);
    last = now;
    return List.of(hashes);
  }

  /** The hash of each text, computed. */
  static List<NeedleMemo.Hash> computed(List<PublicText> texts) {
    return texts.parallelStream().map(PublicText::hash).toList();
  }
}
