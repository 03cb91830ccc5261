package dev.gongkai.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    git(source, "archive", "--format=tar", "-o", tar.toAbsolutePath().toString(), ref, ".");
    Path tree = Files.createDirectories(work.resolve("src"));
    run(List.of("tar", "-xf", tar.toString(), "-C", tree.toString()), source);
    Path site = tree;
    Path out = work.resolve("out");
    BuildResult r = SiteBuild.run(new BuildRequest(site, out), Progress.NONE);
    if (!r.ok()) {
      throw new Unavailable("the site at " + ref + " does not build (" + r.diagnostics().errorCount() + " errors)");
    }
    return out;
  }

  private static String git(Path dir, String... args) throws IOException {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    return run(cmd, dir);
  }

  private static String run(List<String> cmd, Path dir) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new Unavailable(cmd.get(0) + " is not available: " + e.getMessage());
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new Unavailable(String.join(" ", cmd) + ": " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
    return out;
  }
}
