package dev.gongkai.render;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.context.ITemplateContext;

/**
 * The small part of OGNL the bundled templates use, evaluated without OGNL: property chains ({@code record.title},
 * {@code r.url}), no-argument calls of {@code isEmpty()} and {@code size()} on strings and collections and of a
 * record's own methods ({@code d.displaySize()}), string and integer literals, {@code +}, {@code !}/{@code not},
 * {@code ==}/{@code !=}, {@code >}/{@code <}/{@code >=}/{@code <=}, {@code and}/{@code or} and {@code ? :}.
 *
 * <p>Each operation is taken only for the operand types where its OGNL meaning is plain (strings joined, integers
 * added or compared, booleans tested); for anything else — a null where OGNL would fail, a number of another type, a
 * string tested as a boolean — {@link #eval} answers {@link #OGNL} and the caller evaluates the whole expression with
 * OGNL, which gives its own value or its own error. Expressions are side-effect free, so evaluating part of one
 * twice is harmless. Immutable and thread-safe once parsed.
 *
 * <p>Why: at 100,000 records OGNL's evaluation of these expressions (it walks each class's interfaces for every
 * property link, and checks every method call against Thymeleaf's access list) was about an eighth of rendering.
 */
interface FastExpression {
  /** Returned by {@link #eval}: OGNL must evaluate the expression. */
  Object OGNL = new Object();

  /** The value, or {@link #OGNL}. */
  Object eval(ITemplateContext context);

  /** Words OGNL reads as operators or literals; those not handled here send the expression to OGNL. */
  Set<String> OTHER_WORDS = Set.of("this", "in", "instanceof", "new", "shl", "shr", "ushr",
      "band", "bor", "xor", "bnot");
  /** Map properties OGNL answers itself instead of looking the key up. */
  Set<String> MAP_PROPERTIES = Set.of("size", "keys", "keySet", "values", "isEmpty");

  /** The expression parsed, or null when it is outside the subset. */
  static FastExpression parse(String exp) {
    try {
      Parser p = new Parser(tokens(exp));
      FastExpression e = p.ternary();
      return p.at == p.tokens.size() ? e : null;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------------------------------------ tokens

  /** A token: {@code kind} is 'n' (name), 's' (string), 'c' (character), 'i' (integer) or 'o' (operator). */
  record Token(char kind, String text) {}

  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (isNameStart(c)) {
        int j = i + 1;
        while (j < s.length() && (isNameStart(s.charAt(j)) || isDigit(s.charAt(j)))) j++;
        String w = s.substring(i, j);
        switch (w) {
          case "and", "or", "not", "eq", "neq", "gt", "lt", "gte", "lte" -> out.add(new Token('o', operator(w)));
          default -> {
            if (OTHER_WORDS.contains(w)) throw new IllegalArgumentException(w);
            out.add(new Token('n', w));
          }
        }
        i = j;
      } else if (isDigit(c)) {
        int j = i + 1;
        while (j < s.length() && isDigit(s.charAt(j))) j++;
        // 0x1F, 1L, 1.5, 010 (octal) and the like are OGNL's to read.
        if (j < s.length() && (isNameStart(s.charAt(j)) || s.charAt(j) == '.') || (c == '0' && j > i + 1)
            || j - i > 9) {
          throw new IllegalArgumentException("number");
        }
        out.add(new Token('i', s.substring(i, j)));
        i = j;
      } else if (c == '\'' || c == '"') {
        int j = s.indexOf(c, i + 1);
        if (j < 0) throw new IllegalArgumentException("string");
        String body = s.substring(i + 1, j);
        if (body.indexOf('\\') >= 0) throw new IllegalArgumentException("escape");
        // OGNL reads a one-character literal in single quotes as a Character.
        out.add(new Token(c == '\'' && body.length() == 1 ? 'c' : 's', body));
        i = j + 1;
      } else {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (two.equals("==") || two.equals("!=") || two.equals(">=") || two.equals("<=") || two.equals("&&")
            || two.equals("||")) {
          out.add(new Token('o', operator(two)));
          i += 2;
        } else if ("+!<>?:.()".indexOf(c) >= 0) {
          out.add(new Token('o', String.valueOf(c)));
          i++;
        } else {
          throw new IllegalArgumentException(String.valueOf(c));
        }
      }
    }
    return out;
  }

  private static String operator(String w) {
    return switch (w) {
      case "and", "&&" -> "and";
      case "or", "||" -> "or";
      case "not" -> "!";
      case "eq" -> "==";
      case "neq" -> "!=";
      case "gt" -> ">";
      case "lt" -> "<";
      case "gte" -> ">=";
      case "lte" -> "<=";
      default -> w;
    };
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // ------------------------------------------------------------------------------------------------ parser

  /** Recursive descent, OGNL's precedence: {@code ?:} < or < and < equality < relational < + < unary. */
  final class Parser {
    final List<Token> tokens;
    int at;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    boolean op(String o) {
      if (at < tokens.size() && tokens.get(at).kind() == 'o' && tokens.get(at).text().equals(o)) {
        at++;
        return true;
      }
      return false;
    }

    FastExpression ternary() {
      FastExpression test = or();
      if (!op("?")) return test;
      FastExpression yes = ternary();
      if (!op(":")) throw new IllegalArgumentException(":");
      return new Test(test, yes, ternary());
    }

    FastExpression or() {
      FastExpression e = and();
      while (op("or")) e = new Logic(e, and(), false);
      return e;
    }

    FastExpression and() {
      FastExpression e = equality();
      while (op("and")) e = new Logic(e, equality(), true);
      return e;
    }

    FastExpression equality() {
      FastExpression e = relational();
      while (true) {
        if (op("==")) e = new Equals(e, relational(), false);
        else if (op("!=")) e = new Equals(e, relational(), true);
        else return e;
      }
    }

    FastExpression relational() {
      FastExpression e = additive();
      for (String o : List.of(">=", "<=", ">", "<")) {
        if (op(o)) return new Compare(e, additive(), o);
      }
      return e;
    }

    FastExpression additive() {
      List<FastExpression> terms = new ArrayList<>(List.of(unary()));
      while (op("+")) terms.add(unary());
      return terms.size() == 1 ? terms.get(0) : new Add(List.copyOf(terms));
    }

    FastExpression unary() {
      if (op("!")) return new Not(unary());
      return primary();
    }

    FastExpression primary() {
      Token t = tokens.get(at++);
      switch (t.kind()) {
        case 's':
          return new Literal(t.text());
        case 'c':
          return new Literal(t.text().charAt(0));
        case 'i':
          return new Literal(Integer.valueOf(t.text()));
        case 'n':
          switch (t.text()) {
            case "true":
              return new Literal(Boolean.TRUE);
            case "false":
              return new Literal(Boolean.FALSE);
            case "null":
              return new Literal(null);
            default:
              return chain(t.text());
          }
        default:
          if (t.text().equals("(")) {
            FastExpression e = ternary();
            if (!op(")")) throw new IllegalArgumentException(")");
            return e;
          }
          throw new IllegalArgumentException(t.text());
      }
    }

    FastExpression chain(String first) {
      List<String> names = new ArrayList<>(List.of(first));
      List<Boolean> calls = new ArrayList<>(List.of(false));
      while (op(".")) {
        Token t = tokens.get(at++);
        if (t.kind() != 'n' || List.of("true", "false", "null").contains(t.text())) {
          throw new IllegalArgumentException(t.text());
        }
        boolean call = op("(");
        if (call && !op(")")) throw new IllegalArgumentException("arguments");
        names.add(t.text());
        calls.add(call);
      }
      if (at < tokens.size() && tokens.get(at).kind() == 'o' && tokens.get(at).text().equals("(")) {
        throw new IllegalArgumentException("a call of a variable");
      }
      boolean[] c = new boolean[calls.size()];
      for (int i = 0; i < c.length; i++) c[i] = calls.get(i);
      return new Chain(names.toArray(String[]::new), c, new Chain.Seen[c.length]);
    }
  }

  // ------------------------------------------------------------------------------------------------ nodes

  record Literal(Object value) implements FastExpression {
    @Override
    public Object eval(ITemplateContext context) {
      return value;
    }
  }

  /**
   * {@code a.b.c()}: a template variable, then map keys, record components or methods, or the two calls.
   *
   * @param seen per step, the class last read there and its reader: a template reads the same class at the same
   *     place on every page, so the step skips {@link RecordAccessor}'s two map lookups (each slot holds one immutable
   *     pair, so threads that race on it see either pair whole)
   */
  record Chain(String[] names, boolean[] calls, Seen[] seen) implements FastExpression {
    /** A reader of step's name for records or enums of class {@code type} (null: none, OGNL decides). */
    record Seen(Class<?> type, MethodHandle reader) {}

    @Override
    public Object eval(ITemplateContext context) {
      Object value = context.getVariable(names[0]);
      for (int i = 1; i < names.length; i++) {
        String name = names[i];
        if (calls[i]) {
          value = call(value, name);
        } else if (value instanceof Map<?, ?> map && !MAP_PROPERTIES.contains(name)) {
          value = map.get(name);
          continue;
        } else if (value instanceof Record || value instanceof Enum<?>) {
          value = invoke(reader(i, value.getClass()), value);
        } else {
          return OGNL;
        }
        if (value == OGNL) return OGNL;
      }
      return value;
    }

    private MethodHandle reader(int step, Class<?> type) {
      Seen s = seen[step];
      if (s != null && s.type == type) return s.reader;
      MethodHandle h = RecordAccessor.reader(type, names[step]);
      seen[step] = new Seen(type, h);
      return h;
    }

    private static Object call(Object target, String method) {
      if (target instanceof String s) {
        return method.equals("isEmpty") ? (Object) s.isEmpty() : OGNL;
      }
      if (target instanceof Collection<?> c) {
        return switch (method) {
          case "isEmpty" -> c.isEmpty();
          case "size" -> c.size();
          default -> OGNL;
        };
      }
      if (target instanceof Map<?, ?> m) {
        return switch (method) {
          case "isEmpty" -> m.isEmpty();
          case "size" -> m.size();
          default -> OGNL;
        };
      }
      if (target instanceof Record || target instanceof Enum<?>) {
        return invoke(RecordAccessor.method(target.getClass(), method), target);
      }
      return OGNL;
    }

    private static Object invoke(MethodHandle h, Object target) {
      if (h == null) return OGNL;
      try {
        return h.invoke(target);
      } catch (Throwable t) {
        return OGNL; // OGNL reports it as it always did
      }
    }
  }

  /** OGNL's {@code +}: a string joined with what it meets, integers added. */
  record Add(List<FastExpression> terms) implements FastExpression {
    @Override
    public Object eval(ITemplateContext context) {
      Object acc = terms.get(0).eval(context);
      for (int i = 1; i < terms.size(); i++) {
        Object v = terms.get(i).eval(context);
        if (acc == OGNL || v == OGNL || acc == null || v == null) return OGNL;
        // Two characters (or a character and a number) OGNL adds as numbers.
        if ((acc instanceof String || v instanceof String) && plain(acc) && plain(v)) {
          acc = acc.toString() + v;
        } else if (acc instanceof Integer a && v instanceof Integer b) {
          acc = a + b;
        } else {
          return OGNL;
        }
      }
      return acc;
    }

    /** Values whose OGNL string form is their {@code toString()}. */
    private static boolean plain(Object v) {
      return v instanceof String || v instanceof Character || v instanceof Integer || v instanceof Long
          || v instanceof Boolean;
    }
  }

  record Not(FastExpression operand) implements FastExpression {
    @Override
    public Object eval(ITemplateContext context) {
      Object v = operand.eval(context);
      return v instanceof Boolean b ? (Object) !b : OGNL;
    }
  }

  /** {@code and} / {@code or}: OGNL's value is the last operand it evaluated. */
  record Logic(FastExpression left, FastExpression right, boolean and) implements FastExpression {
    @Override
    public Object eval(ITemplateContext context) {
      Object l = left.eval(context);
      if (!(l instanceof Boolean b)) return OGNL;
      if (b != and) return l;
      Object r = right.eval(context);
      return r instanceof Boolean ? r : OGNL;
    }
  }

  record Equals(FastExpression left, FastExpression right, boolean negate) implements FastExpression {
    @Override
    public Object eval(ITemplateContext context) {
      Object l = left.eval(context);
      Object r = right.eval(context);
      if (l == OGNL || r == OGNL) return OGNL;
      boolean same;
      if (l == null || r == null) {
        same = l == r;
      } else if (l.getClass() == r.getClass() && (l instanceof String || l instanceof Integer || l instanceof Boolean
          || l instanceof Enum<?>)) {
        same = l.equals(r);
      } else {
        return OGNL;
      }
      return same != negate;
    }
  }

  record Compare(FastExpression left, FastExpression right, String op) implements FastExpression {
    @Override
    public Object eval(ITemplateContext context) {
      if (!(left.eval(context) instanceof Integer l) || !(right.eval(context) instanceof Integer r)) return OGNL;
      return switch (op) {
        case ">" -> l > r;
        case "<" -> l < r;
        case ">=" -> l >= r;
        default -> l <= r;
      };
    }
  }

  /** {@code test ? yes : no}. */
  record Test(FastExpression test, FastExpression yes, FastExpression no) implements FastExpression {
    @Override
    public Object eval(ITemplateContext context) {
      Object t = test.eval(context);
      if (!(t instanceof Boolean b)) return OGNL;
      return (b ? yes : no).eval(context);
    }
  }
}
