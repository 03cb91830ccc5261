package dev.gongkai.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Diagnostic;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.load.Cell;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A date that is not understood is an error whose message says what it probably is. */
class DateHintsTest {
  private static Diagnostic invalid(String v) {
    Diagnostics diags = new Diagnostics();
    assertTrue(Values.optionalDate(new Cell(v, new Location("r.csv", 2, 5)), diags).isEmpty(), v);
    assertEquals(1, diags.total(), v);
    return diags.sorted().get(0);
  }

  @Test
  void eachMistakeGetsItsOwnHint() {
    Map<String, String> cases = Map.of(
        "二〇二四年五月十日", "the date is in Chinese numerals; write 2024-05-10",
        "二〇二四年十二月三十一日", "the date is in Chinese numerals; write 2024-12-31",
        "二〇二四年", "the date is in Chinese numerals and incomplete: write year, month and day in digits, e.g. 2024-01-01",
        "２０２４－０５－１０", "it uses full-width digits or punctuation; write 2024-05-10",
        "20240510", "write 2024-05-10",
        "45422", "this looks like an Excel date serial number (2024-05-10): format the column as dates or text and export again",
        "10/05/2024", "write the year first: YYYY-MM-DD",
        "2024年5月", "the day is missing",
        "2024-13-01", "there is no month 13",
        "0024-05-10", "the year must be 1900–2099");
    cases.forEach((v, why) -> assertEquals("\"" + v + "\" is not a valid date: " + why, invalid(v).messageEn()));
    assertTrue(invalid("二〇二四年五月十日").messageZh().contains("应写成 2024-05-10"));
    assertEquals("\"2024-02-30\" is not a valid date: no such day in the calendar", invalid("2024-02-30").messageEn());
    assertEquals("\"yesterday\" is not a valid date: not a recognised date format", invalid("yesterday").messageEn());
  }

  @Test
  void aHugeValueIsShortenedInTheMessage() {
    Diagnostic d = invalid("2024".repeat(100_000));
    assertTrue(d.messageEn().length() < 200, d.messageEn().length() + " chars");
  }
}
