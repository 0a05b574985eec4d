package io.vortex.state.heap;

import java.util.function.BiConsumer;

/**
 * An open-addressing hash map (linear probing) of one state: for the void namespace one table
 * per key group, for any other namespace (a window) one table per namespace, which then also
 * keeps each key's key group so its keys can be walked without hashing them again. A lookup
 * remembers where it found the key, so the usual read-modify-write ({@code value()} then {@code
 * update()}) probes once: a big share of keyed-state cost is the second lookup.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class StateTable {
  private static final int INITIAL_CAPACITY = 16;

  private Object[] keys;
  private Object[] values;
  private int[] keyGroups; // null unless the table spans key groups
  private int size;
  /** The key of the last lookup and its slot (valid until the table changes shape). */
  private Object lastKey;
  private int lastSlot = -1;

  /** A table of one key group. */
  StateTable() {
    this(INITIAL_CAPACITY, false);
  }

  /** A table of {@code capacity} (a power of two) slots; {@code spansKeyGroups}: keeps them. */
  StateTable(int capacity, boolean spansKeyGroups) {
    keys = new Object[capacity];
    values = new Object[capacity];
    keyGroups = spansKeyGroups ? new int[capacity] : null;
  }

  int size() {
    return size;
  }

  Object get(Object key) {
    int slot = find(key);
    return slot >= 0 ? values[slot] : null;
  }

  void put(Object key, Object value) {
    put(key, -1, value);
  }

  /** Puts with the key's key group (kept when the table spans key groups). */
  void put(Object key, int keyGroup, Object value) {
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
    if (keyGroups != null) {
      keyGroups[slot] = keyGroup;
    }
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

  /** The first occupied slot at or after {@code from}, or -1. */
  int nextOccupied(int from) {
    for (int i = from; i < keys.length; i++) {
      if (keys[i] != null) {
        return i;
      }
    }
    return -1;
  }

  /** The key in an occupied slot; the next lookup of it finds it without probing. */
  Object keyAt(int slot) {
    lastKey = keys[slot];
    lastSlot = slot;
    return lastKey;
  }

  /** The key group of the key in an occupied slot of a table that spans key groups. */
  int keyGroupAt(int slot) {
    return keyGroups[slot];
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
        if (keyGroups != null) {
          keyGroups[hole] = keyGroups[next];
        }
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
    int[] oldGroups = keyGroups;
    keys = new Object[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    keyGroups = oldGroups == null ? null : new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = freeSlot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
        if (oldGroups != null) {
          keyGroups[slot] = oldGroups[i];
        }
      }
    }
    lastKey = null;
    lastSlot = -1;
  }

  /**
   * The key's preferred slot, from the high bits of the key's hash code mixed by MurmurHash3's
   * finaliser. Not the key-group hash: every key of a key group's table shares its key group, so
   * that hash's low bits are all the same there. Not a plain multiplicative (Fibonacci) hash
   * either: records often come in the slot order of another table (a combiner's partials, in
   * its slot order), and inserting keys in the order of this table's own hash makes linear
   * probing cluster badly.
   */
  private int home(Object key) {
    int h = key.hashCode();
    h = (h ^ (h >>> 16)) * 0x85EBCA6B;
    h = (h ^ (h >>> 13)) * 0xC2B2AE35;
    h ^= h >>> 16;
    return h >>> (32 - Integer.numberOfTrailingZeros(keys.length));
  }
}
