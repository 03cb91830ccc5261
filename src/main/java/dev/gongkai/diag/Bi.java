package dev.gongkai.diag;

import java.util.Collection;

/**
 * A text that differs by language: a message argument (e.g. a description of a file), or a whole message made outside
 * the command line and printed by it (the reason an exception carries). The zh-CN bundle shows {@code zh}, the English
 * one {@code en}; {@link Lang#pick(Bi)} chooses. Name a column or field with {@link #field}, not {@link #of}.
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

  /**
   * The message {@code key} of the command line's bundles ({@code gongkai/cli_*.properties}) in both languages, for
   * code outside the command line whose messages the command line prints (e.g. the reason an exception gives).
   */
  public static Bi message(String key, Object... args) {
    return new Bi(Messages.CLI_ZH.format(key, args), Messages.CLI_EN.format(key, args));
  }

  /** Values that need no translation (codes, paths) joined by each language's list separator: {@code a，b} / {@code a, b}. */
  public static Bi list(Collection<String> items) {
    return new Bi(String.join(Messages.CLI_ZH.format("list.separator"), items),
        String.join(Messages.CLI_EN.format("list.separator"), items));
  }
}
