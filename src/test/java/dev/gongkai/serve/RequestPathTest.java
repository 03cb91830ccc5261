package dev.gongkai.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPathTest {

  @Test
  void decodesUtf8AndKeepsPlus() {
    RequestPath p = RequestPath.parse("/%E5%85%AC%E5%BC%80//a+b%20c.html").orElseThrow();
    assertEquals(List.of("公开", "a+b c.html"), p.segments());
    assertEquals("a+b c.html", p.fileName());
    assertEquals(false, p.trailingSlash());
    assertEquals(List.of(), RequestPath.parse("/").orElseThrow().segments());
    assertTrue(RequestPath.parse("/docs/").orElseThrow().trailingSlash());
  }

  @Test
  void rejectsEscapesAndMalformedInput() {
    for (String raw :
        List.of(
            "/..", "/a/../b", "/%2e%2e/x", "/%2E./x", "/.", "/a%2fb", "/a%5cb", "/a\\b", "/%00", "/%e5%85",
            "/%zz", "/%4", "relative")) {
      assertTrue(RequestPath.parse(raw).isEmpty(), raw);
    }
  }
}
