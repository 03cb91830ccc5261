package dev.gongkai.diag;

/**
 * A message argument that differs by language, e.g. a field's Chinese header and its English alias. The zh-CN bundle
 * shows {@code zh}, the English one {@code en}.
 */
public record Bi(String zh, String en) {
  public static Bi of(String zh, String en) {
    return new Bi(zh, en);
  }
}
