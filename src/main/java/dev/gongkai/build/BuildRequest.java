package dev.gongkai.build;

import java.nio.file.Path;

/**
 * What to build.
 *
 * @param source the site folder (with catalogue/, content/, optionally site-templates/)
 * @param out the output folder, replaced whole on success; null to validate only
 */
public record BuildRequest(Path source, Path out) {}
