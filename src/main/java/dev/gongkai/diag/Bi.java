package dev.gongkai.diag;

/**
 * A message argument that differs by language, e.g. a description of a file. The zh-CN bundle shows {@code zh}, the
 * English one {@code en}. Name a column or field with {@link #field}, not {@link #of}.
 */
public record Bi(String zh, String en) {
  public static Bi of(String zh, String en) {
    return new Bi(zh, en);
  }

  /**
   * A column or field, named as in the official tables in both languages: {@code 发布日期} in Chinese,
   * {@code 发布日期 (published)} in English — the header the publisher sees in the file, with its English alias.
   */
  public static Bi field(String header, String alias) {
    return new Bi(header, header + " (" + alias + ")");
  }
}
