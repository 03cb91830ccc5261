package dev.gongkai.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The output of one build until it is committed: a whole new folder ({@link StagedOutput}) or the changes to the
 * previous one ({@link IncrementalOutput}). Either way nothing is visible in the output folder before
 * {@link #commit()}, and {@link #close()} without a commit leaves it as it was.
 */
public interface BuildOutput extends OutputSink, AutoCloseable {
  /** Every path of the new output (marker included), in no particular order. */
  List<String> writtenPaths();

  /** Number of files of the new output (marker included). */
  int fileCount();

  /**
   * Where to read the new output's files before the commit, by path: all of them, or with {@code changedOnly} only
   * those whose bytes differ from the previous build's (all of them for a whole new folder).
   */
  Map<String, Path> files(boolean changedOnly);

  /** The digest of every file of the new output. */
  OutputManifest manifest();

  /** Makes the new output the output folder's content. */
  void commit() throws IOException;

  @Override
  void close();
}
