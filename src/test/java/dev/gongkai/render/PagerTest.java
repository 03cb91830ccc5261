package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pager's links: every page up to 9 pages; beyond, the first, the last and two either side of the current one. */
class PagerTest {
  /** The rule spelt out over every page, as the pager once computed it. */
  private static List<Integer> expected(int page, int pages) {
    List<Integer> out = new ArrayList<>();
    for (int i = 1; i <= pages; i++) {
      if (pages <= 9 || i == 1 || i == pages || Math.abs(i - page) <= 2) out.add(i);
    }
    return out;
  }

  @Test
  void linksFollowTheRuleForEveryPageOfListsUpTo40Pages() {
    for (int pages = 1; pages <= 40; pages++) {
      for (int page = 1; page <= pages; page++) {
        Views.Pager p = Views.pager(page, pages, pages * 20, "../../", "catalogue/aqsc/x/");
        List<Integer> numbers = p.links().stream().map(Views.PageLink::number).toList();
        assertEquals(expected(page, pages), numbers, "page " + page + " of " + pages);
        for (Views.PageLink l : p.links()) {
          assertEquals(l.number() == page, l.current(), "current mark, page " + page + " of " + pages);
          assertEquals("../../" + Views.pageUrl("catalogue/aqsc/x/", l.number()), l.href());
        }
      }
    }
  }

  @Test
  void aLongListShowsSevenLinks() {
    Views.Pager p = Views.pager(350, 700, 14_000, "", "browse/year/2020/");
    assertEquals(List.of(1, 348, 349, 350, 351, 352, 700), p.links().stream().map(Views.PageLink::number).toList());
    assertEquals("browse/year/2020/page/349/", p.prev());
    assertEquals("browse/year/2020/page/351/", p.next());
  }
}
