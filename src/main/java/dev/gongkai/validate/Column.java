package dev.gongkai.validate;

/**
 * A known input column: its Chinese header as in the official tables, its English alias, and whether it must be
 * present. {@code key} is how the code refers to it.
 */
public record Column(String key, String zh, String en, boolean required) {

  public boolean matches(String header) {
    String h = header.strip();
    return h.equals(zh) || h.equalsIgnoreCase(en) || normalise(h).equals(normalise(zh));
  }

  /** Excel users write 公开内容(要素) with ASCII brackets; treat them like the full-width ones. */
  private static String normalise(String s) {
    return s.replace('(', '（').replace(')', '）').replace(" ", "");
  }
}
