package io.vortex.api.internal.operators;

import io.vortex.api.internal.KeyGroups;

/**
 * Per-key accumulators of one window in a pre-aggregating task: open addressing over parallel
 * arrays (hash, key, accumulator, count). A lookup touches the hash array and, on a match, the
 * key: far fewer cache misses than a {@code HashMap} of node, key and slot objects, which
 * dominated the combiner's profile.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class PartialTable {
  private int[] hashes;
  private Object[] keys;
  private Object[] accumulators;
  private long[] counts;
  private int size;

  PartialTable(int expectedKeys) {
    int capacity = Integer.highestOneBit(Math.max(16, expectedKeys * 4 / 3) - 1) << 1;
    allocate(capacity);
  }

  private void allocate(int capacity) {
    hashes = new int[capacity];
    keys = new Object[capacity];
    accumulators = new Object[capacity];
    counts = new long[capacity];
  }

  int size() {
    return size;
  }

  int capacity() {
    return keys.length;
  }

  /** The slot of {@code key}, added (with a null accumulator) when absent. */
  int slotOf(Object key) {
    int hash = KeyGroups.mix(key.hashCode());
    int mask = keys.length - 1;
    int slot = hash & mask;
    while (keys[slot] != null) {
      if (hashes[slot] == hash && (keys[slot] == key || keys[slot].equals(key))) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    if ((size + 1) * 4 > keys.length * 3) {
      grow();
      return slotOf(key);
    }
    hashes[slot] = hash;
    keys[slot] = key;
    size++;
    return slot;
  }

  /** True when a slot holds a key; iterate slots {@code 0 .. capacity()-1} with it. */
  boolean occupied(int slot) {
    return keys[slot] != null;
  }

  Object key(int slot) {
    return keys[slot];
  }

  Object accumulator(int slot) {
    return accumulators[slot];
  }

  long count(int slot) {
    return counts[slot];
  }

  /** Folds one more record into the slot's accumulator. */
  void update(int slot, Object accumulator) {
    accumulators[slot] = accumulator;
    counts[slot]++;
  }

  private void grow() {
    int[] oldHashes = hashes;
    Object[] oldKeys = keys;
    Object[] oldAccumulators = accumulators;
    long[] oldCounts = counts;
    allocate(oldKeys.length * 2);
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = oldHashes[i] & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        hashes[slot] = oldHashes[i];
        keys[slot] = oldKeys[i];
        accumulators[slot] = oldAccumulators[i];
        counts[slot] = oldCounts[i];
      }
    }
  }
}
