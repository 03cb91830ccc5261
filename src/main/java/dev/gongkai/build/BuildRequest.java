package dev.gongkai.build;

import java.nio.file.Path;

/**
 * What to build.
 *
 * @param source the site folder (with catalogue/, content/, optionally site-templates/)
 * @param out the output folder, replaced whole on success; null to validate only
 * @param indexDir where to keep the Lucene index for {@code gongkai search} (replaced on success), or null to keep
 *     it in memory only
 * @param previous the previous release's published output folder, to publish what changed since; null for none
 */
public record BuildRequest(Path source, Path out, Path indexDir, Path previous) {
  public BuildRequest(Path source, Path out) {
    this(source, out, null, null);
  }

  public BuildRequest(Path source, Path out, Path indexDir) {
    this(source, out, indexDir, null);
  }

  /** The index folder the command line uses for a source folder. */
  public static Path defaultIndexDir(Path source) {
    return source.resolve(".gongkai").resolve("index");
  }
}
