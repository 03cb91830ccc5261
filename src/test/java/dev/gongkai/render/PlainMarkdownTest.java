package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.index.SearchDocs;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PlainMarkdownTest {
  private static final String NOTICE = "为深入贯彻落实……制定本通知。2020年以来，全县共排查各类生产经营单位526家，发现一般事故隐患399处。\n"
      + "\n"
      + "## 一、下一步工作\n"
      + "\n"
      + "对检查中发现的问题……联系电话：0871-6512345。\n"
      + "\n"
      + "特此通知。\n"
      + "\n"
      + "示例县应急管理局  \n"
      + "2020年1月20日\n";

  @Test
  void noticeTakesTheFastPath() {
    assertEquals("<p>为深入贯彻落实……制定本通知。2020年以来，全县共排查各类生产经营单位526家，发现一般事故隐患399处。</p>\n"
        + "<h2>一、下一步工作</h2>\n"
        + "<p>对检查中发现的问题……联系电话：0871-6512345。</p>\n"
        + "<p>特此通知。</p>\n"
        + "<p>示例县应急管理局<br>\n2020年1月20日</p>\n", PlainMarkdown.html(NOTICE));
    assertSameAsSlowPath(NOTICE);
  }

  @Test
  void textOfEachBlockOnItsOwnLine() {
    assertEquals("为深入贯彻落实……制定本通知。2020年以来，全县共排查各类生产经营单位526家，发现一般事故隐患399处。\n"
        + "一、下一步工作\n"
        + "对检查中发现的问题……联系电话：0871-6512345。\n"
        + "特此通知。\n"
        + "示例县应急管理局 2020年1月20日", PlainMarkdown.text(NOTICE));
    assertEquals("甲 乙 丙\n一\n二　 三", PlainMarkdown.text("甲  \n乙\n丙   \n\n1. 一\n2. 二　  三"));
  }

  @Test
  void theIdeographsTakenWithoutALookUpAreAllLetters() {
    // PlainMarkdown.plain passes U+4E00..U+9FEF without asking Character.getType: it must say they are letters.
    for (char c = 0x4E00; c <= 0x9FEF; c++) assertEquals(Character.OTHER_LETTER, Character.getType(c), "U+" + (int) c);
  }

  @Test
  void headingsOneToSix() {
    String md = "# 一\n## 二\n### 三\n#### 四\n##### 五\n###### 六";
    assertEquals("<h1>一</h1>\n<h2>二</h2>\n<h3>三</h3>\n<h4>四</h4>\n<h5>五</h5>\n<h6>六</h6>\n",
        PlainMarkdown.html(md));
    assertSameAsSlowPath(md);
    assertSameAsSlowPath("段落\n## 标题  \n段落");
    assertSameAsSlowPath("# 标题 含  空格  ");
  }

  @Test
  void lineBreaks() {
    assertEquals("<p>甲<br>\n乙</p>\n", PlainMarkdown.html("甲  \n乙  "));
    assertEquals("<p>甲\n乙</p>\n", PlainMarkdown.html("甲 \n乙"), "one trailing space is a soft break");
    assertEquals("<p>甲</p>\n<h1>乙</h1>\n", PlainMarkdown.html("甲   \n# 乙"));
    for (String md : List.of("甲  \n乙  ", "甲 \n乙", "甲   \n# 乙", "甲　  \n乙", "甲  \n\n乙")) assertSameAsSlowPath(md);
  }

  @Test
  void blankLinesMayHoldSpaces() {
    String md = "\n  \n甲\n   \n\n乙\n \n";
    assertEquals("<p>甲</p>\n<p>乙</p>\n", PlainMarkdown.html(md));
    assertSameAsSlowPath(md);
  }

  @Test
  void digitsThatDoNotStartAList() {
    for (String md : List.of("2020年1月20日", "1.5亿元", "3)x", "甲\n2020年", "\"引号\" 'x' 50% a/b:c", "　　全角空格开头")) {
      assertTrue(PlainMarkdown.html(md) != null, md);
      assertSameAsSlowPath(md);
    }
  }

  @Test
  void tightNumberedLists() {
    assertEquals("<p>要求如下：</p>\n<ol>\n<li>加强值守。</li>\n<li>及时报告。</li>\n</ol>\n<p>特此通知。</p>\n",
        PlainMarkdown.html("要求如下：\n\n1. 加强值守。\n2. 及时报告。\n\n特此通知。"));
    assertEquals("<ol start=\"3\">\n<li>甲</li>\n<li>乙</li>\n</ol>\n<h2>二、要求</h2>\n",
        PlainMarkdown.html("3. 甲\n10. 乙  \n## 二、要求"));
    for (String md : List.of("1. item", "## 一\n1. 甲\n2. 乙\n\n3. 2020年", "1. 甲\n\n丙")) assertSameAsSlowPath(md);
  }

  @Test
  void everythingElseTakesTheSlowPath() {
    for (String md : List.of("甲\n1. item", "1. 甲\n续行", "1. 甲\n\n2. 乙", "01. 甲", "0. 甲", "1.  甲", "1. - 甲",
        "1. 2. 甲", "1) 甲", "2020) 年", "1.", "- item", "+ item", "---", "甲\n---", "甲\n===",
        "a *b*", "a & b", "<b>x</b>", "| a | b |", "    code", " 甲", "#no-space", "#  two", "####### seven", "#",
        "甲\tb", "甲\r\n乙", "a\u00a0b", "a\u2028b", "\ufeff甲", "a\u0000b", "\ud800", "a_b", "[x](y)", "a!b", "`x`",
        "a > b", "a\\b", "# 标题 #")) {
      assertNull(PlainMarkdown.html(md), md);
      assertNull(PlainMarkdown.text(md), md);
    }
  }

  @Test
  void randomTextRendersAsOnTheSlowPath() {
    Random random = new Random(20200120L);
    int inputs = 20_000;
    int fast = 0;
    int fastLists = 0;
    for (int k = 0; k < inputs; k++) {
      String md = randomMarkdown(random);
      String plain = PlainMarkdown.html(md);
      if (plain != null) fast++;
      if (plain != null && plain.contains("<li>")) fastLists++;
      assertSameAsSlowPath(md);
    }
    assertTrue(fast > inputs / 5, "only " + fast + " of " + inputs + " took the fast path");
    assertTrue(fastLists > inputs / 40, "only " + fastLists + " inputs with a list took the fast path");
  }

  /** Whatever {@code md} is: the public entry points agree with the slow path, and the fast path where it answers. */
  private static void assertSameAsSlowPath(String md) {
    String message = "for input «" + md.replace("\n", "⏎") + "»";
    UnaryOperator<String> rewrite = href -> "../" + href;
    Markdown.Html slow = Markdown.renderSlow(md, rewrite);
    assertEquals(slow, Markdown.render(md, rewrite), message);
    String plain = PlainMarkdown.html(md);
    if (plain == null) {
      assertNull(PlainMarkdown.text(md), message);
      return;
    }
    if (!md.isBlank()) assertEquals(slow.html(), plain, message); // render answers "" for blank text first
    Document cleanSlow = Markdown.cleanSlow(md);
    Document clean = Markdown.clean(md);
    assertEquals(cleanSlow.body().html(), clean.body().html(), message);
    assertEquals(cleanSlow.outerHtml(), clean.outerHtml(), message);
    assertEquals(cleanSlow.baseUri(), clean.baseUri(), message);
    assertEquals(text(cleanSlow), text(clean), message);
    if (!md.isBlank()) assertEquals(text(cleanSlow), PlainMarkdown.text(md), message); // SearchDocs: "" for blank
  }

  /** The search documents' text of a cleaned document. */
  private static String text(Document doc) {
    return SearchDocs.textOf(doc);
  }

  private static final String[] CJK = {"的", "一", "是", "在", "了", "和", "人", "中", "县", "局", "通", "知", "年", "月",
      "日", "工", "作", "，", "。", "、", "；", "：", "（", "）", "《", "》", "“", "”", "…", "　", "😀"};
  private static final String[] ASCII = {"a", "b", "Z", "0", "1", "2", "9", " ", "  ", "#", "-", ".", ")", "+", "=",
      ":", "/", "%", "\"", "'"};
  private static final String[] SPECIAL = {"*", "&", "<", "|", "\u00a0", "_", "!", "[", "]"};
  private static final String[] STARTS = {"# ", "## ", "###### ", "####### ", "#", "#  ", "2020年", "1. ", "1.", "1.5",
      "3) ", "12)", "2. ", "10. ", "01. ", "0. ", "1234567890. ", "1.  ", "- ", "-", "---", "+ ", "=", "===", " ", "    ", "　　", "\"", "'"};

  /** Lines with biased starts and ends over a mixed alphabet; most inputs avoid Markdown's special characters. */
  private static String randomMarkdown(Random random) {
    boolean special = random.nextInt(4) == 0;
    boolean lists = random.nextInt(3) == 0; // runs of numbered lines, as record bodies have them
    StringBuilder b = new StringBuilder();
    int lines = 1 + random.nextInt(lists ? 9 : 6);
    for (int l = 0; l < lines; l++) {
      if (lists && random.nextInt(3) != 0) b.append(1 + random.nextInt(random.nextBoolean() ? 3 : 12)).append(". ");
      else if (random.nextInt(3) == 0) b.append(STARTS[random.nextInt(STARTS.length)]);
      int chars = random.nextInt(12);
      for (int c = 0; c < chars; c++) {
        b.append(special && random.nextInt(8) == 0
            ? SPECIAL[random.nextInt(SPECIAL.length)]
            : random.nextInt(4) == 0 ? ASCII[random.nextInt(ASCII.length)] : CJK[random.nextInt(CJK.length)]);
      }
      int spaces = random.nextInt(4);
      if (spaces > 0 && random.nextBoolean()) b.append(" ".repeat(spaces)); // hard breaks and trailing spaces
      if (l < lines - 1 || random.nextBoolean()) b.append("\n".repeat(1 + (random.nextInt(3) == 0 ? random.nextInt(3) : 0)));
    }
    return b.toString();
  }
}
