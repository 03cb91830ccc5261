package dev.gongkai.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code git} command in a site folder (provenance, previous releases). */
public final class Git {
  private Git() {}

  /** git is missing, the folder is not a work tree, or the command failed; the message says which. */
  public static final class Failure extends IOException {
    public Failure(String message) {
      super(message);
    }
  }

  /**
   * Runs {@code git -C dir args…} and returns its standard output.
   *
   * @throws Failure when git cannot be started, exits non-zero (the message holds its output) or takes over
   *     {@code timeoutSeconds}
   */
  public static String run(Path dir, long timeoutSeconds, String... args) throws Failure {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    return exec(cmd, timeoutSeconds);
  }

  /** Runs any command (e.g. {@code tar}) the same way. */
  public static String exec(List<String> cmd, long timeoutSeconds) throws Failure {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new Failure(cmd.get(0) + " is not available: " + e.getMessage());
    }
    try {
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new Failure(String.join(" ", cmd) + ": " + out.strip());
      }
      return out;
    } catch (IOException e) {
      throw new Failure(String.join(" ", cmd) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted");
    } finally {
      p.destroy();
    }
  }
}
