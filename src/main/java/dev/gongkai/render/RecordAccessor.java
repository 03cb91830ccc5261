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
 * Lets templates read record components as properties ({@code ${record.title}}) quickly. OGNL, Thymeleaf's
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
        installed = true;
      }
    }
  }

  @Override
  public Object getProperty(Map context, Object target, Object name) throws OgnlException {
    if (name instanceof String s) {
      Object h = HANDLES.computeIfAbsent(target.getClass(), k -> new ConcurrentHashMap<>())
          .computeIfAbsent(s, n -> handle(target.getClass(), n));
      if (h != NONE) {
        try {
          return ((MethodHandle) h).invoke(target);
        } catch (Throwable t) {
          throw new OgnlException("cannot read " + s + " of " + target.getClass().getSimpleName(), t);
        }
      }
    }
    return super.getProperty(context, target, name);
  }

  private static Object handle(Class<?> type, String name) {
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(name)) {
        try {
          c.getAccessor().setAccessible(true);
          return MethodHandles.lookup().unreflect(c.getAccessor());
        } catch (IllegalAccessException | RuntimeException e) {
          return NONE;
        }
      }
    }
    return NONE;
  }
}
