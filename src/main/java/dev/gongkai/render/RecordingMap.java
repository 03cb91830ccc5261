package dev.gongkai.render;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An unmodifiable view of a map that notes which keys a template read, so that an incremental build knows which
 * entries a page depends on. Any call that sees the whole map (iteration, size, emptiness) marks it as read whole.
 * One instance per page render (not thread-safe).
 */
final class RecordingMap<K, V> extends AbstractMap<K, V> {
  private final Map<K, V> delegate;
  private final Set<String> read = new TreeSet<>();
  private boolean whole;

  RecordingMap(Map<K, V> delegate) {
    this.delegate = delegate;
  }

  /** The keys read one by one (as strings), sorted. */
  Set<String> keysRead() {
    return Collections.unmodifiableSet(read);
  }

  /** Whether the page saw the whole map. */
  boolean readWhole() {
    return whole;
  }

  Map<K, V> delegate() {
    return delegate;
  }

  private void note(Object key) {
    read.add(String.valueOf(key));
  }

  @Override
  public V get(Object key) {
    note(key);
    return delegate.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    note(key);
    return delegate.containsKey(key);
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    note(key);
    return delegate.getOrDefault(key, defaultValue);
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    whole = true;
    return Collections.unmodifiableMap(delegate).entrySet();
  }

  @Override
  public Set<K> keySet() {
    whole = true;
    return Collections.unmodifiableSet(delegate.keySet());
  }

  @Override
  public Collection<V> values() {
    whole = true;
    return Collections.unmodifiableCollection(delegate.values());
  }

  @Override
  public int size() {
    whole = true;
    return delegate.size();
  }

  @Override
  public boolean isEmpty() {
    whole = true;
    return delegate.isEmpty();
  }

  @Override
  public boolean containsValue(Object value) {
    whole = true;
    return delegate.containsValue(value);
  }
}
