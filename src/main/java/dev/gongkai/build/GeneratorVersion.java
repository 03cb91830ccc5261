package dev.gongkai.build;

/** The generator's version: the jar manifest's (the pom's version), or "dev" when run from classes. */
public final class GeneratorVersion {
  private GeneratorVersion() {}

  public static String get() {
    String v = GeneratorVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
