package dev.gongkai.diag;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * A message bundle read as UTF-8 (Java's ResourceBundle would read ISO-8859-1 property files on older JDKs). Keys
 * missing from a bundle are a programming error, caught by MessagesTest for every {@link Code}.
 */
public final class Messages {
  public static final Messages ZH = load("gongkai/messages_zh_CN.properties", Locale.SIMPLIFIED_CHINESE);
  public static final Messages EN = load("gongkai/messages_en.properties", Locale.ROOT);

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

  /** The formatted message, or the key itself when the bundle lacks it (never throws while reporting). */
  public String format(String key, Object... args) {
    String pattern = props.getProperty(key);
    if (pattern == null) return key;
    if (args == null) args = new Object[0];
    Object[] shown = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Bi bi) a = locale.getLanguage().equals("zh") ? bi.zh() : bi.en();
      shown[i] = a == null ? "" : String.valueOf(a);
    }
    return new MessageFormat(pattern, locale).format(shown);
  }
}
