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
}
