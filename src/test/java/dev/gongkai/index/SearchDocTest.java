package dev.gongkai.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Facet values are shared instances; the other fields are kept as given. */
class SearchDocTest {
  private static SearchDoc doc(String title, String year, String agency) {
    return new SearchDoc("r:" + title, new String("record"), title, "", "正文", "records/x/", "2024-01-02", year,
        new String("aqsc"), new String("aqsc-01-01"), agency, new String("有效"), "正文");
  }

  @Test
  void equalFacetValuesAreOneInstance() {
    SearchDoc a = doc(new String("标题"), new String("2024"), new String("示例县应急管理局"));
    SearchDoc b = doc(new String("标题"), new String("2024"), new String("示例县应急管理局"));
    assertEquals(a, b);
    assertSame(a.year(), b.year());
    assertSame(a.agency(), b.agency());
    assertSame(a.kind(), b.kind());
    assertSame(a.domain(), b.domain());
    assertSame(a.item(), b.item());
    assertSame(a.validity(), b.validity());
    assertNotSame(a.title(), b.title(), "not a facet: as given");
    assertEquals("2025", doc("标题", new String("2025"), "机构").year());
  }
}
