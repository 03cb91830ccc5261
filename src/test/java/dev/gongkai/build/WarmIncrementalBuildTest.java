package dev.gongkai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@link IncrementalBuildTest}'s edits as {@code gongkai serve} builds them: one {@link WarmState} kept between the
 * builds, so unchanged record files are neither read nor checked again and the build cache is held in memory (and
 * written in the background). Every step still gives a clean build's bytes and diagnostics.
 */
class WarmIncrementalBuildTest extends IncrementalBuildTest {
  private final WarmState warm = new WarmState();

  @Override
  WarmState warm() {
    return warm;
  }

  @Test
  @Order(30)
  void cacheWrittenInTheBackgroundServesABuildWithoutTheWarmState() throws IOException {
    BuildResult last = SiteBuild.run(new BuildRequest(site, out).withCache(cache), Progress.NONE, warm);
    assertTrue(last.ok());
    warm.awaitSave();
    BuildResult cold = SiteBuild.run(new BuildRequest(site, out).withCache(cache), Progress.NONE);
    assertTrue(cold.ok(), () -> cold.diagnostics().sorted().toString());
    assertEquals(cold.pages(), cold.pagesKept(), "the cache on disk describes the output: every page kept");
    assertEquals(0, cold.filesChanged());
  }
}
