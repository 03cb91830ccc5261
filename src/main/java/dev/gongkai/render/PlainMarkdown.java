package dev.gongkai.render;

/**
 * Fast path of {@link Markdown} for the plain Markdown most record bodies are written in: paragraphs of text, ATX
 * headings, hard line breaks and tight numbered lists. For text in that subset {@link #html} gives exactly the HTML
 * the slow path (flexmark, then the jsoup cleaner) gives; for anything else it gives {@code null} and the caller must
 * take the slow path. The slow path is the reference: every rule below was checked against it, and
 * {@code PlainMarkdownTest} compares the two on random input. When in doubt, a rule rejects.
 *
 * <p>The subset, line by line (a line ends at {@code \n} or at the end of the text):
 *
 * <ul>
 *   <li>Every character is "plain": no {@code \r}, tab or other control character, no C1 control, no Unicode space
 *       or separator other than the ideographic space U+3000 (so no U+00A0, U+2028, U+2029), no format character
 *       (U+FEFF, U+200B..U+200F, soft hyphen ...), no unassigned code point, no unpaired surrogate, and none of the
 *       ASCII characters {@code \ ` * _ [ ] < > & ! | ~ # { }} except {@code #} as a heading prefix.
 *   <li>A line of spaces only (or empty) is blank: it ends the current paragraph.
 *   <li>A heading line is 1 to 6 {@code #}, exactly one space, then content that does not start with a space;
 *       trailing spaces are dropped. It ends the current paragraph (ATX headings interrupt paragraphs) and gives
 *       {@code <hN>content</hN>}.
 *   <li>A line of 1 to 9 digits (no leading zero), {@code .}, one space and text is an item of a tight ordered
 *       list: {@code <ol>} (with {@code start} when the first number is not 1) of {@code <li>text</li>}. Its text
 *       follows the paragraph-line rules below. A list must not directly follow a paragraph line, a paragraph line
 *       must not directly follow an item (it would continue it), and after a list and a blank line no item may come
 *       (the list would be a loose one).
 *   <li>Any other line is a paragraph line. It must not start with a space, {@code -}, {@code +} or {@code =}
 *       (lists, setext underlines, thematic breaks, indented code), nor with digits followed by {@code .} or
 *       {@code )} and then a space or the end of the line (ordered lists). Its trailing spaces are dropped; if there
 *       were two or more and the next line continues the paragraph, the line break is a hard one ({@code <br>}).
 * </ul>
 *
 * <p>Each block is written as {@code <p>...</p>}, {@code <hN>...</hN>} or {@code <ol>\n<li>...</li>\n...</ol>}
 * followed by {@code \n}; lines of a
 * paragraph are joined by {@code \n} or {@code <br>\n}. The text itself needs no escaping: the characters jsoup
 * escapes ({@code & < >} and U+00A0) are outside the subset, and it writes {@code "} and {@code '} in text as is.
 */
final class PlainMarkdown {
  private PlainMarkdown() {}

  /**
   * The HTML {@code Markdown.render(markdown).html()} gives for non-blank {@code markdown} (and what the body of
   * {@code Markdown.clean(markdown)} holds), or {@code null} when {@code markdown} is outside the plain subset.
   */
  static String html(String markdown) {
    if (markdown == null) return null;
    int n = markdown.length();
    StringBuilder out = new StringBuilder(n + (n >> 3) + 16);
    boolean inParagraph = false;
    boolean inList = false;
    boolean blankAfterList = false; // a list item now would make the list a loose one
    boolean hardBreak = false; // the previous paragraph line ended with two or more spaces
    int start = 0;
    while (start <= n) {
      int end = markdown.indexOf('\n', start);
      if (end < 0) end = n;
      int last = end; // end of the line without its trailing spaces
      while (last > start && markdown.charAt(last - 1) == ' ') last--;
      int item = last == start ? -1 : itemText(markdown, start, last);
      if (last == start) { // blank line
        if (inParagraph) out.append("</p>\n");
        if (inList) out.append("</ol>\n");
        blankAfterList |= inList;
        inParagraph = false;
        inList = false;
      } else if (markdown.charAt(start) == '#') {
        int level = 0;
        while (start + level < last && markdown.charAt(start + level) == '#') level++;
        int text = start + level + 1;
        if (level > 6 || text >= last || markdown.charAt(text - 1) != ' ' || markdown.charAt(text) == ' '
            || !plain(markdown, text, last)) {
          return null;
        }
        if (inParagraph) out.append("</p>\n");
        if (inList) out.append("</ol>\n");
        inParagraph = false;
        inList = false;
        blankAfterList = false;
        out.append("<h").append(level).append('>').append(markdown, text, last)
            .append("</h").append(level).append(">\n");
      } else if (item >= 0) {
        // An item of a tight ordered list ("1. text"): not after a paragraph line (only "1." may interrupt one, and
        // other numbers continue it), not after a blank line that followed a list (that list would be loose).
        if (inParagraph || blankAfterList || !paragraphStart(markdown, item, last) || !plain(markdown, item, last)) {
          return null;
        }
        if (!inList) {
          int number = Integer.parseInt(markdown, start, item - 2, 10);
          out.append(number == 1 ? "<ol>\n" : "<ol start=\"" + number + "\">\n");
        }
        inList = true;
        out.append("<li>").append(markdown, item, last).append("</li>\n");
      } else {
        // A paragraph line; directly after a list item it would continue the item's text (lazily).
        if (inList || !paragraphStart(markdown, start, end) || !plain(markdown, start, last)) return null;
        if (!inParagraph) out.append("<p>");
        else out.append(hardBreak ? "<br>\n" : "\n");
        out.append(markdown, start, last);
        inParagraph = true;
        blankAfterList = false;
        hardBreak = end - last >= 2;
      }
      start = end + 1;
    }
    if (inParagraph) out.append("</p>\n");
    if (inList) out.append("</ol>\n");
    return out.toString();
  }

  /**
   * The text of {@code markdown}'s blocks as {@code SearchDocs} takes it from {@code Markdown.clean(markdown)}: each
   * paragraph, heading and list item on a line of its own, with its runs of spaces and line breaks made one space and
   * none at either end (jsoup's {@code Element.text()}). {@code null} when {@code markdown} is outside the plain
   * subset (see {@link #html}); the caller must then take the text from the cleaned document.
   */
  static String text(String markdown) {
    String html = html(markdown);
    if (html == null) return null;
    // The HTML above holds only the tags p, h1-h6, ol, li and br, and its text no '<' or entity. A <br> is always
    // followed by a line break, which makes its space.
    StringBuilder out = new StringBuilder(html.length());
    boolean inBlock = false;
    int blockStart = 0; // where the open block's text starts in out
    boolean space = false; // whitespace seen since the block's last character
    for (int i = 0, n = html.length(); i < n; i++) {
      char c = html.charAt(i);
      if (c == '<') {
        int close = html.indexOf('>', i);
        char first = html.charAt(i + 1);
        if (first == 'p' || first == 'h' || (first == 'l' && html.charAt(i + 2) == 'i')) { // <p>, <hN>, <li>
          if (out.length() > 0) out.append('\n');
          inBlock = true;
          blockStart = out.length();
          space = false;
        } else if (first == '/' && html.charAt(i + 2) != 'o') { // </p>, </hN>, </li>; not </ol>
          inBlock = false;
        }
        i = close;
      } else if (!inBlock) {
        continue; // the line breaks between blocks
      } else if (c == ' ' || c == '\n') {
        space = true;
      } else {
        if (space && out.length() > blockStart) out.append(' ');
        space = false;
        int end = i + 1; // the run of text up to the next space, line break or tag, appended at once
        while (end < n && (c = html.charAt(end)) != '<' && c != ' ' && c != '\n') end++;
        out.append(html, i, end);
        i = end - 1;
      }
    }
    return out.toString();
  }

  /**
   * Where the text of an ordered-list item line {@code [start, last)} begins: the line is 1 to 9 digits without a
   * leading zero, {@code .}, one space, then text that does not start with a space. -1 when it is no such line.
   */
  private static int itemText(String s, int start, int last) {
    int i = start;
    while (i < last && i - start < 10 && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
    int digits = i - start;
    if (digits == 0 || digits > 9 || s.charAt(start) == '0') return -1;
    if (i + 2 >= last || s.charAt(i) != '.' || s.charAt(i + 1) != ' ' || s.charAt(i + 2) == ' ') return -1;
    return i + 2;
  }

  /** Whether a paragraph line may start like this: not indented, not a list item, setext underline or rule. */
  private static boolean paragraphStart(String s, int start, int end) {
    char c = s.charAt(start);
    if (c == ' ' || c == '-' || c == '+' || c == '=') return false;
    int i = start;
    while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
    if (i == start || i == end || (s.charAt(i) != '.' && s.charAt(i) != ')')) return true;
    return i + 1 < end && s.charAt(i + 1) != ' '; // "1.5亿" is text, "1. " and "1." start an ordered list
  }

  /** Whether all characters in {@code [from, to)} are plain (see the class comment). */
  private static boolean plain(String s, int from, int to) {
    for (int i = from; i < to; ) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c < 0x20 || c == 0x7f || "\\`*_[]<>&!|~#{}".indexOf(c) >= 0) return false;
        i++;
        continue;
      }
      if (c >= 0x4E00 && c <= 0x9FEF) { // CJK Unified Ideographs, all assigned letters since Unicode 11: most text
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      switch (Character.getType(cp)) {
        case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
            Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
          return false;
        case Character.SPACE_SEPARATOR:
          if (cp != 0x3000) return false;
          break;
        default:
          break;
      }
      i += Character.charCount(cp);
    }
    return true;
  }
}
