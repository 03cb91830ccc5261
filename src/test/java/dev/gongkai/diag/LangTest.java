package dev.gongkai.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LangTest {
  private static Lang env(Map<String, String> vars) {
    return Lang.fromEnvironment(vars::get);
  }

  @Test
  void theEnvironmentChoosesByTheFirstVariableSet() {
    assertEquals(Lang.BOTH, env(Map.of()));
    assertEquals(Lang.ZH_CN, env(Map.of("LANG", "zh_CN.UTF-8")));
    assertEquals(Lang.ZH_CN, env(Map.of("LANG", "zh_TW.Big5")));
    assertEquals(Lang.EN, env(Map.of("LANG", "en_GB.UTF-8")));
    // LC_ALL, then LC_MESSAGES, then LANG, then LANGUAGE.
    assertEquals(Lang.EN, env(Map.of("LC_ALL", "en_US.UTF-8", "LC_MESSAGES", "zh_CN", "LANG", "zh_CN")));
    assertEquals(Lang.ZH_CN, env(Map.of("LC_MESSAGES", "zh_CN.UTF-8", "LANG", "en_US.UTF-8")));
    assertEquals(Lang.EN, env(Map.of("LANG", "en_US.UTF-8", "LANGUAGE", "zh_CN")));
    assertEquals(Lang.ZH_CN, env(Map.of("LANGUAGE", "zh_CN:en_US")));
    // An empty variable is unset; C, POSIX and other languages print both.
    assertEquals(Lang.ZH_CN, env(Map.of("LC_ALL", "", "LANG", "zh_CN.UTF-8")));
    assertEquals(Lang.BOTH, env(Map.of("LC_ALL", "C", "LANG", "zh_CN.UTF-8")));
    assertEquals(Lang.BOTH, env(Map.of("LANG", "C.UTF-8")));
    assertEquals(Lang.BOTH, env(Map.of("LANG", "POSIX")));
    assertEquals(Lang.BOTH, env(Map.of("LANG", "fr_FR.UTF-8", "LANGUAGE", "en")));
  }

  @Test
  void parsesTheOptionsValues() {
    assertEquals(Optional.of(Lang.ZH_CN), Lang.parse("zh-CN"));
    assertEquals(Optional.of(Lang.ZH_CN), Lang.parse("zh_cn"));
    assertEquals(Optional.of(Lang.ZH_CN), Lang.parse("zh"));
    assertEquals(Optional.of(Lang.EN), Lang.parse("EN"));
    assertEquals(Optional.of(Lang.BOTH), Lang.parse("both"));
    assertEquals(Optional.empty(), Lang.parse("fr"));
    assertEquals(Optional.empty(), Lang.parse(""));
  }

  @Test
  void textsInOneOrBothLanguages() {
    assertEquals("1 个错误，2 个警告", Lang.ZH_CN.text("diag.summary", 1, 2));
    assertEquals("1 error, 2 warnings", Lang.EN.text("diag.summary", 1, 2));
    assertEquals("1 个错误，2 个警告 / 1 error, 2 warnings", Lang.BOTH.text("diag.summary", 1, 2));
    assertEquals(List.of("提示：x", "hint: x"), Lang.BOTH.lines("diag.hint", "x"));
    assertEquals("找不到目录：/a", Lang.ZH_CN.labelled("error.no-such-folder", "/a"));
    assertEquals("no such folder: /a", Lang.EN.labelled("error.no-such-folder", "/a"));
    assertEquals("找不到目录 / no such folder: /a", Lang.BOTH.labelled("error.no-such-folder", "/a"));
    assertEquals("找不到目录 / no such folder:", Lang.BOTH.labelled("error.no-such-folder", ""));
    assertEquals("甲 / a", Lang.BOTH.pick(Bi.of("甲", "a")));
    assertEquals("a", Lang.EN.pick(Bi.of("甲", "a")));
  }
}
