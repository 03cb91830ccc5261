package dev.gongkai.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void everyCodeHasMessageAndHintInBothLanguages() {
    List<String> missing = new ArrayList<>();
    for (Code c : Code.values()) {
      for (Messages m : List.of(Messages.ZH, Messages.EN)) {
        if (!m.has(c.id())) missing.add((m == Messages.ZH ? "zh " : "en ") + c.id());
        if (!m.has(c.id() + ".hint")) missing.add((m == Messages.ZH ? "zh " : "en ") + c.id() + ".hint");
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyMessageFormatsWithoutThrowingAndFillsItsArguments() {
    for (Code c : Code.values()) {
      Diagnostic d = c.at(new Location("a.csv", 3, 7), "x", "ARG0", "ARG1", "ARG2", "ARG3", "ARG4");
      assertFalse(d.messageZh().contains("{"), c.id() + " zh has an unfilled placeholder: " + d.messageZh());
      assertFalse(d.messageEn().contains("{0}"), c.id() + " en has an unfilled placeholder: " + d.messageEn());
      assertFalse(d.hintEn().contains("{0}") || d.hintZh().contains("{0}"), c.id() + " hint placeholder");
    }
  }

  @Test
  void bilingualArgumentsShowTheirLanguage() {
    Diagnostic d = Code.FILE_MISSING.at(Location.file("r.csv"), "", Bi.of("链接的文件", "linked file"), "a.pdf");
    assertEquals("链接的文件“a.pdf”不存在", d.messageZh());
    assertEquals("linked file \"a.pdf\" does not exist", d.messageEn());
  }

  @Test
  void fieldsAreNamedByTheirChineseHeaderInEnglishToo() {
    Diagnostic d = Code.FIELD_REQUIRED.at(Location.file("r.csv"), "", Bi.field("发布日期", "published"));
    assertEquals("必填字段“发布日期”为空", d.messageZh());
    assertEquals("required field 发布日期 (published) is empty", d.messageEn());
    assertEquals("fill in 发布日期 (published)", d.hintEn());
    Diagnostic order = Code.DATE_ORDER.at(Location.file("r.csv"), "", "2024-01-01", "2024-02-01");
    assertEquals("发布日期 (published) 2024-01-01 is before 成文日期 (written) 2024-02-01", order.messageEn());
  }

  @Test
  void numbersArePlainUnlessThePatternAsksAndChoiceGivesPlurals() {
    assertEquals("1 error, 12345 warnings", Messages.CLI_EN.format("diag.summary", 1, 12345));
    assertEquals("0 errors, 1 warning", Messages.CLI_EN.format("diag.summary", 0, 1));
    assertEquals("1 个错误，2 个警告", Messages.CLI_ZH.format("diag.summary", 1, 2));
    assertTrue(Messages.CLI_EN.format("progress.pages", 12345, 2).startsWith("rendering: 12,345 pages written"));
    // A number argument of a diagnostic shows as before, ungrouped.
    assertEquals("this row has 12345 fields, the header has 3", Messages.EN.format("csv-field-count", 12345, 3));
  }

  @Test
  void theCliBundlesHaveTheSameKeysAndFormat() {
    assertEquals(Messages.CLI_ZH.keys(), Messages.CLI_EN.keys());
    for (String key : Messages.CLI_EN.keys()) {
      for (Messages m : List.of(Messages.CLI_ZH, Messages.CLI_EN)) {
        String s = m.format(key, 1, 2, 3, 4, 5, 6, 7);
        assertFalse(s.contains("{") || s.contains("}"), key + ": " + s);
      }
    }
  }

  @Test
  void everyApostropheInAPatternIsDoubled() throws IOException {
    // A lone ' starts a quoted run in MessageFormat: the apostrophe vanishes and {0} is printed as it is.
    for (String bundle : List.of("messages_zh_CN", "messages_en", "cli_zh_CN", "cli_en")) {
      Properties p = new Properties();
      try (InputStream in = getClass().getResourceAsStream("/gongkai/" + bundle + ".properties")) {
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      for (String key : p.stringPropertyNames()) {
        // Allowed: '' (an apostrophe) and '{' / '}' (a literal brace).
        String rest = p.getProperty(key).replace("''", "").replace("'{'", "").replace("'}'", "");
        assertFalse(rest.contains("'"), bundle + " " + key);
      }
    }
  }

  @Test
  void codesAreKebabCase() {
    assertEquals("date-invalid", Code.DATE_INVALID.id());
    assertEquals("csv-unclosed-quote", Code.CSV_UNCLOSED_QUOTE.id());
  }

  @Test
  void collectorIsBoundedButCountsEverything() {
    Diagnostics diags = new Diagnostics(3);
    for (int i = 0; i < 10; i++) diags.report(Code.DATE_INVALID, new Location("f.csv", 10 - i, 1), "", "x", "y");
    diags.report(Code.DOCNO_BRACKETS, Location.file("f.csv"), "", "a", "b");
    assertEquals(3, diags.sorted().size());
    assertEquals(10, diags.errorCount());
    assertEquals(1, diags.warningCount());
    assertTrue(diags.hasErrors());
    // sorted by location
    assertTrue(diags.sorted().get(0).location().line() <= diags.sorted().get(1).location().line());
  }
}
