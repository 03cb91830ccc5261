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
}
