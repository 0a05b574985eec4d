package io.vortex.state.heap;

import java.util.function.BiConsumer;

/**
 * An open-addressing hash map (linear probing) for one key group of one state. A lookup
 * remembers where it found the key, so the usual read-modify-write ({@code value()} then {@code
 * update()}) probes once: a big share of keyed-state cost is the second lookup.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class StateTable {
  private static final int INITIAL_CAPACITY = 16;

  private Object[] keys = new Object[INITIAL_CAPACITY];
  private Object[] values = new Object[INITIAL_CAPACITY];
  private int size;
  /** The key of the last lookup and its slot (valid until the table changes shape). */
  private Object lastKey;
  private int lastSlot = -1;

  int size() {
    return size;
  }

  Object get(Object key) {
    int slot = find(key);
    return slot >= 0 ? values[slot] : null;
  }

  void put(Object key, Object value) {
    int slot = lastKey == key && lastSlot >= 0 && keys[lastSlot] == key ? lastSlot : find(key);
    if (slot >= 0) {
      if (values[slot] != value) { // in-place updates skip the GC write barrier of a store
        values[slot] = value;
      }
      return;
    }
    if ((size + 1) * 4 > keys.length * 3) {
      resize();
    }
    slot = freeSlot(key);
    keys[slot] = key;
    values[slot] = value;
    size++;
    lastKey = key;
    lastSlot = slot;
  }

  void remove(Object key) {
    int slot = find(key);
    if (slot < 0) {
      return;
    }
    deleteAt(slot);
    lastKey = null;
    lastSlot = -1;
  }

  void forEach(BiConsumer<Object, Object> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        action.accept(keys[i], values[i]);
      }
    }
  }

  /** The slot holding {@code key}, or -1; remembers it. */
  private int find(Object key) {
    if (lastKey == key && lastSlot >= 0 && keys[lastSlot] == key) {
      return lastSlot;
    }
    int mask = keys.length - 1;
    int slot = home(key);
    while (true) {
      Object k = keys[slot];
      if (k == null) {
        return -1;
      }
      if (k == key || k.equals(key)) {
        lastKey = key;
        lastSlot = slot;
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int freeSlot(Object key) {
    int mask = keys.length - 1;
    int slot = home(key);
    while (keys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Backward-shift deletion keeps probe chains intact without tombstones. */
  private void deleteAt(int slot) {
    int mask = keys.length - 1;
    int hole = slot;
    int next = (hole + 1) & mask;
    while (keys[next] != null) {
      int home = home(keys[next]);
      boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
      if (movable) {
        keys[hole] = keys[next];
        values[hole] = values[next];
        hole = next;
      }
      next = (next + 1) & mask;
    }
    keys[hole] = null;
    values[hole] = null;
    size--;
  }

  private void resize() {
    Object[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new Object[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = freeSlot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
    lastKey = null;
    lastSlot = -1;
  }

  /**
   * The key's preferred slot, from the high bits of a Fibonacci hash. Not the key-group hash:
   * every key of one table shares its key group, so that hash's low bits are all the same here.
   */
  private int home(Object key) {
    int bits = Integer.numberOfTrailingZeros(keys.length);
    return (key.hashCode() * 0x9E3779B9) >>> (32 - bits);
  }
}
