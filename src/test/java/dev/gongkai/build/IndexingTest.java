package dev.gongkai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.model.PublishedSite;
import dev.gongkai.render.ViewDigest;
import dev.gongkai.testing.Example;
import dev.gongkai.testing.MemorySink;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The search stage started before the build knows whether the last build's files may be kept or patched. */
class IndexingTest {
  @Test
  void waitsForTheDecisionThenIndexes() throws Exception {
    PublishedSite site = Example.published();
    MemorySink out = new MemorySink();
    CompletableFuture<Indexing.Previous> previous = new CompletableFuture<>();
    // A last key that is not this build's: the documents are made before the decision.
    try (Indexing indexing = Indexing.start(site, out, new TreeMap<>(), Optional::empty, Optional::empty,
        new byte[] {1}, previous, new ViewDigest(), null, null)) {
      Thread.sleep(200);
      assertTrue(out.files.isEmpty(), "nothing written before the decision: " + out.files.keySet());
      previous.complete(null); // no files of the last build may be kept
      Indexing.Indexed done = indexing.join();
      assertEquals(Indexing.Mode.FULL, done.mode());
      assertTrue(out.files.containsKey("search/manifest.json"), out.files.keySet().toString());
    }
  }

  @Test
  void aBuildThatStopsBeforeDecidingDoesNotWaitForEver() throws Exception {
    PublishedSite site = Example.published();
    CompletableFuture<Indexing.Previous> previous = new CompletableFuture<>();
    Indexing indexing = Indexing.start(site, new MemorySink(), new TreeMap<>(), Optional::empty, Optional::empty,
        null, previous, new ViewDigest(), null, null);
    previous.completeExceptionally(new IllegalStateException("the build stopped"));
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      assertThrows(RuntimeException.class, indexing::join);
      indexing.close();
      indexing.close(); // a second close does nothing
    });
  }
}
