package dev.gongkai.render;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Location;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.util.FastStringWriter;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The Thymeleaf templates of a site: {@code site-templates/*.html} when the site has them, each falling back to the
 * bundled default of the same name. Thread-safe once built (templates are parsed once and cached): an instance may
 * serve every build whose template files are the same ({@code gongkai serve} keeps one while they are).
 */
public final class Templates {
  public static final String DEFAULTS = "gongkai/default-templates/";

  private final TemplateEngine engine = new TemplateEngine();
  private final Path siteDir;
  private final UiMessages messages;
  private final TemplateDeps deps;

  /** @param siteDir the site's {@code site-templates/} folder; may not exist */
  public Templates(Path siteDir) {
    this.siteDir = siteDir;
    RecordAccessor.install();
    StandardDialect standard = new StandardDialect();
    standard.setVariableExpressionEvaluator(new ChainEvaluator());
    engine.setDialect(standard);
    int order = 1;
    if (siteDir != null && Files.isDirectory(siteDir)) {
      FileTemplateResolver files = new FileTemplateResolver();
      files.setPrefix(siteDir.toAbsolutePath() + "/");
      configure(files, order++);
      files.setCheckExistence(true);
      engine.addTemplateResolver(files);
    }
    ClassLoaderTemplateResolver bundled = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
    bundled.setPrefix(DEFAULTS);
    configure(bundled, order);
    engine.addTemplateResolver(bundled);
    this.messages = new UiMessages(siteDir);
    engine.setMessageResolver(messages);
    this.deps = new TemplateDeps(siteDir);
  }

  /** Which whole-site values each template reads: read from the files once per instance, as the templates are. */
  TemplateDeps deps() {
    return deps;
  }

  private static void configure(org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver r, int order) {
    r.setSuffix(".html");
    r.setTemplateMode(TemplateMode.HTML);
    r.setCharacterEncoding("UTF-8");
    r.setCacheable(true);
    r.setOrder(order);
  }

  /**
   * Renders {@code template} with {@code vars}.
   *
   * @throws TemplateFailure with a located diagnostic when the template is broken
   */
  public String render(String template, Map<String, Object> vars, Locale locale) {
    // Thymeleaf's own writer starts at 100 characters and doubles up to a page's ~8,000: seven copies per page.
    FastStringWriter html = new FastStringWriter(16 * 1024);
    process(template, vars, locale, html);
    return html.toString();
  }

  /** Each rendering thread's page buffer: pages are under 16 KB of UTF-8, a few grow it once. */
  private static final ThreadLocal<Utf8Writer> PAGE_BYTES = ThreadLocal.withInitial(() -> new Utf8Writer(32 * 1024));

  /**
   * Renders {@code template} with {@code vars} as UTF-8: the bytes of {@link #render}'s string, encoded as Thymeleaf
   * writes it (a page to be written needs no string).
   *
   * @throws TemplateFailure with a located diagnostic when the template is broken
   */
  public byte[] renderUtf8(String template, Map<String, Object> vars, Locale locale) {
    Utf8Writer bytes = PAGE_BYTES.get();
    bytes.reset();
    process(template, vars, locale, bytes);
    return bytes.toBytes();
  }

  private void process(String template, Map<String, Object> vars, Locale locale, Writer out) {
    Context ctx = new Context(locale);
    ctx.setVariables(vars);
    try {
      engine.process(template, ctx, out);
    } catch (TemplateProcessingException e) {
      throw new TemplateFailure(diagnostic(template, e), e);
    }
  }

  /** A UI text from the message bundles ({@code ??key??} when missing). */
  public String message(String key, Locale locale) {
    return messages.text(key, locale);
  }

  private Diagnostic diagnostic(String template, TemplateProcessingException e) {
    String name = e.getTemplateName() != null ? e.getTemplateName() : template;
    String file = name;
    if (siteDir != null && name.startsWith(siteDir.toAbsolutePath().toString())) {
      Path site = siteDir.toAbsolutePath();
      Path root = site.getParent();
      file = root.relativize(Path.of(name)).toString().replace('\\', '/');
    } else if (name.startsWith(DEFAULTS)) {
      file = "(bundled) site-templates/" + name.substring(DEFAULTS.length());
    } else if (siteDir != null && Files.isRegularFile(siteDir.resolve(name + ".html"))) {
      file = "site-templates/" + name + ".html";
    } else {
      file = "(bundled) site-templates/" + name + ".html";
    }
    Location where = new Location(file, e.getLine() == null ? 0 : e.getLine(), e.getCol() == null ? 0 : e.getCol());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String msg = e.getMessage();
    if (root != e && root.getMessage() != null) msg = msg + " — " + root.getMessage();
    return Code.TEMPLATE_ERROR.at(where, template, Bi.of(msg, msg));
  }

  /** A template could not be rendered; carries the located diagnostic to show the user. */
  public static final class TemplateFailure extends RuntimeException {
    private final Diagnostic diagnostic;

    TemplateFailure(Diagnostic diagnostic, Throwable cause) {
      super(diagnostic.messageEn(), cause);
      this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
      return diagnostic;
    }
  }
}
