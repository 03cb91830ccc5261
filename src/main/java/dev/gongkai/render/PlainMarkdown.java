package dev.gongkai.render;

/**
 * Fast path of {@link Markdown} for the plain Markdown most record bodies are written in: paragraphs of text, ATX
 * headings and hard line breaks. For text in that subset {@link #html} gives exactly the HTML the slow path (flexmark,
 * then the jsoup cleaner) gives; for anything else it gives {@code null} and the caller must take the slow path. The
 * slow path is the reference: every rule below was checked against it, and {@code PlainMarkdownTest} compares the
 * two on random input. When in doubt, a rule rejects.
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
 *   <li>Any other line is a paragraph line. It must not start with a space, {@code -}, {@code +} or {@code =}
 *       (lists, setext underlines, thematic breaks, indented code), nor with digits followed by {@code .} or
 *       {@code )} and then a space or the end of the line (ordered lists). Its trailing spaces are dropped; if there
 *       were two or more and the next line continues the paragraph, the line break is a hard one ({@code <br>}).
 * </ul>
 *
 * <p>Each block is written as {@code <p>...</p>} or {@code <hN>...</hN>} followed by {@code \n}; lines of a
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
    boolean hardBreak = false; // the previous paragraph line ended with two or more spaces
    int start = 0;
    while (start <= n) {
      int end = markdown.indexOf('\n', start);
      if (end < 0) end = n;
      int last = end; // end of the line without its trailing spaces
      while (last > start && markdown.charAt(last - 1) == ' ') last--;
      if (last == start) { // blank line
        if (inParagraph) out.append("</p>\n");
        inParagraph = false;
      } else if (markdown.charAt(start) == '#') {
        int level = 0;
        while (start + level < last && markdown.charAt(start + level) == '#') level++;
        int text = start + level + 1;
        if (level > 6 || text >= last || markdown.charAt(text - 1) != ' ' || markdown.charAt(text) == ' '
            || !plain(markdown, text, last)) {
          return null;
        }
        if (inParagraph) out.append("</p>\n");
        inParagraph = false;
        out.append("<h").append(level).append('>').append(markdown, text, last)
            .append("</h").append(level).append(">\n");
      } else {
        if (!paragraphStart(markdown, start, end) || !plain(markdown, start, last)) return null;
        if (!inParagraph) out.append("<p>");
        else out.append(hardBreak ? "<br>\n" : "\n");
        out.append(markdown, start, last);
        inParagraph = true;
        hardBreak = end - last >= 2;
      }
      start = end + 1;
    }
    if (inParagraph) out.append("</p>\n");
    return out.toString();
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
