package dev.gongkai.cli;

import picocli.CommandLine;

/** The version from the jar manifest (the pom's version), or "dev" when run from classes. */
public final class Version implements CommandLine.IVersionProvider {
  public static String get() {
    return dev.gongkai.build.GeneratorVersion.get();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"gongkai " + get()};
  }
}
