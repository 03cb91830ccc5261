package dev.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Reading 公开时限 cells. */
class TimeLimitTest {

  @ParameterizedTest
  @CsvSource({
      "信息形成或变更之日起20个工作日内, 20",
      "信息产生、变更之日起20个工作日内, 20",
      "事故调查报告批复之日起20个工作日内, 20",
      "自形成之日起二十个工作日内, 20",
      "15个工作日内, 15",
      "收到申请之日起 20 工作日内, 20",
      "信息形成之日起２０个工作日内, 20",
      "十五个工作日, 15",
  })
  void workingDays(String text, int days) {
    TimeLimit l = TimeLimit.parse(text);
    assertEquals(TimeLimit.Unit.WORKING_DAYS, l.unit(), text);
    assertEquals(days, l.days(), text);
    assertTrue(l.auditable() && l.workingDays());
    assertNull(l.reason());
    assertEquals(text, l.text());
  }

  @ParameterizedTest
  @CsvSource({
      "信息形成之日起7日内, 7",
      "决定作出之日起15天内, 15",
      "30个自然日内, 30",
      "信息形成后十日以内, 10",
  })
  void calendarDays(String text, int days) {
    TimeLimit l = TimeLimit.parse(text);
    assertEquals(TimeLimit.Unit.CALENDAR_DAYS, l.unit(), text);
    assertEquals(days, l.days(), text);
    assertTrue(l.auditable());
    assertFalse(l.workingDays());
  }

  @ParameterizedTest
  @CsvSource(value = {
      "信息形成后即时公开|immediately",
      "按进展情况及时公开|promptly",
      "重大决策作出后及时公开|promptly",
      "提前一周发通知邀请|no period",
      "每月10日内|no period",
      "长期公开|no period",
  }, delimiter = '|')
  void notAuditable(String text, String reasonEn) {
    TimeLimit l = TimeLimit.parse(text);
    assertEquals(TimeLimit.Unit.NONE, l.unit(), text);
    assertFalse(l.auditable());
    assertEquals(0, l.days());
    assertNotNull(l.reason());
    assertTrue(l.reason().en().contains(reasonEn), l.reason().en());
    assertFalse(l.reason().zh().isBlank());
  }

  @Test
  void blankOrMissing() {
    assertFalse(TimeLimit.parse("").auditable());
    assertFalse(TimeLimit.parse(null).auditable());
    assertEquals("", TimeLimit.parse(null).text());
    assertEquals("no time limit given", TimeLimit.parse("  ").reason().en());
  }

  @Test
  void chineseNumerals() {
    assertEquals(10, TimeLimit.number("十"));
    assertEquals(15, TimeLimit.number("十五"));
    assertEquals(20, TimeLimit.number("二十"));
    assertEquals(2, TimeLimit.number("两"));
    assertEquals(120, TimeLimit.number("一百二十"));
    assertEquals(105, TimeLimit.number("一百零五"));
  }
}
