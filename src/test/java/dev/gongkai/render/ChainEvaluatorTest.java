package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gongkai.model.Disclosure;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * The fast path for property chains gives what Thymeleaf's own OGNL evaluator gives: the same text for every kind of
 * expression the templates use, and the same error where OGNL fails.
 */
class ChainEvaluatorTest {
  record Item(String code, String title, Disclosure disclosure, Inner inner, Map<String, Object> extra) {
    public String url() {
      return "catalogue/" + code + "/";
    }
  }

  record Inner(String name, LocalDate date, List<String> tags) {}

  /** A bean, not a record: OGNL's own lookup reads it. */
  public static final class Bean {
    public String getLabel() {
      return "豆";
    }
  }

  private static final String TEMPLATE = String.join("\n",
      "<p th:text=\"${item.title}\"></p>",
      "<p th:text=\"${item.url}\"></p>",
      "<p th:text=\"${item.disclosure.label}\"></p>",
      "<p th:text=\"${item.inner.name}\"></p>",
      "<p th:text=\"${item.inner.date}\"></p>",
      "<p th:text=\"${item.inner.tags}\"></p>",
      "<p th:text=\"${item.inner.tags.size}\"></p>",
      "<p th:text=\"${item.inner.tags[1]}\"></p>",
      "<p th:text=\"${item.extra.count}\"></p>",
      "<p th:text=\"${item.extra.size}\"></p>",
      "<p th:text=\"${item.extra.missing}\"></p>",
      "<p th:text=\"${map.key}\"></p>",
      "<p th:text=\"${map.isEmpty}\"></p>",
      "<p th:text=\"${ item.code }\"></p>",
      "<p th:text=\"${missing}\"></p>",
      "<p th:text=\"${bean.label}\"></p>",
      "<p th:text=\"${item.title + '!'}\"></p>",
      "<p th:text=\"${#strings.length(item.title)}\"></p>",
      "<p th:if=\"${item.disclosure}\">if</p>",
      "<p th:each=\"t : ${item.inner.tags}\" th:text=\"${t}\"></p>",
      "<div th:object=\"${item}\"><p th:text=\"*{title}\"></p><p th:text=\"*{inner.name}\"></p></div>",
      "<p th:text=\"${true}\"></p>",
      "<a th:href=\"${item.url}\" th:title=\"${item.inner.name}\">x</a>");

  private static TemplateEngine engine(boolean chains) {
    TemplateEngine e = new TemplateEngine();
    StringTemplateResolver r = new StringTemplateResolver();
    r.setTemplateMode(TemplateMode.HTML);
    e.setTemplateResolver(r);
    if (chains) {
      StandardDialect d = new StandardDialect();
      d.setVariableExpressionEvaluator(new ChainEvaluator());
      e.setDialect(d);
    }
    RecordAccessor.install();
    return e;
  }

  private static Context context() {
    Map<String, Object> extra = new TreeMap<>(Map.of("count", 3, "size", "not the size"));
    Item item = new Item("aqsc-01", "安全生产<标题>", Disclosure.ACTIVE,
        new Inner("内层", LocalDate.of(2026, 3, 1), List.of("甲", "乙")), extra);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("key", "值");
    Context c = new Context(Locale.ROOT);
    c.setVariable("item", item);
    c.setVariable("map", map);
    c.setVariable("bean", new Bean());
    return c;
  }

  @Test
  void everyKindOfExpressionRendersAsWithOgnl() {
    String ognl = engine(false).process(TEMPLATE, context());
    String chains = engine(true).process(TEMPLATE, context());
    assertEquals(ognl, chains);
    // The chains were read, not skipped: spot-check values OGNL and the fast path must both produce.
    assertEquals(true, chains.contains("<p>安全生产&lt;标题&gt;</p>"), chains);
    assertEquals(true, chains.contains("<p>catalogue/aqsc-01/</p>"), chains);
    assertEquals(true, chains.contains("<p>3</p>"), chains);
    assertEquals(true, chains.contains("<p>2</p>"), "a map's size is the map's, not its key: " + chains);
  }

  @Test
  void aNullInTheMiddleOfAChainFailsAsWithOgnl() {
    String template = "<p th:text=\"${item.inner.name}\"></p>";
    Context c = new Context(Locale.ROOT);
    c.setVariable("item", new Item("x", "t", Disclosure.ACTIVE, null, Map.of()));
    TemplateProcessingException ognl = assertThrows(TemplateProcessingException.class,
        () -> engine(false).process(template, c));
    TemplateProcessingException chains = assertThrows(TemplateProcessingException.class,
        () -> engine(true).process(template, c));
    assertEquals(ognl.getMessage(), chains.getMessage());
  }

  @Test
  void onlyPlainChainsTakeTheFastPath() {
    assertArrayEquals(new String[] {"record", "title"}, ChainEvaluator.parse("record.title"));
    assertArrayEquals(new String[] {"a"}, ChainEvaluator.parse(" a "));
    String[] none = ChainEvaluator.parse("a[0]");
    for (String exp : List.of("a[0]", "a.b()", "#strings.x", "true", "a.null", "a + b", "a..b", "a.", "数据.b", "$a")) {
      assertSame(none, ChainEvaluator.parse(exp), exp);
    }
  }
}
