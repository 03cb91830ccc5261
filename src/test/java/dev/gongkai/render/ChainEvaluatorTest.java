package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;
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

    public int count() {
      return 3;
    }

    public long big() {
      return 3L;
    }

    public String none() {
      return null;
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
      "<a th:href=\"${item.url}\" th:title=\"${item.inner.name}\">x</a>")
      + "\n" + String.join("\n", operators().stream().map(e -> "<p th:text=\"${" + e + "}\"></p>").toList());

  /** Expressions with operators: the fast path must give OGNL's value, or leave it to OGNL. */
  private static List<String> operators() {
    return List.of("item.title + '!'", "'《' + item.title + '》'", "item.count + 1", "item.count + 'x'",
        "1 + 2 + 'x'", "'x' + 1 + 2", "item.title + null", "'a' + item.big",
        "'a' + item.disclosure", "item.title + true", "!item.inner.tags.isEmpty()",
        "item.inner.tags.size() > 1 ? 'many' : 'few'", "item.count >= 3", "item.count < 3", "item.count <= 2",
        "item.count gt 2", "item.code == 'aqsc-01'", "item.code != 'aqsc-01'", "item.code eq 'xy'",
        "item.code neq 'xy'", "item.count gte 3", "item.count lte 3", "item.count lt 3", "item.disclosure == item.disclosure", "item.count == 3", "item.big == 3",
        "item.inner == null", "null == item.inner", "item.none == null", "item.title and true", "true and false",
        "false or item.count > 1", "true && true", "false || false", "not true", "!item.none",
        "item.none ? 'y' : 'n'", "(item.count + 1) + 'x'", "item.url()", "item.title.isEmpty()", "map.size()",
        "map.isEmpty()", "item.inner.date.year", "item.code.length()", "1 + 2 == 3", "'a' + 'bc' == 'abc'", "'a' + 'b'", "'a' + 1",
        "'a' < 'b'", "item.count + item.count > 5 and item.code != null", "item.count > 1 ? item.count : null",
        "item.extra.count + 1", "item.inner.tags.size", "true ? 'a' : false ? 'b' : 'c'", "0 + 010", "2147483647 + 1",
        "item.count + 0x10", "1.5 + 1", "'' + item.inner.tags");
  }

  /** Expressions the fast path evaluates itself, with the context below. */
  private static final List<String> FAST = List.of("item.title + '!'", "'《' + item.title + '》'", "item.count + 1",
      "1 + 2 + 'xy'", "'xy' + 1 + 2", "'ab' + item.big", "!item.inner.tags.isEmpty()",
      "item.inner.tags.size() > 1 ? 'many' : 'few'", "item.count >= 3", "item.code != 'aqsc-01'", "item.code eq 'xy'",
      "item.disclosure == item.disclosure", "item.inner == null", "item.none == null", "true and false",
      "false or item.count > 1", "not true", "(item.count + 1) + 'xy'", "item.url()", "item.title.isEmpty()",
      "map.size()", "map.isEmpty()", "item.extra.count + 1", "item.count > 1 ? item.count : null", "item.title",
      "item.disclosure.label");

  private static TemplateEngine engine(boolean chains) {
    return engine(chains, new OGNLVariableExpressionEvaluator(true));
  }

  private static TemplateEngine engine(boolean chains, IStandardVariableExpressionEvaluator ognl) {
    TemplateEngine e = new TemplateEngine();
    StringTemplateResolver r = new StringTemplateResolver();
    r.setTemplateMode(TemplateMode.HTML);
    e.setTemplateResolver(r);
    if (chains) {
      StandardDialect d = new StandardDialect();
      d.setVariableExpressionEvaluator(new ChainEvaluator(ognl));
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
  void whatOgnlRefusesFailsAsWithOgnl() {
    // A null added to a string, a string compared with a one-character literal (a Character to OGNL), a word that is
    // Thymeleaf's operator but not OGNL's, two characters added (as numbers) and compared with a string.
    for (String exp : List.of("item.none + 'a'", "item.code == 'x'", "item.code ne 'xy'", "'a' + 'b' == 'ab'")) {
      failsAsWithOgnl("<p th:text=\"${" + exp + "}\"></p>");
    }
  }

  /** Both engines fail on {@code template}, with the same message. */
  private static void failsAsWithOgnl(String template) {
    TemplateProcessingException ognl = assertThrows(TemplateProcessingException.class,
        () -> engine(false).process(template, context()), template);
    TemplateProcessingException fast = assertThrows(TemplateProcessingException.class,
        () -> engine(true).process(template, context()), template);
    assertEquals(ognl.getMessage(), fast.getMessage(), template);
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

  /** OGNL's evaluator, counting its calls in {@code calls}. */
  private static IStandardVariableExpressionEvaluator countingOgnl(java.util.concurrent.atomic.AtomicInteger calls) {
    IStandardVariableExpressionEvaluator ognl = new OGNLVariableExpressionEvaluator(true);
    return (context, expression, expContext) -> {
      calls.incrementAndGet();
      return ognl.evaluate(context, expression, expContext);
    };
  }

  @Test
  void theCommonExpressionsNeverReachOgnl() {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    IStandardVariableExpressionEvaluator counting = countingOgnl(calls);
    List<String> reached = new java.util.ArrayList<>();
    for (String exp : FAST) {
      String template = "<p th:text=\"${" + exp + "}\"></p>";
      String fast = engine(true, counting).process(template, context());
      if (calls.getAndSet(0) > 0) reached.add(exp);
      assertEquals(engine(false).process(template, context()), fast, exp);
    }
    assertEquals(List.of(), reached, "evaluated by OGNL");
    // And the rest do: the counter counts.
    engine(true, counting).process("<p th:text=\"${#strings.length(item.title)}\"></p>", context());
    assertEquals(1, calls.get());
  }

  @Test
  void restrictedAttributesTakeTheFastPathAndRefuseWhatOgnlRefuses() {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    IStandardVariableExpressionEvaluator counting = countingOgnl(calls);
    // th:href and th:src evaluate with restricted variable access, instantiation and static access.
    String links = "<a th:href=\"${item.url + '#x'}\" th:src=\"${item.count > 1 ? item.url : null}\">x</a>";
    String fast = engine(true, counting).process(links, context());
    assertEquals(engine(false).process(links, context()), fast);
    assertEquals(true, fast.contains("href=\"catalogue/aqsc-01/#x\""), fast);
    assertEquals(0, calls.get(), "evaluated by OGNL");
    for (String exp : List.of("new java.lang.String('x')", "@java.lang.Math@PI", "T(java.lang.Math).PI",
        "param.x", "item.url + param.x")) {
      failsAsWithOgnl("<a th:href=\"${" + exp + "}\">x</a>");
    }
  }

  @Test
  void onlyTheSubsetIsParsed() {
    for (String exp : List.of("a[0]", "a.b(1)", "#strings.x", "a.null", "a..b", "a.", "数据.b", "$a", "a - b",
        "a * 2", "a in b", "new x()", "@java.lang.Math@PI", "{1, 2}", "'a\\'b'", "1.5", "0x1", "1L", "010", "a()",
        "a.b.c(", "(a", "a ? b", "a == ", "this.a", "a.true")) {
      assertEquals(null, FastExpression.parse(exp), exp);
    }
    for (String exp : FAST) assertEquals(true, FastExpression.parse(exp) != null, exp);
  }
}
