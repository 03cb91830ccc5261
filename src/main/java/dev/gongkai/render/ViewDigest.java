package dev.gongkai.render;

import dev.gongkai.diag.Location;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Incident;
import dev.gongkai.model.Page;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A SHA-256 of the values a template is given: two pages rendered by the same templates from values with the same
 * digest have the same bytes, which lets an incremental build skip them (see {@link PageMemo}).
 *
 * <p>What callers must know:
 *
 * <ul>
 *   <li>Only plain values are digested: strings, numbers, booleans, enums, dates, paths (by name; a copied file's
 *       content is the output stage's business), optionals, lists, sets, maps, arrays and Java records of these. Any
 *       other object makes {@link #of} throw {@link Unkeyable}: the page is then always rendered, never skipped.
 *   <li>A {@link Location} (where a record was defined, for diagnostics) is not digested: no page shows it, and a
 *       record moving down its file when one is inserted above must not re-render it.
 *   <li>Model records that many pages share (records, catalogue items and domains, datasets, pages, incidents) are
 *       digested once per instance; the instance is the identity, so a digest must not outlive the build's model.
 * </ul>
 */
public final class ViewDigest {
  /** Thrown for a value the digest cannot describe; the caller renders the page instead of skipping it. */
  public static final class Unkeyable extends RuntimeException {
    Unkeyable(String what) {
      super("not digestible: " + what, null, false, false);
    }
  }

  private static final Set<Class<?>> SHARED = Set.of(DisclosureRecord.class, CatalogueItem.class,
      Catalogue.Domain.class, Catalogue.Level1.class, Dataset.class, Page.class, Incident.class);
  private static final Map<Class<?>, Method[]> ACCESSORS = new ConcurrentHashMap<>();

  /** Digest of each shared model instance, by identity. */
  private final Map<Identity, byte[]> shared = new ConcurrentHashMap<>();
  /**
   * The digests {@link #prime} computed, by identity, read-only once published: looked up first. A page's key looks
   * up dozens of records, so this lookup is the hot one; an identity map finds a record with fewer memory reads than
   * the concurrent map's wrapped keys and chained nodes (measured: the concurrent map's lookups were a fifth of the
   * render threads' samples in a one-record edit at 100,000 records).
   */
  private volatile Map<Object, byte[]> primed = Map.of();
  /** The previous build's primed digests, taken over by the first {@link #prime} and then let go. */
  private Map<Object, byte[]> carried;

  /** A digest for one build. */
  public ViewDigest() {
    this.carried = Map.of();
  }

  /**
   * A digest for the next build of the same site in the same process ({@code gongkai serve}): the model records
   * {@code previous} primed keep their digests when the next model holds the same instances (the validator keeps
   * the records of unchanged files; model records are immutable), so {@link #prime} digests only the new ones.
   */
  public ViewDigest(ViewDigest previous) {
    this.carried = previous == null ? Map.of() : previous.primed;
  }

  /** A value being digested ahead of need, on a thread of its own (see {@link #ahead}). */
  private record Ahead(Object value, java.util.concurrent.CompletableFuture<byte[]> digest) {}

  private volatile Ahead ahead;

  /**
   * Starts digesting {@code value} (e.g. the whole published site, which pages reading {@code site} depend on) on a
   * daemon thread, while the caller goes on with other stages; {@link #ofAhead} of the same instance then takes that
   * digest. At 100,000 records the site's digest held up the renderer's first page for a tenth of a second or more.
   */
  public void ahead(Object value) {
    java.util.concurrent.CompletableFuture<byte[]> f = new java.util.concurrent.CompletableFuture<>();
    ahead = new Ahead(value, f);
    Thread t = new Thread(() -> {
      try {
        f.complete(of(value));
      } catch (RuntimeException | Error e) {
        f.completeExceptionally(e);
      }
    }, "gongkai-digest-ahead");
    t.setDaemon(true);
    t.start();
  }

  /**
   * {@link #of} of {@code value}: the digest {@link #ahead} started when it was given this very instance (waiting
   * for it if need be), else computed now. Throws what {@link #of} throws.
   */
  public byte[] ofAhead(Object value) {
    Ahead a = ahead;
    if (a == null || a.value() != value) return of(value);
    try {
      return a.digest().join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }

  /** A digest of {@code value} (32 bytes). */
  public byte[] of(Object value) {
    Buffer b = new Buffer(256);
    put(b, value);
    return b.sha256();
  }

  /**
   * Digests shared model values (e.g. every record) ahead of the stages that need them, on every core: the renderer
   * and the search stage then find them done instead of both digesting the same records, each on one thread.
   */
  public void prime(List<? extends Record> values) {
    Map<Object, byte[]> known = new java.util.IdentityHashMap<>(primed.size() + values.size());
    known.putAll(primed);
    Map<Object, byte[]> before = carried;
    carried = Map.of();
    if (!before.isEmpty()) {
      for (Record r : values) {
        byte[] d = before.get(r);
        if (d != null) known.put(r, d);
      }
      primed = known;
    }
    // Only the records not carried are digested and added (in a one-record edit, one or a few): copying the map and
    // looking every record up again took a tenth of a second at 100,000 records. Nothing reads the map meanwhile.
    List<? extends Record> fresh = values.parallelStream().filter(r -> !known.containsKey(r)).toList();
    fresh.parallelStream().forEach(r -> put(new Buffer(RECORD), r));
    for (Record r : fresh) {
      byte[] d = shared.get(new Identity(r));
      if (d != null) known.put(r, d);
    }
    primed = known;
  }

  /** A digest of several values in order, e.g. a page's template name, path and variables. */
  public byte[] of(Object... values) {
    return of(Arrays.asList(values));
  }

  private void put(Buffer b, Object v) {
    if (v == null) {
      b.tag('0');
    } else if (v instanceof String s) {
      b.tag('s').string(s);
    } else if (v instanceof byte[] raw) {
      b.tag('b').bytes(raw);
    } else if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof Enum<?>
        || v instanceof TemporalAccessor || v instanceof Path || v instanceof java.net.URI) {
      b.tag('v').string(v.getClass().getName()).string(v.toString());
    } else if (v instanceof Location) {
      b.tag('l');
    } else if (v instanceof Optional<?> o) {
      b.tag('o');
      put(b, o.orElse(null));
    } else if (v instanceof List<?> list) {
      b.tag('L').count(list.size());
      for (Object e : list) put(b, e);
    } else if (v instanceof Set<?> set) {
      putUnordered(b, 'S', set);
    } else if (v instanceof Map<?, ?> map) {
      putMap(b, map);
    } else if (v instanceof Object[] array) {
      put(b, Arrays.asList(array));
    } else if (v instanceof Record r) {
      if (SHARED.contains(r.getClass())) {
        // Not computeIfAbsent: a shared record holds others (a domain its items), digested on the way.
        Identity id = new Identity(r);
        byte[] d = primed.get(r);
        if (d == null) d = shared.get(id);
        if (d == null) {
          Buffer own = new Buffer(RECORD);
          putRecord(own, r);
          d = own.sha256();
          shared.putIfAbsent(id, d);
        }
        b.tag('r').bytes(d);
      } else {
        putRecord(b, r);
      }
    } else {
      throw new Unkeyable(v.getClass().getName());
    }
  }

  /**
   * Whether {@code a} and {@code b} certainly digest the same ({@code of(a)} equals {@code of(b)}), decided without
   * digesting: the same shared model instances (other instances are not compared: false), equal plain values, and
   * lists, maps, optionals and records of these alike in the order they are digested. False when unsure.
   */
  public static boolean alike(Object a, Object b) {
    if (a == b) return true;
    if (a == null || b == null || a.getClass() != b.getClass()) return false;
    if (a instanceof String || a instanceof Number || a instanceof Boolean || a instanceof Character
        || a instanceof Enum<?> || a instanceof TemporalAccessor || a instanceof Path || a instanceof java.net.URI) {
      return a.equals(b);
    }
    if (a instanceof Location) return true;
    if (a instanceof byte[] x) return Arrays.equals(x, (byte[]) b);
    if (a instanceof Optional<?> x) return alike(x.orElse(null), ((Optional<?>) b).orElse(null));
    if (a instanceof List<?> x) return alikeInOrder(x, (List<?>) b);
    if (a instanceof Object[] x) return alikeInOrder(Arrays.asList(x), Arrays.asList((Object[]) b));
    if (a instanceof SortedMap<?, ?> || a instanceof java.util.LinkedHashMap<?, ?>) {
      Map<?, ?> x = (Map<?, ?>) a;
      Map<?, ?> y = (Map<?, ?>) b;
      if (x.size() != y.size()) return false;
      var i = y.entrySet().iterator();
      for (Map.Entry<?, ?> e : x.entrySet()) {
        Map.Entry<?, ?> f = i.next();
        if (!alike(e.getKey(), f.getKey()) || !alike(e.getValue(), f.getValue())) return false;
      }
      return true;
    }
    if (a instanceof Record r) {
      if (SHARED.contains(r.getClass())) return false; // a different instance: not compared
      for (Method m : accessors(r.getClass())) {
        try {
          if (!alike(m.invoke(a), m.invoke(b))) return false;
        } catch (IllegalAccessException | InvocationTargetException e) {
          return false;
        }
      }
      return true;
    }
    return false; // sets and unordered maps are digested element by element, whatever equals() says of them
  }

  private static boolean alikeInOrder(List<?> a, List<?> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) if (!alike(a.get(i), b.get(i))) return false;
    return true;
  }

  private void putRecord(Buffer b, Record r) {
    b.tag('R').string(r.getClass().getName());
    for (Method m : accessors(r.getClass())) {
      try {
        put(b, m.invoke(r));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new Unkeyable(r.getClass().getName() + "." + m.getName());
      }
    }
  }

  /** Maps with an order of their own (sorted, insertion-ordered) keep it; others are digested in a stable order. */
  private void putMap(Buffer b, Map<?, ?> map) {
    if (map instanceof SortedMap<?, ?> || map instanceof java.util.LinkedHashMap<?, ?>) {
      b.tag('M').count(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        put(b, e.getKey());
        put(b, e.getValue());
      }
    } else {
      List<Object> entries = new ArrayList<>(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) entries.add(List.of(wrap(e.getKey()), wrap(e.getValue())));
      putUnordered(b, 'H', entries);
    }
  }

  private static Object wrap(Object o) {
    return o == null ? Optional.empty() : o;
  }

  private void putUnordered(Buffer b, char tag, Collection<?> elements) {
    List<byte[]> digests = new ArrayList<>(elements.size());
    for (Object e : elements) digests.add(of(e));
    digests.sort(Arrays::compareUnsigned);
    b.tag(tag).count(digests.size());
    for (byte[] d : digests) b.bytes(d);
  }

  private static Method[] accessors(Class<?> type) {
    return ACCESSORS.computeIfAbsent(type, t -> {
      RecordComponent[] cs = t.getRecordComponents();
      Method[] ms = new Method[cs.length];
      for (int i = 0; i < cs.length; i++) {
        ms[i] = cs[i].getAccessor();
        ms[i].setAccessible(true);
      }
      return ms;
    });
  }

  /** Identity key: model records compare by value, which would digest equal copies once (harmless) but slowly. */
  private record Identity(Object o) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity i && i.o == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(o);
    }
  }

  /**
   * A model record's values (its Markdown among them) take a few KB: its buffer starts there. Other digests (a page's
   * values, whose records are digested already; a search document's key) take a few hundred bytes, and a 4 KB buffer
   * for each of them was a fifth of what a one-record edit allocated at 100,000 records.
   */
  private static final int RECORD = 4096;

  /** One SHA-256 per thread: looking the algorithm up for each of the build's hundreds of thousands of digests cost. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(ViewDigest::newSha256);

  /**
   * Past this many bytes a buffer is hashed as it fills rather than grown: a dataset's whole table (100,000 rows at
   * 100,000 records) would otherwise grow one buffer to tens of MB by doubling: about a tenth of a GB allocated per
   * one-record edit.
   */
  static final int STREAM_FROM = 1 << 16;

  /** {@link #STREAM_FROM}, lowered or raised only by tests (which compare the digests either way). */
  static volatile int streamFrom = STREAM_FROM;

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * A growable byte buffer, hashed once at the end (one digest call is much cheaper than many small ones); one that
   * reaches {@link #streamFrom} bytes is hashed as it fills, with a SHA-256 of its own (the thread's one may be
   * digesting a value nested in this one meanwhile). The digest is the same either way.
   */
  private static final class Buffer {
    private byte[] data;
    private int size;
    private MessageDigest streaming;

    /** @param capacity the bytes expected: {@link #RECORD} for a model record, less for a page's own values */
    Buffer(int capacity) {
      data = new byte[capacity];
    }

    Buffer tag(char c) {
      ensure(1);
      data[size++] = (byte) c;
      return this;
    }

    Buffer count(int n) {
      ensure(4);
      data[size++] = (byte) (n >>> 24);
      data[size++] = (byte) (n >>> 16);
      data[size++] = (byte) (n >>> 8);
      data[size++] = (byte) n;
      return this;
    }

    /** The UTF-16 code units, two bytes each: unambiguous like UTF-8, without encoding into a new array first. */
    Buffer string(String s) {
      int n = s.length();
      count(n);
      ensure(2 * n);
      byte[] d = data;
      int at = size;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        d[at++] = (byte) (c >>> 8);
        d[at++] = (byte) c;
      }
      size = at;
      return this;
    }

    Buffer bytes(byte[] b) {
      count(b.length);
      ensure(b.length);
      System.arraycopy(b, 0, data, size, b.length);
      size += b.length;
      return this;
    }

    private void ensure(int more) {
      if (size + more <= data.length) return;
      int limit = streamFrom;
      if (size + more > limit && size > 0) {
        if (streaming == null) streaming = newSha256();
        streaming.update(data, 0, size);
        size = 0;
        if (more <= data.length) return;
      }
      data = Arrays.copyOf(data, Math.max(Math.min(data.length * 2, limit), size + more));
    }

    byte[] sha256() {
      if (streaming != null) {
        streaming.update(data, 0, size);
        return streaming.digest();
      }
      MessageDigest md = SHA256.get();
      md.update(data, 0, size);
      return md.digest(); // and reset for the thread's next digest
    }
  }
}
