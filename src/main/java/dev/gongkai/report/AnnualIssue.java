package dev.gongkai.report;

import dev.gongkai.diag.Location;
import java.io.PrintWriter;
import java.util.Comparator;

/**
 * A problem found while making an annual report, printed like a gongkai diagnostic: where (the data file and line:col
 * of the key, or the records folder), what, in Chinese and English, and the JSON key it is about. Errors make
 * {@code gongkai report} exit 1; in a build every issue is only shown on the report page.
 *
 * @param code short id such as {@code report-sum}
 * @param key the data-file key (path of keys, e.g. {@code table3/（七）总计/自然人}), or empty
 */
public record AnnualIssue(Location location, boolean error, String code, String key, String zh, String en)
    implements Comparable<AnnualIssue> {

  private static final Comparator<AnnualIssue> ORDER = Comparator.comparing(AnnualIssue::location)
      .thenComparing(AnnualIssue::code).thenComparing(AnnualIssue::key).thenComparing(AnnualIssue::en);

  static AnnualIssue error(Location where, String code, String key, String zh, String en) {
    return new AnnualIssue(where, true, code, key, zh, en);
  }

  static AnnualIssue warning(Location where, String code, String key, String zh, String en) {
    return new AnnualIssue(where, false, code, key, zh, en);
  }

  /** {@code error} or {@code warning}. */
  public String severity() {
    return error ? "error" : "warning";
  }

  /** The compiler-style first line, e.g. {@code catalogue/annual-report/2025.json:14:5: error[report-sum]}. */
  public String headline() {
    return location + ": " + severity() + "[" + code + "]";
  }

  /** Prints the issue as the CLI prints diagnostics. */
  public void print(PrintWriter out) {
    out.println(headline());
    out.println("    " + zh);
    out.println("    " + en);
    if (!key.isEmpty()) out.println("    | " + key);
  }

  @Override
  public int compareTo(AnnualIssue o) {
    return ORDER.compare(this, o);
  }
}
