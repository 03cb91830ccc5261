package dev.gongkai.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.load.Cell;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalDataTest {
  private static List<Code> codes(String text) {
    Diagnostics diags = new Diagnostics();
    PersonalData.check(new Cell(text, new Location("r.csv", 3, 2)), "备注", diags);
    return diags.sorted().stream().map(d -> d.code()).toList();
  }

  @Test
  void validIdNumbersByCheckDigit() {
    assertTrue(PersonalData.validId("11010519491231002X"));
    assertTrue(PersonalData.validId("110105194912310029".substring(0, 17) + "X"));
    assertFalse(PersonalData.validId("110105194912310021"), "wrong check digit");
    assertFalse(PersonalData.validId("11010519491331002X".substring(0, 17) + "X"), "no 13th month");
  }

  @Test
  void unmaskedDataIsFoundAndMaskedFormsPass() {
    assertEquals(List.of(Code.PERSONAL_ID), codes("身份证 11010519491231002X 的申请"));
    assertEquals(List.of(Code.PERSONAL_PHONE), codes("电话13812345678"));
    assertEquals(List.of(Code.PERSONAL_BANKCARD), codes("卡号 6222020200112233446"));
    assertEquals(List.of(), codes("110105********002X，138****5678，6222********3446"));
    assertEquals(List.of(), codes("座机 0871-6512345，索引号 015583216/2024-00012，金额 1234567.89"));
    assertEquals(List.of(), codes("订单号 1234567812345678"), "16 digits failing Luhn are not a card");
  }

  @Test
  void diagnosticsNeverRepeatTheFullNumber() {
    Diagnostics diags = new Diagnostics();
    PersonalData.check(new Cell("11010519491231002X", new Location("r.csv", 1, 1)), "身份证号", diags);
    String shown = diags.sorted().get(0).text() + diags.sorted().get(0).hintZh() + diags.sorted().get(0).messageZh();
    assertFalse(shown.contains("11010519491231002X"));
    assertTrue(shown.contains("110105********002X"));
  }

  @Test
  void luhn() {
    assertTrue(PersonalData.luhn("4111111111111111"));
    assertFalse(PersonalData.luhn("4111111111111112"));
  }

  // The old, whole-text search: the oracle for the search restricted to digit stretches.
  private static final java.util.regex.Pattern ID18 = java.util.regex.Pattern.compile(
      "(?<![0-9A-Za-z])(\\d{6})[ -]?(\\d{8})[ -]?(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
  private static final java.util.regex.Pattern ID15 =
      java.util.regex.Pattern.compile("(?<![0-9A-Za-z])(\\d{15})(?![0-9A-Za-z])");
  private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile(
      "(?<![\\d+])(?:(?:\\+|00)?86[ -]?)?(1[3-9]\\d)[ -]?(\\d{4})[ -]?(\\d{4})(?!\\d)");
  private static final java.util.regex.Pattern CARD = java.util.regex.Pattern.compile(
      "(?<!\\d)(?:\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]\\d{1,3})?)(?!\\d)");

  private static List<PersonalData.Hit> wholeText(String text) {
    List<PersonalData.Hit> hits = new java.util.ArrayList<>();
    StringBuilder b = new StringBuilder(text);
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c >= '０' && c <= '９') b.setCharAt(i, (char) ('0' + (c - '０')));
      else if (c == 'Ｘ' || c == 'ｘ') b.setCharAt(i, 'X');
    }
    String v = b.toString();
    List<int[]> taken = new java.util.ArrayList<>();
    java.util.function.Consumer<PersonalData.Hit> add = h -> {
      for (int[] t : taken) if (h.start() < t[1] && t[0] < h.end()) return;
      taken.add(new int[] {h.start(), h.end()});
      hits.add(h);
    };
    var m = ID18.matcher(v);
    while (m.find()) {
      String id = m.group(1) + m.group(2) + m.group(3);
      if (PersonalData.validId(id)) add.accept(new PersonalData.Hit(Code.PERSONAL_ID, m.start(), m.end(), PersonalData.maskId(id)));
    }
    m = ID15.matcher(v);
    while (m.find()) {
      if (PersonalData.validId15(m.group(1))) {
        add.accept(new PersonalData.Hit(Code.PERSONAL_ID, m.start(), m.end(), PersonalData.maskId(m.group(1))));
      }
    }
    m = MOBILE.matcher(v);
    while (m.find()) add.accept(new PersonalData.Hit(Code.PERSONAL_PHONE, m.start(), m.end(), m.group(1) + "****" + m.group(3)));
    m = CARD.matcher(v);
    while (m.find()) {
      String n = m.group().replaceAll("[ -]", "");
      if (PersonalData.luhn(n)) add.accept(new PersonalData.Hit(Code.PERSONAL_BANKCARD, m.start(), m.end(), PersonalData.maskCard(n)));
    }
    hits.sort(java.util.Comparator.comparingInt(PersonalData.Hit::start));
    return hits;
  }

  @Test
  void searchingDigitStretchesFindsWhatSearchingTheWholeTextFinds() {
    java.util.Random r = new java.util.Random(20261130);
    String[] pieces = {"0", "1", "3", "8", "9", "X", "x", "Ｘ", "５", " ", "-", "+", "86", "00", "a", "Z", "号", "电话",
        "：", "\n", "13812345678", "110101199003071234", "11010119900307123X", "6222020200112233445",
        "4111 1111 1111 1111", "130503670401001", "+86 138-1234-5678", "0086 13812345678"};
    int withHits = 0;
    for (int n = 0; n < 20000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0, len = 1 + r.nextInt(14); k < len; k++) b.append(pieces[r.nextInt(pieces.length)]);
      String text = b.toString();
      List<PersonalData.Hit> expected = wholeText(text);
      if (!expected.isEmpty()) withHits++;
      assertEquals(expected, PersonalData.find(text), text);
    }
    assertTrue(withHits > 2000, "the texts exercise the patterns: " + withHits);
  }
}
