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
 * @param cacheDir the build cache folder (incremental builds, see {@link BuildCache}), or null for a clean build
 *     that leaves no cache
 */
public record BuildRequest(Path source, Path out, Path indexDir, Path previous, Path cacheDir) {
  public BuildRequest(Path source, Path out) {
    this(source, out, null, null, null);
  }

  public BuildRequest(Path source, Path out, Path indexDir) {
    this(source, out, indexDir, null, null);
  }

  public BuildRequest(Path source, Path out, Path indexDir, Path previous) {
    this(source, out, indexDir, previous, null);
  }

  /** The same request with a build cache in {@code dir}. */
  public BuildRequest withCache(Path dir) {
    return new BuildRequest(source, out, indexDir, previous, dir);
  }

  /**
   * Where the search stage builds its Lucene index on disk rather than on the heap: beside {@link #indexDir()} (so
   * that saving it is a rename), else in the cache folder; null when the request has neither (the index stays in
   * memory).
   */
  Path scratchDir() {
    if (indexDir != null) return indexDir.toAbsolutePath().normalize().getParent();
    return cacheDir;
  }

  /** The cache folder the command line uses for a site ({@code .gongkai/cache}, beside the saved index). */
  public static Path defaultCacheDir(Path source) {
    return BuildCache.defaultDir(source);
  }

  /** The index folder the command line uses for a source folder. */
  public static Path defaultIndexDir(Path source) {
    return source.resolve(".gongkai").resolve("index");
  }
}
