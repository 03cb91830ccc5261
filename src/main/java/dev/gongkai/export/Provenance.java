package dev.gongkai.export;

import dev.gongkai.model.PublishedSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a build came from, for every descriptor it writes. The build time is never the wall clock: it is
 * {@code SOURCE_DATE_EPOCH} when set, else the commit time of the source's git HEAD, else the site's newest date
 * (midnight UTC), so two builds of the same commit write the same bytes.
 *
 * @param generator e.g. {@code gongkai 0.1.0}
 * @param commit the source's git HEAD (40 hex digits), or empty when the source is not in a git work tree
 * @param time the build time as described above
 */
public record Provenance(String generator, String commit, Instant time) {

  /** Reads the provenance of a site source folder. Never fails: missing git means no commit. */
  public static Provenance of(Path source, PublishedSite site, String generatorVersion) {
    String commit = "";
    Instant commitTime = null;
    List<String> out = git(source, "log", "-1", "--format=%H %ct");
    if (out.size() == 1 && out.get(0).matches("[0-9a-f]{40} \\d+")) {
      String[] parts = out.get(0).split(" ");
      commit = parts[0];
      commitTime = Instant.ofEpochSecond(Long.parseLong(parts[1]));
    }
    Instant time;
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    if (epoch != null && epoch.matches("\\d+")) time = Instant.ofEpochSecond(Long.parseLong(epoch));
    else if (commitTime != null) time = commitTime;
    else time = site.lastUpdated().atStartOfDay().toInstant(ZoneOffset.UTC);
    return new Provenance("gongkai " + generatorVersion, commit, time);
  }

  /** The provenance of a build with no git and a fixed time (tests). */
  public static Provenance fixed(String generator, Instant time) {
    return new Provenance(generator, "", time);
  }

  private static List<String> git(Path dir, String... args) {
    try {
      List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
      p.getOutputStream().close();
      byte[] bytes = p.getInputStream().readAllBytes();
      p.getErrorStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return List.of();
      return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of(); // no git on this machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }
}
