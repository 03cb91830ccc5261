package dev.gongkai.build;

import dev.gongkai.diag.Diagnostics;
import java.util.Map;

/**
 * The outcome of a build or validation.
 *
 * @param ok no errors, and (for a build) the output was swapped in
 * @param published number of published records
 * @param withheld number of records the disclosure gate kept out (依申请公开 and 不予公开)
 * @param pages HTML pages written (0 when validating only)
 * @param files all files written (0 when validating only)
 * @param phaseNanos time per phase, in pipeline order; phases may overlap (the search index is built while pages
 *     are rendered), so they can add up to more than {@code wallNanos}
 * @param wallNanos the whole run, as the user waited for it
 * @param pagesKept pages an incremental build kept from the previous build instead of rendering (0 for clean builds)
 * @param filesChanged files whose bytes were written: new or changed, plus removed ones (all files for a clean build)
 * @param searchKept whether an incremental build kept the previous search files (their inputs were unchanged)
 * @param searchPatched whether an incremental build patched the previous search files for the documents that
 *     changed instead of indexing every document
 */
public record BuildResult(
    boolean ok,
    Diagnostics diagnostics,
    int published,
    int withheld,
    int pages,
    int files,
    Map<Phase, Long> phaseNanos,
    long wallNanos,
    int pagesKept,
    int filesChanged,
    boolean searchKept,
    boolean searchPatched) {

  /** A clean build's result. */
  public BuildResult(boolean ok, Diagnostics diagnostics, int published, int withheld, int pages, int files,
      Map<Phase, Long> phaseNanos, long wallNanos) {
    this(ok, diagnostics, published, withheld, pages, files, phaseNanos, wallNanos, 0, files, false, false);
  }

  /** A result whose phases ran one after the other (validation, failed builds). */
  public BuildResult(boolean ok, Diagnostics diagnostics, int published, int withheld, int pages, int files,
      Map<Phase, Long> phaseNanos) {
    this(ok, diagnostics, published, withheld, pages, files, phaseNanos,
        phaseNanos.values().stream().mapToLong(Long::longValue).sum());
  }

  /** The wall time of the run. */
  public long totalNanos() {
    return wallNanos;
  }
}
