package dev.gongkai.build;

/**
 * {@link IncrementalBuildTest}'s edits as {@code gongkai serve} builds them: one {@link WarmState} kept between the
 * builds, so unchanged record files are neither read nor checked again. Every step still gives a clean build's bytes
 * and diagnostics.
 */
class WarmIncrementalBuildTest extends IncrementalBuildTest {
  private final WarmState warm = new WarmState();

  @Override
  WarmState warm() {
    return warm;
  }
}
