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
 * @param phaseNanos time per phase, in pipeline order
 */
public record BuildResult(
    boolean ok,
    Diagnostics diagnostics,
    int published,
    int withheld,
    int pages,
    int files,
    Map<Phase, Long> phaseNanos) {

  public long totalNanos() {
    return phaseNanos.values().stream().mapToLong(Long::longValue).sum();
  }
}
