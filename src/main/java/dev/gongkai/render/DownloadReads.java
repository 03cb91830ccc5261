package dev.gongkai.render;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which fields of {@link Views.Download}s the template being rendered on this thread read, so that a page depends on
 * those fields only: a one-record edit changes the checksum and byte count of its item's download files, which no
 * bundled template shows, and each of the item's list pages would otherwise be rendered again.
 *
 * <p>{@link Views.Download}'s accessors call {@link #note}; the renderer brackets each template run with {@link #start}
 * and {@link #stop}. Outside a bracket nothing is noted. Anything that sees a download whole ({@code toString},
 * {@code equals}, {@code hashCode}) counts as reading every field ({@link #ALL}).
 */
final class DownloadReads {
  /** Stands for every field. */
  static final String ALL = "*";

  private static final ThreadLocal<Set<String>> READ = new ThreadLocal<>();

  private DownloadReads() {}

  /** Starts noting on this thread (a run already started is started again, empty). */
  static void start() {
    READ.set(new TreeSet<>());
  }

  /** Stops noting on this thread and returns the fields read since {@link #start}, sorted. */
  static Set<String> stop() {
    Set<String> read = READ.get();
    READ.remove();
    return read == null ? Set.of() : Collections.unmodifiableSet(read);
  }

  /** Notes that a field was read, when this thread is noting. */
  static void note(String field) {
    Set<String> read = READ.get();
    if (read != null) read.add(field);
  }
}
