package dev.gongkai.diag;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The language the command line talks to the publisher in: zh-CN, English, or both (each message in Chinese, then
 * in English — the output for an unset or {@code C} locale).
 *
 * <p>CLI texts come from {@code gongkai/cli_zh_CN.properties} and {@code cli_en.properties} ({@link #text},
 * {@link #lines}); diagnostics carry both languages already and are chosen with {@link #pickLines}.
 */
public enum Lang {
  ZH_CN("zh-CN"),
  EN("en"),
  BOTH("both");

  /** What {@link #text} puts between the Chinese and the English of one line. */
  public static final String SEPARATOR = " / ";

  /** The environment variables that choose the language, first one set wins (as for POSIX locale categories). */
  public static final List<String> ENVIRONMENT = List.of("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE");

  private final String tag;

  Lang(String tag) {
    this.tag = tag;
  }

  /** {@code zh-CN}, {@code en} or {@code both}: what {@code --lang} takes. */
  public String tag() {
    return tag;
  }

  /**
   * The language a {@code --lang} value names: {@code zh-CN} (also {@code zh}, {@code zh_CN}), {@code en},
   * {@code both}, in any case; empty for anything else.
   */
  public static Optional<Lang> parse(String value) {
    if (value == null) return Optional.empty();
    return switch (value.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "zh-cn", "zh" -> Optional.of(ZH_CN);
      case "en" -> Optional.of(EN);
      case "both" -> Optional.of(BOTH);
      default -> Optional.empty();
    };
  }

  /**
   * The language the environment asks for: the first of {@link #ENVIRONMENT} that is set and not empty decides —
   * {@code zh…} gives {@link #ZH_CN}, {@code en…} gives {@link #EN}, anything else ({@code C}, {@code POSIX},
   * {@code C.UTF-8}, another language) gives {@link #BOTH}, as does no variable at all. {@code LANGUAGE} is a
   * colon-separated list; its first entry counts.
   *
   * @param env looks a variable up ({@code System::getenv}, or a map's {@code get} in tests); may return null
   */
  public static Lang fromEnvironment(Function<String, String> env) {
    for (String name : ENVIRONMENT) {
      String v = env.apply(name);
      if (v == null || v.isBlank()) continue;
      String first = v.strip().split(":", -1)[0].toLowerCase(Locale.ROOT);
      if (first.startsWith("zh")) return ZH_CN;
      if (first.startsWith("en")) return EN;
      return BOTH;
    }
    return BOTH;
  }

  /** Whether Chinese text is shown. */
  public boolean zh() {
    return this != EN;
  }

  /** Whether English text is shown. */
  public boolean en() {
    return this != ZH_CN;
  }

  /**
   * One line of CLI text: the key's message from the CLI bundle of this language; for {@link #BOTH} the Chinese
   * and the English joined by {@link #SEPARATOR}.
   */
  public String text(String key, Object... args) {
    return String.join(SEPARATOR, lines(key, args));
  }

  /** The key's message as one entry per language shown: Chinese first. */
  public List<String> lines(String key, Object... args) {
    return pickLines(Messages.CLI_ZH.format(key, args), Messages.CLI_EN.format(key, args));
  }

  /**
   * A label and a detail that needs no translation (a path, a value, another program's message):
   * {@code 找不到目录：x}, {@code no such folder: x}, and for {@link #BOTH} {@code 找不到目录 / no such folder: x}. With
   * an empty detail the line ends at the colon.
   */
  public String labelled(String key, Object detail) {
    return labelled(Messages.CLI_ZH.format(key), Messages.CLI_EN.format(key), detail);
  }

  /** {@link #labelled(String, Object)} with the label's two languages given. */
  public String labelled(String zh, String en, Object detail) {
    String d = detail == null ? "" : String.valueOf(detail);
    String colon = d.isEmpty() ? ":" : ": " + d;
    return switch (this) {
      case ZH_CN -> zh + "：" + d;
      case EN -> en + colon;
      case BOTH -> zh + SEPARATOR + en + colon;
    };
  }

  /**
   * The first language shown: {@link #ZH_CN} for {@link #BOTH}. For the punctuation of a line that mixes data with
   * a short text, e.g. the full-width brackets in {@code 安全生产/政策文件/法律法规（3）}.
   */
  public Lang first() {
    return this == BOTH ? ZH_CN : this;
  }

  /**
   * This language, or {@link #EN} for {@link #BOTH}: for the few lines that scripts read and that stay English in
   * bilingual output (one build line in {@code gongkai serve}'s log).
   */
  public Lang orEnglish() {
    return this == BOTH ? EN : this;
  }

  /** {@code zh}, {@code en}, or both joined by {@link #SEPARATOR}. */
  public String pick(String zh, String en) {
    return String.join(SEPARATOR, pickLines(zh, en));
  }

  /** A {@link Bi}'s text in this language (both joined for {@link #BOTH}). */
  public String pick(Bi bi) {
    return pick(bi.zh(), bi.en());
  }

  /** {@code [zh]}, {@code [en]} or {@code [zh, en]}. */
  public List<String> pickLines(String zh, String en) {
    return switch (this) {
      case ZH_CN -> List.of(zh);
      case EN -> List.of(en);
      case BOTH -> List.of(zh, en);
    };
  }
}
