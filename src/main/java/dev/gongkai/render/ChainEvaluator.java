package dev.gongkai.render;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.standard.util.StandardExpressionUtils;

/**
 * Thymeleaf's variable expressions ({@code ${…}}), with a fast path for the small part of OGNL the templates mostly
 * use ({@link FastExpression}): property chains such as {@code ${record.title}}, literals, {@code +}, comparisons,
 * {@code !}, {@code and}/{@code or} and {@code ? :}. Everything else — and any expression that meets a null, another
 * kind of object, a map's own property ({@code size}, {@code keys}…) or an error — is left to OGNL, Thymeleaf's own
 * evaluator, which gives the same value or the same error as before.
 *
 * <p>Why: OGNL looks up the indexed-property type of every link of a chain on every evaluation (a walk of the
 * class's interfaces), measured here as 8 % of rendering a record page; with the operators, OGNL's share of
 * rendering was about an eighth at 100,000 records.
 */
final class ChainEvaluator implements IStandardVariableExpressionEvaluator {
  /** Cached for expressions outside the subset. */
  private static final FastExpression NOT_FAST = context -> FastExpression.OGNL;

  private final IStandardVariableExpressionEvaluator ognl;
  private final Map<String, FastExpression> parsed = new ConcurrentHashMap<>();

  ChainEvaluator() {
    this(new OGNLVariableExpressionEvaluator(true));
  }

  /** @param ognl the evaluator of what the fast path leaves (tests count its calls) */
  ChainEvaluator(IStandardVariableExpressionEvaluator ognl) {
    this.ognl = ognl;
  }

  @Override
  public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
      StandardExpressionExecutionContext expContext) {
    String exp = expression.getExpression();
    // Restricted contexts (th:href, th:src, … in Thymeleaf 3.1) forbid instantiation, static access and request
    // parameters; an expression that has any of them is never parsed here, so OGNL refuses it as before. The rest
    // reads only context variables, which the restrictions leave alone.
    if (exp == null || !(context instanceof ITemplateContext template)
        || (expression.getUseSelectionAsRoot() && template.hasSelectionTarget())) {
      return ognl.evaluate(context, expression, expContext);
    }
    FastExpression fast = parsed.get(exp); // most lookups find it: no lock, unlike computeIfAbsent on a collision
    if (fast == null) fast = parsed.computeIfAbsent(exp, e -> {
      FastExpression f = StandardExpressionUtils.containsOGNLInstantiationOrStaticOrParam(e) ? null
          : FastExpression.parse(e);
      return f == null ? NOT_FAST : f;
    });
    Object value = fast.eval(template);
    if (value == FastExpression.OGNL) return ognl.evaluate(context, expression, expContext);
    if (!expContext.getPerformTypeConversion()) return value;
    return StandardExpressions.getConversionService(template.getConfiguration()).convert(context, value,
        String.class);
  }
}
