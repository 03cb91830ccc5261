package dev.gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlInjectorTest {

  private static String inject(String page) {
    return new String(HtmlInjector.inject(page.getBytes(StandardCharsets.UTF_8), "[O]", "[S]"), StandardCharsets.UTF_8);
  }

  @Test
  void insertsAfterBodyStartAndBeforeBodyEnd() {
    assertEquals("<html><body>[O]x[S]</body></html>", inject("<html><body>x</body></html>"));
    assertEquals(
        "<BODY class=\"a>b\" data-x='>'>[O]中文[S]</Body >",
        inject("<BODY class=\"a>b\" data-x='>'>中文</Body >"));
    assertEquals("<table><tbody></tbody></table>[O][S]", inject("<table><tbody></tbody></table>"));
    assertEquals("<body>[O]x</bodyx>[S]", inject("<body>x</bodyx>"));
    assertEquals("<p>x</p>[O][S]", inject("<p>x</p>"));
    assertEquals("<body>[O]a</body>b[S]</body>", inject("<body>a</body>b</body>"));
  }

  @Test
  void thePreviewDropsTheContentSecurityPolicyMetaSoItsInlineScriptRuns() {
    String page = "<html><head><meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\"\n"
        + "        content=\"default-src 'self'\">\n<title>t</title></head><body>x</body></html>";
    String out = new String(HtmlInjector.withoutCspMeta(page.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assertions.assertFalse(out.contains("Content-Security-Policy"), out);
    org.junit.jupiter.api.Assertions.assertTrue(out.contains("<meta charset=\"utf-8\">") && out.contains("<title>t</title>"));
    String plain = "<html><body>x</body></html>";
    org.junit.jupiter.api.Assertions.assertEquals(plain,
        new String(HtmlInjector.withoutCspMeta(plain.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
  }
}
