package dev.gongkai.diag;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.Properties;

/**
 * A message bundle read as UTF-8 (Java's ResourceBundle would read ISO-8859-1 property files on older JDKs). Keys
 * missing from a bundle are a programming error, caught by MessagesTest (every {@link Code}; the same keys in both
 * CLI bundles).
 *
 * <p>Arguments are shown plainly whatever the locale: numbers without grouping ({@code 12345}), dates as ISO
 * ({@code 2024-03-05}), a {@link Bi} in the bundle's language. A pattern asks for more with MessageFormat's own
 * syntax: {@code {0,number,#,##0}} groups digits, {@code {0,choice,1#error|1<errors}} picks a plural.
 */
public final class Messages {
  /** The diagnostics' messages and hints, zh-CN. */
  public static final Messages ZH = load("gongkai/messages_zh_CN.properties", Locale.SIMPLIFIED_CHINESE);
  /** The diagnostics' messages and hints, English. */
  public static final Messages EN = load("gongkai/messages_en.properties", Locale.ROOT);
  /** Everything else the command line prints (progress, summaries, errors), zh-CN. */
  public static final Messages CLI_ZH = load("gongkai/cli_zh_CN.properties", Locale.SIMPLIFIED_CHINESE);
  /** Everything else the command line prints (progress, summaries, errors), English. */
  public static final Messages CLI_EN = load("gongkai/cli_en.properties", Locale.ROOT);

  private final Properties props;
  private final Locale locale;

  private Messages(Properties props, Locale locale) {
    this.props = props;
    this.locale = locale;
  }

  private static Messages load(String resource, Locale locale) {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing message bundle " + resource);
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Messages(p, locale);
  }

  public boolean has(String key) {
    return props.containsKey(key);
  }

  /** Every key of the bundle, sorted (for tests that compare bundles). */
  public java.util.SortedSet<String> keys() {
    java.util.SortedSet<String> keys = new java.util.TreeSet<>();
    for (Object k : props.keySet()) keys.add((String) k);
    return keys;
  }

  /** The formatted message, or the key itself when the bundle lacks it (never throws while reporting). */
  public String format(String key, Object... args) {
    String pattern = props.getProperty(key);
    if (pattern == null) return key;
    if (args == null) args = new Object[0];
    Object[] shown = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Bi bi) a = locale.getLanguage().equals("zh") ? bi.zh() : bi.en();
      // Numbers stay numbers so that {n,choice,…} and {n,number,…} work; a plain {n} shows them as PLAIN does.
      shown[i] = a == null ? "" : a instanceof Number ? a : String.valueOf(a);
    }
    MessageFormat mf = new MessageFormat(pattern, locale);
    Format[] formats = mf.getFormats();
    for (int i = 0; i < formats.length; i++) if (formats[i] == null) mf.setFormat(i, PLAIN);
    return mf.format(shown);
  }

  /** A plain {@code {n}}: {@code String.valueOf}, so 12345 is not grouped into 12,345 and 1.5 stays 1.5. */
  private static final Format PLAIN = new Format() {
    @Override
    public StringBuffer format(Object obj, StringBuffer to, FieldPosition pos) {
      return to.append(obj);
    }

    @Override
    public Object parseObject(String source, ParsePosition pos) {
      throw new UnsupportedOperationException();
    }
  };
}
