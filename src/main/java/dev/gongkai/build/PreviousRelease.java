package dev.gongkai.build;

import dev.gongkai.load.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The previous release, when it is named by a git ref of the source rather than by a folder: its sources are
 * extracted with {@code git archive} and built into a temporary folder, whose output is then the previous release.
 */
public final class PreviousRelease {
  private PreviousRelease() {}

  /** Thrown when the ref cannot be read (not a git work tree, unknown ref, no git) or its site does not build. */
  public static final class Unavailable extends IOException {
    public Unavailable(String message) {
      super(message);
    }
  }

  /**
   * Builds the site as it was at {@code ref} into {@code work} and returns its output folder.
   *
   * @param source the site folder (inside a git work tree)
   */
  public static Path fromGitRef(Path source, String ref, Path work) throws IOException {
    Path tar = work.resolve("previous.tar");
    // Run in the site folder, "." is the site's subtree, archived with paths relative to the site folder.
    Path site = Files.createDirectories(work.resolve("src"));
    try {
      Git.run(source, 120, "archive", "--format=tar", "-o", tar.toAbsolutePath().toString(), ref, ".");
      Git.exec(List.of("tar", "-xf", tar.toString(), "-C", site.toString()), 120);
    } catch (Git.Failure e) {
      throw new Unavailable(e.getMessage());
    }
    Path out = work.resolve("out");
    BuildResult r = SiteBuild.run(new BuildRequest(site, out), Progress.NONE);
    if (!r.ok()) {
      throw new Unavailable("the site at " + ref + " does not build (" + r.diagnostics().errorCount() + " errors)");
    }
    return out;
  }
}
