package dev.gongkai.diag;

/**
 * One user-facing problem, in the manner of Hugo's FileError: where, what (in Chinese and English), the offending
 * text and how to fix it. Build them with {@link Code#at}; the texts come from the message bundles.
 *
 * @param text the offending input as the publisher wrote it (may be empty), shown verbatim, never interpreted
 */
public record Diagnostic(
    Location location,
    Severity severity,
    Code code,
    String messageZh,
    String messageEn,
    String text,
    String hintZh,
    String hintEn)
    implements Comparable<Diagnostic> {

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public int compareTo(Diagnostic o) {
    int c = location.compareTo(o.location);
    if (c != 0) return c;
    c = code.id().compareTo(o.code.id());
    return c != 0 ? c : messageEn.compareTo(o.messageEn);
  }
}
