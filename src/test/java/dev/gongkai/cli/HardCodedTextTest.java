package dev.gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Chinese text is written into the command line's code: every message comes from the {@code cli_*} and
 * {@code messages_*} bundles, so {@code --lang} reaches all of them. Scans the string, text-block and char literals
 * of {@code src/main/java/dev/gongkai/cli/*.java} for Han characters and Chinese punctuation.
 */
class HardCodedTextTest {
  static final Path CLI = Path.of("src/main/java/dev/gongkai/cli");

  /**
   * Literals that may stay. Each is English picocli help text (help stays English by project rule) naming an
   * official Chinese term the publisher knows it by.
   */
  static final Set<String> ALLOWED = Set.of(
      // Main: what gongkai is.
      "Builds a static government-disclosure portal (政务公开) and open data from catalogue/ and content/.",
      // AuditCommand: the three official fields the audit compares.
      "Check each published record's working days from 成文日期 to 发布日期 against its item's 公开时限.",
      // ReportCommand.Annual: the official report, its format circular and its tables.
      "Print the tables of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号 format) of one year: ",
      "表二 counted from the published records, 表三 and 表四 from catalogue/annual-report/<year>.json.",
      // NewRecordCommand: the official name of what it numbers.
      "Append a record with the agency's next index number (索引号) to the item's record file");

  /**
   * The literals of a Java source with Chinese in them: "…", """…""" and '…', comments skipped. Unicode escapes
   * ({@code \\u4e2d}) are decoded first, as the compiler does.
   */
  static List<String> chineseLiterals(String source) {
    String src = Pattern.compile("\\\\u+([0-9a-fA-F]{4})").matcher(source)
        .replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    List<String> found = new ArrayList<>();
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (src.startsWith("//", i)) {
        i = src.indexOf('\n', i);
        if (i < 0) break;
      } else if (src.startsWith("/*", i)) {
        int end = src.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (src.startsWith("\"\"\"", i)) {
        int end = src.indexOf("\"\"\"", i + 3);
        while (end > 0 && src.charAt(end - 1) == '\\') end = src.indexOf("\"\"\"", end + 1);
        end = end < 0 ? n : end;
        add(found, src.substring(i + 3, end));
        i = end + 3;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        StringBuilder lit = new StringBuilder();
        while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
          if (src.charAt(j) == '\\' && j + 1 < n) {
            j++;
            lit.append('\\');
          }
          lit.append(src.charAt(j));
          j++;
        }
        add(found, lit.toString());
        i = j + 1;
      } else {
        i++;
      }
    }
    return found;
  }

  private static void add(List<String> found, String literal) {
    if (hasChinese(literal)) found.add(literal);
  }

  /** Han characters, CJK symbols and punctuation (。「」〔〕), full-width forms (，：（）). */
  static boolean hasChinese(String s) {
    return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
        || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF));
  }

  @Test
  void theScannerFindsChineseInEveryKindOfLiteral() {
    String src = "// 注释 is fine\n/* 也可以 */ class X { String a = \"ok\", b = \"错误 / error\"; char c = '，';\n"
        + "String t = \"\"\"\n  text 块\n  \"\"\"; String e = \"\\\"引号\\\"\"; String u = \"\\u4e2d\"; }";
    assertEquals(List.of("错误 / error", "，", "\n  text 块\n  ", "\\\"引号\\\"", "中"), chineseLiterals(src));
  }

  @Test
  void noChineseLiteralsInTheCommandLine() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(CLI)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        for (String lit : chineseLiterals(Files.readString(f, StandardCharsets.UTF_8))) {
          if (!ALLOWED.contains(lit)) found.add(f.getFileName() + ": \"" + lit + "\"");
        }
      }
    }
    assertEquals(List.of(), found, "move these into src/main/resources/gongkai/cli_*.properties");
  }
}
