package dev.gongkai.validate;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.Cell;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds unmasked personal data in text that is about to be published: 18-digit resident ID numbers with a valid
 * GB 11643 check digit (and a plausible birth date), mobile numbers (1[3-9] + 9 digits) and Luhn-valid bank card
 * numbers (16–19 digits). Masked forms such as {@code 110105********002X} and {@code 138****5678} pass, as do digit
 * runs that fail the check digit (most order or serial numbers).
 */
public final class PersonalData {
  private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx])(?![0-9A-Za-z])");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d{9})(?!\\d)");
  private static final Pattern CARD = Pattern.compile("(?<!\\d)(\\d{16,19})(?!\\d)");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private PersonalData() {}

  /** Reports every kind of unmasked personal data found in {@code cell}; {@code column} names it for the message. */
  public static void check(Cell cell, String column, Diagnostics diags) {
    String v = cell.value();
    if (v.length() < 11) return;
    Matcher m = ID.matcher(v);
    while (m.find()) {
      if (validId(m.group(1))) {
        diags.report(Code.PERSONAL_ID, cell.location(), maskId(m.group(1)), column, maskId(m.group(1)));
      }
    }
    m = MOBILE.matcher(v);
    while (m.find()) {
      String masked = m.group(1).substring(0, 3) + "****" + m.group(1).substring(7);
      diags.report(Code.PERSONAL_PHONE, cell.location(), masked, column, masked);
    }
    m = CARD.matcher(v);
    while (m.find()) {
      String n = m.group(1);
      if (n.length() == 18 && validId(n)) continue; // already reported as an ID number
      if (luhn(n)) {
        String masked = n.substring(0, 4) + "*".repeat(n.length() - 8) + n.substring(n.length() - 4);
        diags.report(Code.PERSONAL_BANKCARD, cell.location(), masked, column, masked);
      }
    }
  }

  /** GB 11643-1999: region digits, a real birth date and the ISO 7064 MOD 11-2 check character. */
  public static boolean validId(String id) {
    if (id.length() != 18) return false;
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (id.charAt(i) - '0') * WEIGHTS[i];
    if (Character.toUpperCase(id.charAt(17)) != CHECK[sum % 11]) return false;
    try {
      int y = Integer.parseInt(id.substring(6, 10));
      java.time.LocalDate.of(y, Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
      return y >= 1890 && y <= 2100;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  public static boolean luhn(String digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /** The masked form shown in diagnostics (never the full number): first 6, 8 stars, last 4. */
  static String maskId(String id) {
    return id.substring(0, 6) + "********" + id.substring(14);
  }
}
