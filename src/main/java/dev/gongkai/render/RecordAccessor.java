package dev.gongkai.render;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * Lets templates read record components (and records' and enums' other properties) as properties
 * ({@code ${record.title}}, {@code ${r.url}}, {@code ${r.validity.label}}) quickly. OGNL, Thymeleaf's
 * expression language, looks for JavaBean getters; records have none, so by default every access falls back to a
 * reflective search of all methods — measured here as the main cost of rendering a page. This accessor resolves
 * each (record class, component) once to a method handle.
 */
final class RecordAccessor extends ObjectPropertyAccessor {
  private static final Object NONE = new Object();
  private static final Map<Class<?>, Map<String, Object>> HANDLES = new ConcurrentHashMap<>();
  private static volatile boolean installed;

  /** Registers the accessor for every record type (OGNL looks accessors up by superclass). Idempotent. */
  static void install() {
    if (installed) return;
    synchronized (RecordAccessor.class) {
      if (!installed) {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordAccessor());
        OgnlRuntime.setPropertyAccessor(Enum.class, new RecordAccessor());
        installed = true;
      }
    }
  }

  /**
   * How this accessor reads {@code name} of a record or enum of class {@code type}: a method handle taking the
   * object, or null when OGNL's own lookup decides (no component, getter or method of that name).
   */
  static MethodHandle reader(Class<?> type, String name) {
    Object h = HANDLES.computeIfAbsent(type, k -> new ConcurrentHashMap<>()).computeIfAbsent(name, n -> handle(type, n));
    return h == NONE ? null : (MethodHandle) h;
  }

  private static final Map<Class<?>, Map<String, Object>> METHODS = new ConcurrentHashMap<>();

  /**
   * The public no-argument method {@code name} of a record or enum class (a component's accessor or another method,
   * as {@code ${r.url()}} calls it), as a method handle taking the object; null when there is none.
   */
  static MethodHandle method(Class<?> type, String name) {
    Object h = METHODS.computeIfAbsent(type, k -> new ConcurrentHashMap<>()).computeIfAbsent(name, n -> {
      java.lang.reflect.Method m = noArgument(type, n);
      return m == null ? NONE : unreflect(m);
    });
    return h == NONE ? null : (MethodHandle) h;
  }

  @Override
  public Object getProperty(Map context, Object target, Object name) throws OgnlException {
    if (name instanceof String s) {
      MethodHandle h = reader(target.getClass(), s);
      if (h != null) {
        try {
          return h.invoke(target);
        } catch (Throwable t) {
          throw new OgnlException("cannot read " + s + " of " + target.getClass().getSimpleName(), t);
        }
      }
    }
    return super.getProperty(context, target, name);
  }

  /**
   * A record component of that name; else, as OGNL would find it, a public getter ({@code getX}, {@code isX} for a
   * boolean) or a public no-argument method of the property's own name (a record's derived value such as
   * {@code url}, an enum's {@code label}); else none (OGNL's own lookup then decides, e.g. for public fields).
   */
  private static Object handle(Class<?> type, String name) {
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        if (c.getName().equals(name)) return unreflect(c.getAccessor());
      }
    }
    if (name.isEmpty()) return NONE;
    String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    String[] candidates = {"get" + cap, "is" + cap, name};
    for (int i = 0; i < candidates.length; i++) {
      java.lang.reflect.Method m = noArgument(type, candidates[i]);
      if (m == null || (i == 1 && m.getReturnType() != boolean.class)) continue; // isX: a getter only for a boolean
      return unreflect(m);
    }
    return NONE;
  }

  /** The public, non-static, non-void method {@code name()} of {@code type}, or null. */
  private static java.lang.reflect.Method noArgument(Class<?> type, String name) {
    try {
      java.lang.reflect.Method m = type.getMethod(name);
      boolean usable = !java.lang.reflect.Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class;
      return usable ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Object unreflect(java.lang.reflect.Method m) {
    try {
      m.setAccessible(true);
      return MethodHandles.lookup().unreflect(m);
    } catch (IllegalAccessException | RuntimeException e) {
      return NONE;
    }
  }
}
