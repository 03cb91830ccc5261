package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {
  @Test
  void scriptsHandlersStylesAndFramesAreRemoved() {
    String html = Markdown.render("正文<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>"
        + "<iframe src=//evil></iframe><p style=\"color:red\" onclick=\"x()\">段落</p>"
        + "[链接](javascript:alert(1))").html();
    for (String bad : List.of("<script", "onerror", "iframe", "style=", "onclick", "javascript:")) {
      assertFalse(html.contains(bad), bad + " survived: " + html);
    }
    assertTrue(html.contains("段落"));
  }

  @Test
  void tablesAreRenderedAndWrappedForSmallScreens() {
    String html = Markdown.render("| 乡镇 | 金额 |\n|---|---|\n| 城关镇 | 12 |\n").html();
    assertTrue(html.contains("<div class=\"table-wrap\" tabindex=\"0\"><table"), html);
    assertTrue(html.contains("<td>城关镇</td>"), html);
  }

  @Test
  void relativeLinksAreRewrittenAndReportedExternalOnesMarked() {
    Markdown.Html h = Markdown.render("![地图](img/map.png) [指南](guide.md#a) [外部](https://www.gov.cn/) [锚](#x)",
        href -> "../" + href);
    assertEquals(List.of("img/map.png", "guide.md"), h.localLinks());
    assertTrue(h.html().contains("src=\"../img/map.png\""), h.html());
    assertTrue(h.html().contains("href=\"https://www.gov.cn/\" rel=\"noopener noreferrer\""), h.html());
    assertTrue(h.html().contains("href=\"#x\""), h.html());
    assertTrue(h.html().contains("alt=\"地图\""), h.html());
  }

  @Test
  void emptyBodyIsEmpty() {
    assertEquals("", Markdown.render("  \n").html());
  }
}
