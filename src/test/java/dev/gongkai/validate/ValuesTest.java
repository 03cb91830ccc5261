package dev.gongkai.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.load.Cell;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private static Cell cell(String v) {
    return new Cell(v, new Location("r.csv", 2, 5));
  }

  @Test
  void acceptsTheDateFormsSpreadsheetsProduce() {
    Diagnostics diags = new Diagnostics();
    for (String s : List.of("2024-03-05", "2024/3/5", "2024年3月5日", " 2024.03.05 ")) {
      assertEquals(Optional.of(LocalDate.of(2024, 3, 5)), Values.optionalDate(cell(s), diags), s);
    }
    assertEquals(0, diags.total());
  }

  @Test
  void rejectsImpossibleAndUnrecognisedDates() {
    for (String s : List.of("2024-02-30", "2023-02-29", "2024-13-01", "二〇二四年三月五日", "05/03/2024")) {
      Diagnostics diags = new Diagnostics();
      assertTrue(Values.optionalDate(cell(s), diags).isEmpty(), s);
      assertEquals(Code.DATE_INVALID, diags.sorted().get(0).code(), s);
    }
    assertEquals(Optional.of(LocalDate.of(2024, 2, 29)), Values.optionalDate(cell("2024-02-29"), new Diagnostics()));
  }

  @Test
  void requiredDateReportsEmpty() {
    Diagnostics diags = new Diagnostics();
    assertTrue(Values.date(cell(" "), Bi.of("成文日期", "written"), diags).isEmpty());
    assertEquals(Code.FIELD_REQUIRED, diags.sorted().get(0).code());
  }

  @Test
  void indexNumbers() {
    for (String ok : List.of("000014349/2017-00110", "11530199MB0P12345X/2024-1", "530199/202403-00012")) {
      assertTrue(Values.validIndexNo(ok), ok);
    }
    for (String bad : List.of("000014349-2017-00110", "000014349/17-00110", "abc/2024-1", "000014349/2024-")) {
      assertFalse(Values.validIndexNo(bad), bad);
    }
  }

  @Test
  void documentNumberBracketsAreNormalisedTo六角括号() {
    assertEquals(Optional.of("昆应急发〔2024〕12号"), Values.docNoFix("昆应急发[2024]12号"));
    assertEquals(Optional.of("昆应急发〔2024〕12号"), Values.docNoFix("昆应急发（2024）12号"));
    assertEquals(Optional.of("昆应急发〔2024〕12号"), Values.docNoFix("昆应急发【2024】12号"));
    assertEquals(Optional.empty(), Values.docNoFix("昆应急发〔2024〕12号"));
    assertEquals(Optional.empty(), Values.docNoFix(""));
  }

  @Test
  void multiValuedCells() {
    assertEquals(List.of("政府网站", "两微一端", "公开查阅点"), Values.list("政府网站;两微一端；公开查阅点"));
    assertEquals(List.of("县级", "乡级"), Values.list("县级、乡级"));
  }
}
