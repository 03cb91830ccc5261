package dev.gongkai.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationTest {
  @Test
  void textFileLocationsPrintAsBefore() {
    assertEquals("a/b.csv:2:38", new Location("a\\b.csv", 2, 38).toString());
    assertEquals("a.csv:2", new Location("a.csv", 2, 0).toString());
    assertEquals("a.csv", Location.file("a.csv").toString());
    assertFalse(new Location("a.csv", 2, 38).inWorkbook());
    assertEquals("", new Location("a.csv", 2, 38).sheet());
    assertEquals(new Location("a.csv", 2, 38, ""), new Location("a.csv", 2, 38));
  }

  @Test
  void workbookCellsPrintAsExcelShowsThem() {
    Location l = Location.cell("catalogue/records/救灾资金.xlsx", "Sheet1", 37, 4);
    assertEquals("catalogue/records/救灾资金.xlsx!Sheet1!D37", l.toString());
    assertTrue(l.inWorkbook());
    assertEquals("D37", l.cellRef());
    assertEquals(37, l.line());
    assertEquals(4, l.column());
    assertEquals("r.xlsx!说明", Location.sheet("r.xlsx", "说明").toString());
    assertEquals("r.xlsx!Sheet1!5:5", new Location("r.xlsx", 5, 0, "Sheet1").toString());
    assertEquals("", Location.sheet("r.xlsx", "S").cellRef());
  }

  @Test
  void theSheetReferenceIsWhatFollowsTheFile() {
    assertEquals("Sheet1!D37", Location.cell("救灾资金.xlsx", "Sheet1", 37, 4).sheetRef());
    assertEquals("Sheet1!5:5", new Location("r.xlsx", 5, 0, "Sheet1").sheetRef());
    assertEquals("说明", Location.sheet("r.xlsx", "说明").sheetRef());
    assertEquals("", new Location("a.csv", 2, 38).sheetRef(), "a text file has none");
    assertEquals("", Location.file("a.xlsx").sheetRef(), "nor has a whole workbook");
  }

  @Test
  void columnLettersGoPastZ() {
    assertEquals(List.of("A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"),
        List.of(1, 26, 27, 52, 53, 702, 703, 16384).stream().map(Location::columnLetters).toList());
  }

  @Test
  void orderIsPathThenRowThenColumnThenSheet() {
    List<Location> sorted = List.of(
        new Location("a.csv", 1, 5),
        Location.cell("b.xlsx", "Sheet2", 1, 1),
        Location.cell("b.xlsx", "Sheet1", 2, 1),
        Location.cell("b.xlsx", "Sheet1", 2, 3),
        Location.cell("b.xlsx", "Sheet1", 10, 2));
    List<Location> shuffled = new ArrayList<>(sorted);
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertEquals(sorted, shuffled);
    assertTrue(Location.cell("b.xlsx", "A", 1, 1).compareTo(Location.cell("b.xlsx", "B", 1, 1)) < 0);
  }
}
