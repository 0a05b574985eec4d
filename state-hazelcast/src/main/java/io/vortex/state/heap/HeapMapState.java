package io.vortex.state.heap;

import io.vortex.api.state.MapState;
import io.vortex.api.state.StateDescriptor;
import java.util.HashMap;
import java.util.Map;

/** Threading: confined to the owning task's thread. */
final class HeapMapState<K, V> extends HeapKeyedStateBackend.HeapState implements MapState<K, V> {
  HeapMapState(HeapKeyedStateBackend backend, StateDescriptor<?> descriptor) {
    super(backend, descriptor);
  }

  @SuppressWarnings("unchecked")
  private Map<K, V> map(boolean create) {
    Map<K, V> map = (Map<K, V>) super.get();
    if (map == null && create) {
      map = new HashMap<>();
      put(map);
    }
    return map;
  }

  @Override
  public V get(K key) {
    Map<K, V> map = map(false);
    return map == null ? null : map.get(key);
  }

  @Override
  public void put(K key, V value) {
    map(true).put(key, value);
  }

  @Override
  public void remove(K key) {
    Map<K, V> map = map(false);
    if (map != null) {
      map.remove(key);
      if (map.isEmpty()) {
        clear();
      }
    }
  }

  @Override
  public boolean contains(K key) {
    Map<K, V> map = map(false);
    return map != null && map.containsKey(key);
  }

  @Override
  public Map<K, V> entries() {
    Map<K, V> map = map(false);
    return map == null ? Map.of() : map;
  }

  @Override
  public boolean isEmpty() {
    Map<K, V> map = map(false);
    return map == null || map.isEmpty();
  }
}
