package dev.gongkai.build;

import java.nio.file.Path;

/**
 * What to build.
 *
 * @param source the site folder (with catalogue/, content/, optionally site-templates/)
 * @param out the output folder, replaced whole on success; null to validate only
 * @param indexDir where to keep the Lucene index for {@code gongkai search} (replaced on success), or null to keep
 *     it in memory only
 */
public record BuildRequest(Path source, Path out, Path indexDir) {
  public BuildRequest(Path source, Path out) {
    this(source, out, null);
  }

  /** The index folder the command line uses for a source folder. */
  public static Path defaultIndexDir(Path source) {
    return source.resolve(".gongkai").resolve("index");
  }
}
