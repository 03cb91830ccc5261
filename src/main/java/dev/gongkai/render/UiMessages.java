package dev.gongkai.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The portal's UI text for {@code #{key}} expressions: {@code i18n/messages_zh_CN.properties} and
 * {@code i18n/messages_en.properties} (UTF-8) from the site's templates, falling back to the bundled ones.
 * Unknown keys render as {@code ??key??} so a missing text is visible, and the golden tests catch it.
 */
final class UiMessages implements IMessageResolver {
  private final Properties zh;
  private final Properties en;

  UiMessages(Path siteTemplates) {
    this.zh = load(siteTemplates, "i18n/messages_zh_CN.properties");
    this.en = load(siteTemplates, "i18n/messages_en.properties");
  }

  private static Properties load(Path siteTemplates, String name) {
    Properties p = new Properties();
    try {
      try (InputStream in = UiMessages.class.getClassLoader().getResourceAsStream("gongkai/default-templates/" + name)) {
        if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      if (siteTemplates != null && Files.isRegularFile(siteTemplates.resolve(name))) {
        try (var r = Files.newBufferedReader(siteTemplates.resolve(name), StandardCharsets.UTF_8)) {
          p.load(r);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  @Override
  public String getName() {
    return "gongkai";
  }

  @Override
  public Integer getOrder() {
    return 0;
  }

  /** The text for {@code key} in {@code locale}'s bundle, {@code ??key??} when missing. */
  String text(String key, Locale locale) {
    Properties p = locale != null && locale.getLanguage().equals("en") ? en : zh;
    return p.getProperty(key, "??" + key + "??");
  }

  @Override
  public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] params) {
    Locale l = context.getLocale();
    Properties p = l != null && l.getLanguage().equals("en") ? en : zh;
    String pattern = p.getProperty(key);
    if (pattern == null) return null;
    if (params == null || params.length == 0) return pattern;
    return new MessageFormat(pattern, Locale.ROOT).format(params);
  }

  @Override
  public String createAbsentMessageRepresentation(
      ITemplateContext context, Class<?> origin, String key, Object[] params) {
    return "??" + key + "??";
  }
}
