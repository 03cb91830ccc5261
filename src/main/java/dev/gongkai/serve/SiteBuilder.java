package dev.gongkai.serve;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Builds the whole site for {@code gongkai serve}. The serve session calls it once at start and again after every burst
 * of source changes, never concurrently.
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>Write the complete site into {@code outDir}, creating it (and replacing anything already there). Each call gets
 *       a fresh directory; the session deletes it when it is no longer served. A builder that says it builds
 *       {@link #inPlace()} gets the same directory every time instead, and must leave it untouched when it fails.
 *   <li>Report problems in the publisher's files as diagnostics in the returned {@link BuildOutcome}, with
 *       {@code ok == false} when any of them is an error. Do not print them; the session logs them once.
 *   <li>Throwing is allowed for unexpected failures: the session reports the exception message as a failed build and
 *       keeps serving the last good site.
 * </ul>
 */
@FunctionalInterface
public interface SiteBuilder {

  /**
   * Builds the site into {@code outDir}.
   *
   * @param outDir where to write the site; may not exist yet
   * @return what happened; {@code null} counts as a failed build
   * @throws Exception on an unexpected failure (reported as a failed build, never fatal to the session)
   */
  BuildOutcome build(Path outDir) throws Exception;

  /**
   * Whether this builder updates the previous build's directory in place (an incremental build that writes only
   * what changed, and changes nothing when it fails), so the session should give it the same directory each time.
   */
  default boolean inPlace() {
    return false;
  }

  /**
   * Makes the builds that follow faster, without changing what is served: called once, on the build thread, after
   * the first successful build and only while no other build is waiting, with the folder that build wrote (served
   * now). The CLI's builder rebuilds the unchanged site there, then rehearses edits made in memory and committed
   * nowhere, so that the JVM has compiled an edit's path before the publisher's first edit. Return soon after
   * {@code stop} turns true (a change is waiting to be built, or the session is closing). A source changed meanwhile
   * may be picked up, but the build that change queued still runs and publishes it. Throwing is allowed and ignored.
   */
  default void warmUp(Path outDir, BooleanSupplier stop) throws Exception {}

  /**
   * Called on the build thread after each successful build has been published (and after the {@link #warmUp}), while
   * no other build is waiting: a moment to tidy up what would otherwise slow the next build down. The CLI's builder
   * waits for its build cache to be written and then, when the heap is nearly full, collects it
   * ({@link IdleCollection}). A change saved meanwhile waits until this returns: return soon after {@code stop} turns
   * true. Throwing is allowed and ignored.
   */
  default void idle(BooleanSupplier stop) throws Exception {}
}
