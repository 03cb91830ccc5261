package dev.gongkai.serve;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the dev server shows, swapped atomically after every build so that each request sees one consistent snapshot.
 *
 * @param site the directory of the last successful build (made absolute and normalised), or {@code null} if there has
 *     been none yet
 * @param build the number of builds finished so far (successful or not); browsers reload when it changes
 * @param latest the outcome of the latest build, or {@code null} before the first build finishes
 */
public record SiteState(Path site, int build, BuildOutcome latest) {

  /** Before the first build has finished. */
  public static SiteState initial() {
    return new SiteState(null, 0, null);
  }

  public SiteState {
    if (build < 0) throw new IllegalArgumentException("build < 0");
    if (build > 0) Objects.requireNonNull(latest, "latest");
    site = site == null ? null : site.toAbsolutePath().normalize();
  }

  /** Whether the latest build succeeded; {@code true} while the first build is still running. */
  public boolean ok() {
    return latest == null || latest.ok();
  }
}
