package dev.gongkai.validate;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.FileStamp;
import dev.gongkai.load.InputLoader;
import dev.gongkai.model.DisclosureRecord;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checked rows of each record file, kept in memory between the builds of one {@code gongkai serve} session so
 * that a file whose {@link FileStamp} and context (see {@link InputLoader#load(dev.gongkai.load.SourceTree,
 * Diagnostics, InputLoader.Known)}) are unchanged is neither read nor checked again. At 100,000 records, reading and
 * checking every file took about 2 s of each one-record edit.
 *
 * <p>What callers must know: a memo belongs to one source folder and one build at a time (builds of a serve session
 * never overlap). It holds the rows' records and their text, which the site model holds anyway; files no longer
 * present are forgotten by each build. Thread-safe for the files of one build, checked on every core.
 */
public final class RowsMemo implements InputLoader.Known {
  /**
   * One file's rows, what reading it and what checking its rows reported (null: nothing), and the content files its
   * rows referenced.
   */
  record Entry(FileStamp stamp, byte[] context, List<RecordRows.Checked> rows, Diagnostics read, Diagnostics checked,
      Set<Path> referenced) {
    Entry {
      rows = List.copyOf(rows);
      referenced = Set.copyOf(referenced);
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public boolean has(String rel, FileStamp stamp, byte[] context) {
    Entry e = entries.get(rel);
    return e != null && e.stamp().equals(stamp) && Arrays.equals(e.context(), context);
  }

  /** The last build's records (before 解读/原文 links were filled in) in index number order; empty before one. */
  private volatile List<DisclosureRecord> lastSorted = List.of();
  /** The records the last build gave {@link #sorted}, in the order given. */
  private volatile List<DisclosureRecord> lastGiven = List.of();
  /** At most this many records in other places than last build's are placed one by one ({@link #fromLast}). */
  static final int FEW = 256;
  /** Builds whose order {@link #fromLast} made (for tests). */
  int sortedFromLast;

  /** A memo holding what this one holds, which the builds given it change without changing this one. */
  public RowsMemo copy() {
    RowsMemo c = new RowsMemo();
    c.entries.putAll(entries);
    c.lastSorted = lastSorted;
    c.lastGiven = lastGiven;
    return c;
  }

  /**
   * Per record file held (by source-relative path, sorted), the titles of its first records (at most {@code max})
   * that are 主动公开, in file order.
   */
  public java.util.SortedMap<String, List<String>> publishedTitles(int max) {
    java.util.SortedMap<String, List<String>> out = new java.util.TreeMap<>();
    entries.forEach((rel, e) -> {
      List<String> titles = e.rows().stream().map(RecordRows.Checked::record)
          .filter(r -> r != null && r.disclosure() == dev.gongkai.model.Disclosure.ACTIVE && !r.title().isBlank())
          .map(DisclosureRecord::title).limit(max).toList();
      if (!titles.isEmpty()) out.put(rel, titles);
    });
    return out;
  }

  /**
   * {@code records} in {@code order}, which must be a total order of the records (no two equal): the last build's
   * instances are taken in the order it sorted them, and only the others are sorted and put in their places. Sorting
   * 100,000 records by index number took a few tenths of a second of each one-record edit; most are the same
   * instances as last build. Remembers the result for the next build.
   */
  List<DisclosureRecord> sorted(List<DisclosureRecord> records, java.util.Comparator<DisclosureRecord> order) {
    List<DisclosureRecord> out = fromLast(records, order);
    if (out == null) out = merged(records, order);
    else sortedFromLast++;
    lastSorted = List.copyOf(out);
    lastGiven = List.copyOf(records);
    return out;
  }

  /**
   * The sorted records when {@code records} is the last build's list with other instances at a few places (an edited
   * file read again, the others the same instances in the same places), else null: the last build's sorted list
   * without the instances replaced, and the new ones put in their places. This compares the two lists place by place
   * instead of putting 100,000 records into identity sets (a tenth of a second of each one-record edit).
   */
  private List<DisclosureRecord> fromLast(List<DisclosureRecord> records,
      java.util.Comparator<DisclosureRecord> order) {
    List<DisclosureRecord> given = lastGiven;
    List<DisclosureRecord> was = lastSorted;
    if (given.isEmpty() || given.size() != records.size() || was.size() != given.size()) return null;
    List<DisclosureRecord> gone = new java.util.ArrayList<>();
    List<DisclosureRecord> added = new java.util.ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (given.get(i) == records.get(i)) continue;
      if (gone.size() == FEW) return null;
      gone.add(given.get(i));
      added.add(records.get(i));
    }
    // An instance both gone from one place and added at another (rows moved) is taken out and put back.
    java.util.BitSet drop = new java.util.BitSet(was.size());
    for (DisclosureRecord r : gone) {
      int at = java.util.Collections.binarySearch(was, r, order);
      if (at < 0 || was.get(at) != r) return null; // not a total order after all: sorted the long way
      drop.set(at);
    }
    List<DisclosureRecord> out = new java.util.ArrayList<>(records.size());
    for (int i = drop.nextClearBit(0); i < was.size(); i = drop.nextClearBit(i + 1)) out.add(was.get(i));
    return insert(out, added, order);
  }

  /** The last build's instances in the order it sorted them, the others sorted and put in their places. */
  private List<DisclosureRecord> merged(List<DisclosureRecord> records, java.util.Comparator<DisclosureRecord> order) {
    Set<DisclosureRecord> now = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(records.size()));
    now.addAll(records);
    List<DisclosureRecord> out = new java.util.ArrayList<>(records.size());
    Set<DisclosureRecord> had = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(lastSorted.size()));
    for (DisclosureRecord r : lastSorted) {
      had.add(r);
      if (now.contains(r)) out.add(r);
    }
    List<DisclosureRecord> added = new java.util.ArrayList<>();
    for (DisclosureRecord r : records) if (!had.contains(r)) added.add(r);
    if (added.size() > out.size() / 8) {
      out = new java.util.ArrayList<>(records);
      out.sort(order);
      return out;
    }
    return insert(out, added, order);
  }

  /** {@code sorted} with {@code added} put in their places (both in {@code order} afterwards). */
  private static List<DisclosureRecord> insert(List<DisclosureRecord> sorted, List<DisclosureRecord> added,
      java.util.Comparator<DisclosureRecord> order) {
    added.sort(order);
    for (DisclosureRecord r : added) {
      int at = java.util.Collections.binarySearch(sorted, r, order);
      sorted.add(at < 0 ? -at - 1 : at, r);
    }
    return sorted;
  }

  /**
   * {@code rows}, just checked from the file at {@code rel} again, each record equal to the one the memo's rows of
   * that file gave for its index number replaced by that instance. An edited file is read again whole: without this,
   * every record of it would be a new instance, and every page listing one of them (at 100,000 records, nearly every
   * browse page: a file's records span every year and agency) would be digested again. Equal records are
   * interchangeable: everything derived from a record depends on its values only.
   */
  List<RecordRows.Checked> withLastInstances(String rel, List<RecordRows.Checked> rows) {
    Entry before = entries.get(rel);
    if (before == null) return rows;
    Map<String, DisclosureRecord> had = new java.util.HashMap<>(before.rows().size() * 4 / 3 + 1);
    for (RecordRows.Checked c : before.rows()) {
      if (c.record() != null) had.putIfAbsent(c.record().indexNo(), c.record());
    }
    List<RecordRows.Checked> out = new java.util.ArrayList<>(rows.size());
    for (RecordRows.Checked c : rows) {
      DisclosureRecord old = c.record() == null ? null : had.get(c.record().indexNo());
      out.add(old != null && old != c.record() && old.equals(c.record())
          ? new RecordRows.Checked(c.indexNo(), c.indexAt(), old, c.interpretation(), c.original()) : c);
    }
    return out;
  }

  /** How many files the memo knows. */
  public int size() {
    return entries.size();
  }

  Entry get(String rel) {
    return entries.get(rel);
  }

  void put(String rel, Entry e) {
    entries.put(rel, e);
  }

  /** Forgets every file but {@code rels}. */
  void retain(Set<String> rels) {
    entries.keySet().retainAll(rels);
  }

  /**
   * For a build that checks no rows (its site.json is unusable): reports what reading each unread file reported, as
   * reading it would have, and forgets every file.
   */
  void replayReadsAndForget(List<dev.gongkai.load.Inputs.RecordFile> files, Diagnostics diags) {
    for (dev.gongkai.load.Inputs.RecordFile f : files) {
      Entry e = f.unread() ? entries.get(f.rel()) : null;
      if (e != null && e.read() != null) diags.addAll(e.read());
    }
    entries.clear();
    lastSorted = List.of();
  }
}
