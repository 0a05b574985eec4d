package io.vortex.api.internal.operators;

import io.vortex.api.internal.KeyGroups;

/**
 * Per-key accumulators of one window in a pre-aggregating task: open addressing with each
 * entry's fields side by side, {@code meta = [hash | occupied, count]} and {@code data = [key,
 * accumulator]}, so a lookup costs about one cache line per array. Tables hold about 100k keys in
 * the window benchmark, far beyond the CPU caches, and a {@code HashMap} of node, key and slot
 * objects paid twice the misses.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class PartialTable {
  private static final long OCCUPIED = 1L << 32;

  private long[] meta;
  private Object[] data;
  private int size;

  PartialTable(int expectedKeys) {
    int capacity = Integer.highestOneBit(Math.max(16, expectedKeys * 2) - 1) << 1;
    meta = new long[2 * capacity];
    data = new Object[2 * capacity];
  }

  int size() {
    return size;
  }

  int capacity() {
    return meta.length / 2;
  }

  /** The slot of {@code key}, added (with a null accumulator) when absent. */
  int slotOf(Object key) {
    int hash = KeyGroups.mix(key.hashCode());
    long tag = (hash & 0xffffffffL) | OCCUPIED;
    int mask = capacity() - 1;
    int slot = hash & mask;
    while (true) {
      long m = meta[2 * slot];
      if (m == 0) {
        break;
      }
      if (m == tag) {
        Object k = data[2 * slot];
        if (k == key || k.equals(key)) {
          return slot;
        }
      }
      slot = (slot + 1) & mask;
    }
    if ((size + 1) * 2 > capacity()) { // at most half full: linear probes stay short
      grow();
      return slotOf(key);
    }
    meta[2 * slot] = tag;
    data[2 * slot] = key;
    size++;
    return slot;
  }

  /** True when a slot holds a key; iterate slots {@code 0 .. capacity()-1} with it. */
  boolean occupied(int slot) {
    return meta[2 * slot] != 0;
  }

  Object key(int slot) {
    return data[2 * slot];
  }

  Object accumulator(int slot) {
    return data[2 * slot + 1];
  }

  long count(int slot) {
    return meta[2 * slot + 1];
  }

  /** Folds one more record into the slot's accumulator. */
  void update(int slot, Object accumulator) {
    if (data[2 * slot + 1] != accumulator) {
      // accumulators are often updated in place; skipping the store skips the GC write barrier
      // of a reference store into this large (old-generation) array
      data[2 * slot + 1] = accumulator;
    }
    meta[2 * slot + 1]++;
  }

  private void grow() {
    long[] oldMeta = meta;
    Object[] oldData = data;
    meta = new long[oldMeta.length * 2];
    data = new Object[oldData.length * 2];
    int mask = capacity() - 1;
    for (int i = 0; i < oldMeta.length; i += 2) {
      if (oldMeta[i] != 0) {
        int slot = (int) oldMeta[i] & mask;
        while (meta[2 * slot] != 0) {
          slot = (slot + 1) & mask;
        }
        meta[2 * slot] = oldMeta[i];
        meta[2 * slot + 1] = oldMeta[i + 1];
        data[2 * slot] = oldData[i];
        data[2 * slot + 1] = oldData[i + 1];
      }
    }
  }
}
