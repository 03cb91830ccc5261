package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.apache.log4j.PropertyConfigurator;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Every generated {@code .html} file is conforming HTML by the Nu Html Checker (vnu, the W3C validator's engine):
 * the HTML schema ({@value #SCHEMA}) plus vnu's Java checks (duplicate ids, ARIA, tables, attribute values, the CSS in
 * {@code style}, …). Errors fail the test, listed as {@code file:line:col: message}; warnings are printed to stdout
 * and do not fail it.
 *
 * <p>Offline: {@link SimpleDocumentValidator} resolves the schemas from copies inside the vnu jar and resolves every
 * other entity to nothing ({@code LocalCacheEntityResolver} over a {@code NullEntityResolver}); only its
 * {@code checkHttpURL}, not used here, fetches.
 */
class HtmlConformanceTest {
  static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

  @Test
  void everyPageOfTheExampleSiteIsConformingHtml() throws Exception {
    Report r = Vnu.checkTree(PortalFixtures.example(), "https://yjj.example.gov.cn/");
    assertTrue(r.files >= 200, "only " + r.files + " HTML files checked");
    r.printWarnings("example site");
    assertEquals("", r.errorText(), r.errors.size() + " vnu errors in " + r.files + " files");
  }

  @Test
  void everyPageOfASiteWithAnActiveIncidentIsConformingHtml() throws Exception {
    Path fixtureOut = PortalFixtures.activeIncident();
    String home = Files.readString(fixtureOut.resolve("index.html"), StandardCharsets.UTF_8);
    assertTrue(home.contains("incident-banner"), "the fixture's incident should be active (banner on the home page)");

    Report report = Vnu.checkTree(fixtureOut, "https://yjj.example.gov.cn/");
    assertTrue(report.files >= 5, "only " + report.files + " HTML files checked");
    report.printWarnings("active-incident site");
    assertEquals("", report.errorText(), report.errors.size() + " vnu errors in " + report.files + " files");
  }

  /** The checker can fail: the same helper reports errors in a page that is obviously wrong. */
  @Test
  void anInvalidSnippetProducesErrorsWithTheirPosition() throws Exception {
    String bad = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>坏页面</title></head>
        <body>
        <p id="x">一</p>
        <p id="x">二</p>
        <span bogus-attribute="1">三</span>
        <ul><div>四</div></ul>
        </body>
        </html>
        """;
    Report r = Vnu.checkString("bad.html", bad);
    String text = r.errorText();
    assertTrue(text.contains("bad.html:6:"), text);
    assertTrue(text.contains("Duplicate ID “x”"), text);
    assertTrue(text.contains("bad.html:7:") && text.contains("bogus-attribute"), text);
    assertTrue(text.contains("bad.html:8:") && text.contains("Element “div” not allowed as child of element “ul”"),
        text);
  }

  /** … and passes one that is right, so the errors above are not noise. */
  @Test
  void aValidSnippetProducesNoErrors() throws Exception {
    String good = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>好页面</title></head>
        <body><main><h1>标题</h1><p id="x">正文</p><ul><li>一</li></ul></main></body>
        </html>
        """;
    Report r = Vnu.checkString("good.html", good);
    assertEquals("", r.errorText());
    assertEquals(1, r.files);
  }

  /**
   * vnu's language detector runs (it reads its profiles through javax.json, see the pom): a page marked zh-CN whose
   * text is English gets its warning, which would catch an English page left with the Chinese {@code lang}. (vnu
   * only guesses from 1024 non-blank characters of text on.)
   */
  @Test
  void languageDetectionWarnsAboutAWrongLang() throws Exception {
    String english = "The county emergency management bureau publishes its annual work plan, the safety inspection "
        + "results of the year and the relief funds allocated to each township, so that residents can check how "
        + "public money is spent and which enterprises were inspected. ";
    String page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Plan</title></head>"
        + "<body><main><h1>Annual plan</h1><p>" + english.repeat(8) + "</p></main></body></html>";
    Report r = Vnu.checkString("en.html", page);
    assertEquals("", r.errorText());
    assertTrue(r.warnings.stream().anyMatch(w -> w.contains("appears to be written in English")), r.warnings::toString);
  }

  /** The vnu messages of one run. */
  static final class Report {
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    int files;

    String errorText() {
      return String.join("\n", errors);
    }

    void printWarnings(String what) {
      System.out.println("vnu (" + what + "): " + files + " HTML files, " + errors.size() + " errors, "
          + warnings.size() + " warnings");
      if (warnings.isEmpty()) return;
      System.out.println("vnu warnings (" + what + ", not failing), " + warnings.size() + ":");
      warnings.forEach(w -> System.out.println("  " + w));
    }
  }

  /** vnu's {@link SimpleDocumentValidator} with an error handler that records each message with its position. */
  static final class Vnu {
    private Vnu() {}

    static {
      // vnu logs through log4j 1.2 (root DEBUG if it configures itself): warnings and worse only, to stderr.
      Properties p = new Properties();
      p.setProperty("log4j.rootLogger", "WARN, A1");
      p.setProperty("log4j.appender.A1", "org.apache.log4j.ConsoleAppender");
      p.setProperty("log4j.appender.A1.Target", "System.err");
      p.setProperty("log4j.appender.A1.layout", "org.apache.log4j.PatternLayout");
      p.setProperty("log4j.appender.A1.layout.ConversionPattern", "%c - %m%n");
      PropertyConfigurator.configure(p);
    }

    /**
     * Checks every {@code .html} file under {@code root} (sorted), reporting paths relative to it. Each page is checked
     * at its address under {@code baseUrl} (the site's), so that vnu's Content-Security-Policy check resolves
     * {@code 'self'} and the pages' relative links as a browser would.
     */
    static Report checkTree(Path root, String baseUrl) throws Exception {
      List<Path> pages;
      try (Stream<Path> s = Files.walk(root)) {
        pages = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".html")).sorted()
            .toList();
      }
      Checker c = new Checker();
      for (Path p : pages) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        c.check(rel, baseUrl + rel, Files.readAllBytes(p));
      }
      return c.report;
    }

    static Report checkString(String name, String html) throws Exception {
      Checker c = new Checker();
      c.check(name, "https://example.org/" + name, html.getBytes(StandardCharsets.UTF_8));
      return c.report;
    }

    /** One validator (schema parsed once) reused for many documents; not thread-safe. */
    private static final class Checker implements ErrorHandler {
      final Report report = new Report();
      final SimpleDocumentValidator validator;
      String name;
      List<String> lines;

      Checker() throws Exception {
        // (no log4j set-up of its own, URLs not logged, language detection on as in the vnu command line)
        validator = new SimpleDocumentValidator(false, false, true);
        validator.setUpMainSchema(SCHEMA, this);
        // noStream: buffer rather than fail on streamability; loadExternalEnts false: never fetch a DTD
        validator.setUpValidatorAndParsers(this, true, false);
      }

      void check(String name, String url, byte[] html) throws Exception {
        this.name = name;
        this.lines = new String(html, StandardCharsets.UTF_8).lines().toList();
        report.files++;
        try (InputStream in = new ByteArrayInputStream(html)) {
          InputSource is = new InputSource(in);
          is.setSystemId(url);
          validator.checkHtmlInputSource(is);
        }
      }

      private String format(String kind, SAXParseException e) {
        int line = e.getLineNumber();
        int col = e.getColumnNumber();
        StringBuilder b = new StringBuilder().append(name).append(':').append(line).append(':').append(col)
            .append(": ").append(kind).append(": ").append(e.getMessage());
        if (lines != null && line >= 1 && line <= lines.size()) {
          String src = lines.get(line - 1);
          int end = Math.min(src.length(), Math.max(col, 0));
          int start = Math.max(0, end - 100);
          b.append("\n    | ").append(src, start, end).append(end < src.length() ? "…" : "");
        }
        return b.toString();
      }

      @Override
      public void warning(SAXParseException e) {
        report.warnings.add(format("warning", e));
      }

      @Override
      public void error(SAXParseException e) {
        report.errors.add(format("error", e));
      }

      @Override
      public void fatalError(SAXParseException e) {
        report.errors.add(format("fatal", e));
      }
    }
  }
}
