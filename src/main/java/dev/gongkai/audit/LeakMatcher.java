package dev.gongkai.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aho–Corasick over normalised text ({@link LeakText}): finds every needle in one pass over a file, whatever the
 * number of needles. Immutable and thread-safe once built.
 *
 * <p>A needle that starts (ends) with an ASCII letter or digit matches only where the text has no letter or digit
 * just before (after) it, unless whitespace separated them: index number {@code 530100/2024-1} is not found inside
 * {@code 530100/2024-12}.
 */
final class LeakMatcher {
  /** Characters that occur in some needle: any other character sends the automaton back to the root. */
  private final boolean[] alphabet = new boolean[65536];
  /**
   * The root's transitions (0: stay at the root). States are numbered breadth first, so the root's children are
   * 1 … k, and k is below 65,536: no needle holds U+0000 (normalising removes controls).
   */
  private final char[] rootNext = new char[65536];
  /**
   * Other transitions, compactly (most states have one child): those of state s are {@code edgeChar[first[s] ..
   * first[s + 1])}, sorted, leading to {@code edgeNext[…]}.
   */
  private final int[] first;
  private final char[] edgeChar;
  private final int[] edgeNext;
  private final int[] fail;
  /** Needle ids ending at each state, including those of its fail chain (null: none). */
  private final int[][] output;
  private final int[] lengths;
  private final boolean[] boundedStart;
  private final boolean[] boundedEnd;

  /** @param needles normalised, non-empty; the id of a needle is its index in this list */
  LeakMatcher(List<String> needles) {
    // The trie: children per state as char → state (state 0 is the root).
    List<TreeMap<Character, Integer>> trie = new ArrayList<>();
    List<List<Integer>> own = new ArrayList<>();
    trie.add(new TreeMap<>());
    own.add(new ArrayList<>());
    lengths = new int[needles.size()];
    boundedStart = new boolean[needles.size()];
    boundedEnd = new boolean[needles.size()];
    for (int id = 0; id < needles.size(); id++) {
      String n = needles.get(id);
      if (n.isEmpty()) throw new IllegalArgumentException("empty needle");
      lengths[id] = n.length();
      boundedStart[id] = isAlnum(n.charAt(0));
      boundedEnd[id] = isAlnum(n.charAt(n.length() - 1));
      int s = 0;
      for (int i = 0; i < n.length(); i++) {
        char c = n.charAt(i);
        alphabet[c] = true;
        Integer t = trie.get(s).get(c);
        if (t == null) {
          t = trie.size();
          trie.add(new TreeMap<>());
          own.add(new ArrayList<>());
          trie.get(s).put(c, t);
        }
        s = t;
      }
      own.get(s).add(id);
    }
    renumberBreadthFirst(trie, own);
    int states = trie.size();
    first = new int[states + 1];
    int edges = 0;
    for (int st = 1; st < states; st++) edges += trie.get(st).size();
    edgeChar = new char[edges];
    edgeNext = new int[edges];
    int e = 0;
    for (int st = 0; st < states; st++) {
      first[st] = e;
      if (st == 0) {
        for (Map.Entry<Character, Integer> x : trie.get(0).entrySet()) rootNext[x.getKey()] = (char) (int) x.getValue();
        continue;
      }
      for (Map.Entry<Character, Integer> x : trie.get(st).entrySet()) {
        edgeChar[e] = x.getKey();
        edgeNext[e++] = x.getValue();
      }
    }
    first[states] = e;

    // Fail links and outputs, breadth first.
    fail = new int[states];
    output = new int[states][];
    ArrayDeque<Integer> queue = new ArrayDeque<>(trie.get(0).values());
    while (!queue.isEmpty()) {
      int s = queue.poll();
      List<Integer> out = new ArrayList<>(own.get(s));
      if (output[fail[s]] != null) for (int id : output[fail[s]]) out.add(id);
      output[s] = out.isEmpty() ? null : out.stream().mapToInt(Integer::intValue).distinct().toArray();
      for (Map.Entry<Character, Integer> x : trie.get(s).entrySet()) {
        char c = x.getKey();
        int t = x.getValue();
        if (s != 0) {
          int f = fail[s];
          int g;
          while ((g = next(f, c)) == 0 && f != 0) f = fail[f];
          fail[t] = g;
        }
        queue.add(t);
      }
    }
  }

  /** Renumbers the states of {@code trie} (and their needles in {@code own}) in breadth-first order, in place. */
  private static void renumberBreadthFirst(List<TreeMap<Character, Integer>> trie, List<List<Integer>> own) {
    int n = trie.size();
    int[] order = new int[n]; // new id → old id
    int[] newId = new int[n];
    int head = 0;
    int tail = 1;
    while (head < tail) {
      for (int child : trie.get(order[head++]).values()) {
        newId[child] = tail;
        order[tail++] = child;
      }
    }
    List<TreeMap<Character, Integer>> trie2 = new ArrayList<>(n);
    List<List<Integer>> own2 = new ArrayList<>(n);
    for (int old : order) {
      TreeMap<Character, Integer> children = new TreeMap<>();
      for (Map.Entry<Character, Integer> x : trie.get(old).entrySet()) children.put(x.getKey(), newId[x.getValue()]);
      trie2.add(children);
      own2.add(own.get(old));
    }
    trie.clear();
    trie.addAll(trie2);
    own.clear();
    own.addAll(own2);
  }

  /** The transition from {@code s} on {@code c}, or 0 when there is none. */
  private int next(int s, char c) {
    if (s == 0) return rootNext[c];
    int lo = first[s];
    int hi = first[s + 1];
    if (hi - lo <= 8) {
      for (int k = lo; k < hi; k++) {
        char x = edgeChar[k];
        if (x == c) return edgeNext[k];
        if (x > c) return 0;
      }
      return 0;
    }
    hi--;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char x = edgeChar[mid];
      if (x < c) lo = mid + 1;
      else if (x > c) hi = mid - 1;
      else return edgeNext[mid];
    }
    return 0;
  }

  private static boolean isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
  }

  /** Adds to {@code found} the id of every needle occurring in {@code text[0, length)}. */
  void find(char[] text, int length, long[] gaps, BitSet found) {
    find(text, length, gaps, found, null);
  }

  /** As {@link #find(char[], int, long[], BitSet)}, telling {@code added} (if not null) each id it adds. */
  void find(char[] text, int length, long[] gaps, BitSet found, java.util.function.IntConsumer added) {
    int s = 0;
    for (int i = 0; i < length; i++) {
      char c = text[i];
      if (s == 0) { // most characters: one look-up (a character in no needle has no transition either)
        s = rootNext[c];
        if (s == 0) continue;
      } else if (!alphabet[c]) {
        s = 0;
        continue;
      } else {
        int t;
        while ((t = next(s, c)) == 0 && s != 0) s = fail[s];
        s = t;
      }
      int[] out = output[s];
      if (out == null) continue;
      for (int id : out) {
        if (found.get(id)) continue;
        if (boundedStart[id]) {
          int start = i - lengths[id] + 1;
          if (start > 0 && isAlnum(text[start - 1]) && !LeakText.Views.gapBefore(gaps, start)) continue;
        }
        if (boundedEnd[id]) {
          if (i + 1 < length && isAlnum(text[i + 1]) && !LeakText.Views.gapBefore(gaps, i + 1)) continue;
        }
        found.set(id);
        if (added != null) added.accept(id);
      }
    }
  }

  /** Convenience for short texts: the ids of the needles in {@code s} (normalised here). */
  BitSet find(String s) {
    BitSet found = new BitSet();
    find(s, found);
    return found;
  }

  /** Adds to {@code found} the ids of the needles in {@code s} (normalised here); ids already in it are not sought. */
  void find(String s, BitSet found) {
    find(s, found, null);
  }

  /** As {@link #find(String, BitSet)}, telling {@code added} (if not null) each id it adds. */
  void find(String s, BitSet found, java.util.function.IntConsumer added) {
    LeakText.Views v = LeakText.viewsReusing(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
    find(v.all(), v.allLength(), v.allGaps(), found, added);
    if (v.text() != v.all()) find(v.text(), v.textLength(), v.textGaps(), found, added);
  }

  /** The matchers made last, oldest first: needles → matcher. */
  private static final java.util.LinkedHashMap<List<String>, LeakMatcher> RECENT = new java.util.LinkedHashMap<>();
  /**
   * How many matchers {@link #of} keeps: an audit plan makes two, one for the candidate needles (matched against
   * the published texts that changed) and one for the distinctive needles (matched against the output).
   */
  private static final int KEPT = 2;

  /**
   * A matcher for {@code needles}: one made before when the needles are the same (an incremental build in the same
   * process, {@code gongkai serve}, plans with the same needles), else a new one. The last {@value #KEPT} are kept.
   */
  static LeakMatcher of(List<String> needles) {
    synchronized (RECENT) {
      LeakMatcher m = RECENT.remove(needles);
      if (m == null) {
        m = new LeakMatcher(needles);
        if (RECENT.size() >= KEPT) RECENT.remove(RECENT.keySet().iterator().next());
      }
      RECENT.put(List.copyOf(needles), m);
      return m;
    }
  }
}
