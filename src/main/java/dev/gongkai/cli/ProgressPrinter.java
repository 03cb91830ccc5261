package dev.gongkai.cli;

import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Phase;
import dev.gongkai.build.Progress;
import dev.gongkai.diag.Lang;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Progress on stderr. Quiet for quick builds: phase lines appear only once the build has run for more than a second
 * (or with --verbose); the timing summary is printed at the end of every build.
 */
final class ProgressPrinter implements Progress {
  private static final long MOMENT = 1_000_000_000L;
  private final PrintWriter err;
  private final boolean verbose;
  private final Lang lang;
  private final long start = System.nanoTime();
  private long lastPages;

  ProgressPrinter(PrintWriter err, boolean verbose, Lang lang) {
    this.err = err;
    this.verbose = verbose;
    this.lang = lang;
  }

  private boolean slow() {
    return verbose || System.nanoTime() - start > MOMENT;
  }

  @Override
  public void phaseDone(Phase phase, long nanos) {
    if (slow()) err.println("  " + lang.labelled(phase.zh(), phase.en(), seconds(nanos)));
  }

  @Override
  public void pages(int pages, int expected) {
    long now = System.nanoTime();
    if (slow() && now - lastPages > MOMENT) {
      lastPages = now;
      err.println("  " + lang.text("progress.pages", pages, expected));
    }
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  /**
   * Each phase's time, e.g. {@code load 0.12 s, validate 0.05 s}, with the phases named in {@code lang}: one
   * language ({@link Lang#ZH_CN} or {@link Lang#EN}), as each line of bilingual output has its own.
   */
  static String timings(BuildResult r, Lang lang) {
    String separator = lang.text("list.separator");
    StringBuilder b = new StringBuilder();
    for (Map.Entry<Phase, Long> e : r.phaseNanos().entrySet()) {
      if (b.length() > 0) b.append(separator);
      b.append(lang.pick(e.getKey().zh(), e.getKey().en())).append(' ').append(seconds(e.getValue()));
    }
    return b.toString();
  }
}
