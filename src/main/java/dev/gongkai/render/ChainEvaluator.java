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
    if (exp == null || expContext.getRestrictVariableAccess() || expContext.getRestrictInstantiationAndStatic()
        || !(context instanceof ITemplateContext template)
        || (expression.getUseSelectionAsRoot() && template.hasSelectionTarget())) {
      return ognl.evaluate(context, expression, expContext);
    }
    FastExpression fast = parsed.computeIfAbsent(exp, e -> {
      FastExpression f = FastExpression.parse(e);
      return f == null ? NOT_FAST : f;
    });
    Object value = fast.eval(template);
    if (value == FastExpression.OGNL) return ognl.evaluate(context, expression, expContext);
    if (!expContext.getPerformTypeConversion()) return value;
    return StandardExpressions.getConversionService(template.getConfiguration()).convert(context, value,
        String.class);
  }
}
