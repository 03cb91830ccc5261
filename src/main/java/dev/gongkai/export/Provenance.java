package dev.gongkai.export;

import dev.gongkai.load.Git;
import dev.gongkai.model.PublishedSite;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

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
    List<String> out;
    try {
      out = Git.run(source, 10, "log", "-1", "--format=%H %ct").lines().toList();
    } catch (Git.Failure e) {
      out = List.of(); // no git, or not a work tree: no commit
    }
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
}
