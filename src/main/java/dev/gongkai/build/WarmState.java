package dev.gongkai.build;

import dev.gongkai.render.ViewDigest;
import dev.gongkai.validate.RowsMemo;

/**
 * What one process keeps between builds of the same site ({@code gongkai serve}): the checked rows of each record
 * file ({@link RowsMemo}: unchanged files are neither read nor checked again) and the digests of the model records
 * (kept for the instances the next model still holds, see {@link ViewDigest#ViewDigest(ViewDigest)}). A build given
 * a warm state produces the same output and diagnostics as one without.
 *
 * <p>What callers must know: one state per source folder, used by one build at a time.
 */
public final class WarmState {
  final RowsMemo rows = new RowsMemo();
  /** The last build's digest, or null. */
  ViewDigest digest;

  /** How many record files the state knows (for tests and progress). */
  public int knownFiles() {
    return rows.size();
  }
}
