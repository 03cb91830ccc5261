package dev.gongkai.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects every problem a stage finds instead of stopping at the first, bounded like jsoup's ParseErrorList: after
 * {@code limit} diagnostics only the counts grow, so a broken 100,000-row file cannot flood memory or the terminal;
 * the ones kept are the first {@code limit} by file, line and column, whatever order they were reported in.
 * Thread-safe: stages may report from several threads.
 */
public final class Diagnostics {
  public static final int DEFAULT_LIMIT = 500;

  private final int limit;
  /** The first {@code limit} diagnostics in {@link #sorted()} order, largest on top so it is the one dropped: which
   *  ones are kept does not depend on the order stages (or threads) reported them. */
  private final java.util.PriorityQueue<Diagnostic> kept = new java.util.PriorityQueue<>(Collections.reverseOrder());
  private int errors;
  private int warnings;

  public Diagnostics() {
    this(DEFAULT_LIMIT);
  }

  public Diagnostics(int limit) {
    this.limit = limit;
  }

  public synchronized void add(Diagnostic d) {
    if (d.isError()) errors++;
    else warnings++;
    if (limit <= 0) return;
    if (kept.size() < limit) {
      kept.add(d);
    } else if (d.compareTo(kept.peek()) < 0) {
      kept.poll();
      kept.add(d);
    }
  }

  /**
   * An empty collector with the same limit, for work done aside (on another thread) whose own error count matters;
   * hand it back with {@link #addAll}.
   */
  public Diagnostics aside() {
    return new Diagnostics(limit);
  }

  /**
   * Adds everything {@code other} collected: its kept diagnostics, and the counts of those it only counted, so the
   * totals are as if every one had been reported here.
   */
  public void addAll(Diagnostics other) {
    List<Diagnostic> theirs;
    int theirErrors;
    int theirWarnings;
    synchronized (other) {
      theirs = new ArrayList<>(other.kept);
      theirErrors = other.errors;
      theirWarnings = other.warnings;
    }
    synchronized (this) {
      for (Diagnostic d : theirs) {
        add(d);
        if (d.isError()) theirErrors--;
        else theirWarnings--;
      }
      errors += theirErrors;
      warnings += theirWarnings;
    }
  }

  /** Shorthand for {@code add(code.at(location, text, args))}. */
  public void report(Code code, Location location, String text, Object... args) {
    add(code.at(location, text, args));
  }

  public synchronized boolean hasErrors() {
    return errors > 0;
  }

  public synchronized int errorCount() {
    return errors;
  }

  public synchronized int warningCount() {
    return warnings;
  }

  /** Total reported, including those beyond the limit that were only counted. */
  public synchronized int total() {
    return errors + warnings;
  }

  /** The kept diagnostics in a stable order: by file, line, column, code. */
  public synchronized List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(kept);
    Collections.sort(copy);
    return List.copyOf(copy);
  }
}
