package dev.gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gongkai.load.XlsxValues.Kind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class XlsxValuesTest {
  @Test
  void numberFormatsAreToldApart() {
    assertEquals(Kind.DATE, XlsxValues.kind(14, "mm-dd-yy"));
    assertEquals(Kind.DATE, XlsxValues.kind(31, null)); // zh-CN built-in yyyy"年"m"月"d"日
    assertEquals(Kind.DATE, XlsxValues.kind(57, null));
    assertEquals(Kind.TIME, XlsxValues.kind(20, null));
    assertEquals(Kind.DATE_TIME, XlsxValues.kind(22, null));
    assertEquals(Kind.DATE, XlsxValues.kind(176, "yyyy/m/d;@"));
    assertEquals(Kind.DATE, XlsxValues.kind(177, "[$-804]yyyy\"年\"m\"月\"d\"日\";@"));
    assertEquals(Kind.DATE, XlsxValues.kind(178, "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\""));
    assertEquals(Kind.DATE_TIME, XlsxValues.kind(179, "yyyy/m/d h:mm"));
    assertEquals(Kind.TIME, XlsxValues.kind(180, "h:mm AM/PM"));
    assertEquals(Kind.TIME, XlsxValues.kind(181, "[h]:mm:ss"));
    assertEquals(Kind.DATE, XlsxValues.kind(182, "mmmm"));
    assertEquals(Kind.NUMBER, XlsxValues.kind(0, "General"));
    assertEquals(Kind.NUMBER, XlsxValues.kind(183, "000000000"));
    assertEquals(Kind.NUMBER, XlsxValues.kind(184, "#,##0.00\"元\""));
    assertEquals(Kind.NUMBER, XlsxValues.kind(185, "0.00E+00"));
    assertEquals(Kind.NUMBER, XlsxValues.kind(186, "[Red]-0.00"));
    assertEquals(Kind.NUMBER, XlsxValues.kind(49, "@"));
    assertEquals(Kind.NUMBER, XlsxValues.kind(null, null));
  }

  @Test
  void numbersAreShownWithFifteenDigitsAtMost() {
    assertEquals("12", XlsxValues.plain(new BigDecimal("12.0"), null));
    assertEquals("0.3", XlsxValues.plain(new BigDecimal("0.30000000000000004"), null));
    assertEquals("-0.5", XlsxValues.plain(new BigDecimal("-0.5"), null));
    assertEquals("1230000", XlsxValues.plain(new BigDecimal("1.23E6"), null));
    assertEquals("0", XlsxValues.plain(new BigDecimal("-0.0"), null));
    assertEquals("000123", XlsxValues.plain(new BigDecimal("123"), "000000"));
    assertEquals("1234567", XlsxValues.plain(new BigDecimal("1234567"), "000000"));
    assertEquals("12.5", XlsxValues.plain(new BigDecimal("12.5"), "0000"));
  }

  @Test
  void datesUseTheWorkbooksDateSystem() {
    assertEquals("2024-03-05", XlsxValues.dateText(45356, Kind.DATE, null, false));
    assertEquals("2024-03-05", XlsxValues.dateText(43894, Kind.DATE, null, true)); // 1904 system
    assertEquals("1900-02-28", XlsxValues.dateText(59, Kind.DATE, null, false));
    assertEquals("1900-03-01", XlsxValues.dateText(61, Kind.DATE, null, false));
    assertEquals("2024-03-06", XlsxValues.dateText(45356.9999999, Kind.DATE_TIME, "yyyy/m/d h:mm", false));
  }

  @Test
  void escapesAreDecoded() {
    assertEquals("a\rb", XlsxValues.unescape("a_x000D_b"));
    assertEquals("_x0041_", XlsxValues.unescape("_x005F_x0041_"));
    assertEquals("_x12_ stays", XlsxValues.unescape("_x12_ stays"));
  }
}
