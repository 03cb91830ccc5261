package dev.gongkai.cli;

/** Process exit codes, the same for every subcommand. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** The site's input has errors (diagnostics were printed). */
  public static final int INPUT = 1;
  /** The command line was wrong, or the output folder may not be replaced. */
  public static final int USAGE = 2;
  /** A failure of gongkai or the machine (a bug, disk full); details with --verbose. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
