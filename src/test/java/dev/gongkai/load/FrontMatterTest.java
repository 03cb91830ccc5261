package dev.gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
  @Test
  void jbakeHeaderIsSplitFromTheBodyWithRealLineNumbers() {
    Diagnostics diags = new Diagnostics();
    PageSource p = FrontMatter.parse(new SourceText("content/a.md",
        "title=关于我们\r\ntype=page\n\nstatus = published\n~~~~~~\n正文第一行\n第二行"), diags);
    assertTrue(p.hasHeader());
    assertEquals("关于我们", p.get("title").orElseThrow().value());
    assertEquals("published", p.get("status").orElseThrow().value());
    assertEquals(4, p.get("status").orElseThrow().location().line());
    assertEquals(6, p.bodyLine());
    assertEquals("正文第一行\n第二行", p.body());
    assertEquals(0, diags.total());
  }

  @Test
  void noSeparatorMeansNoHeader() {
    PageSource p = FrontMatter.parse(new SourceText("content/b.md", "# 标题\n正文"), new Diagnostics());
    assertFalse(p.hasHeader());
    assertEquals("# 标题\n正文", p.body());
  }

  @Test
  void badHeaderLinesAreReportedAtTheirLine() {
    Diagnostics diags = new Diagnostics();
    FrontMatter.parse(new SourceText("content/c.md", "title=x\njust text\ntitle=y\n~~~~~~\n"), diags);
    assertEquals(2, diags.errorCount());
    assertEquals(Code.FRONTMATTER_INVALID, diags.sorted().get(0).code());
    assertEquals("content/c.md:2:1", diags.sorted().get(0).location().toString());
    assertEquals("content/c.md:3:1", diags.sorted().get(1).location().toString());
  }
}
