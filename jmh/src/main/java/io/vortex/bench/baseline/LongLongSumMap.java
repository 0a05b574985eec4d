package io.vortex.bench.baseline;

import java.util.Arrays;

/**
 * Threading: confined to one thread.
 *
 * <p>Open-addressing {@code long -> long} map that only sums into values (linear probing,
 * Fibonacci hashing, keys and values interleaved in one array so a probe touches one cache
 * line). Any {@code long} is a valid key: the slot marker {@code Long.MIN_VALUE} is kept aside.
 */
public final class LongLongSumMap {

  /** Receives one entry. */
  @FunctionalInterface
  public interface EntryConsumer {
    void accept(long key, long value);
  }

  private static final long EMPTY = Long.MIN_VALUE;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long[] slots;
  private int mask;
  private int shift;
  private int size;
  private int resizeAt;
  private boolean hasEmptyKey;
  private long emptyKeyValue;

  /** A map sized for {@code expected} keys without resizing. */
  public LongLongSumMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    allocate(cap);
  }

  private void allocate(int cap) {
    slots = new long[cap * 2];
    Arrays.fill(slots, EMPTY);
    mask = cap - 1;
    shift = 64 - Integer.numberOfTrailingZeros(cap);
    resizeAt = cap / 2;
  }

  /** {@code map[key] += delta} (absent keys start at 0). */
  public void add(long key, long delta) {
    if (key == EMPTY) {
      if (!hasEmptyKey) {
        hasEmptyKey = true;
        size++;
      }
      emptyKeyValue += delta;
      return;
    }
    long[] s = slots;
    int i = (int) ((key * GOLDEN) >>> shift);
    while (true) {
      long k = s[2 * i];
      if (k == key) {
        s[2 * i + 1] += delta;
        return;
      }
      if (k == EMPTY) {
        s[2 * i] = key;
        s[2 * i + 1] = delta;
        if (++size > resizeAt) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** The value of {@code key}, 0 if absent. */
  public long get(long key) {
    if (key == EMPTY) {
      return hasEmptyKey ? emptyKeyValue : 0;
    }
    int i = (int) ((key * GOLDEN) >>> shift);
    while (true) {
      long k = slots[2 * i];
      if (k == key) {
        return slots[2 * i + 1];
      }
      if (k == EMPTY) {
        return 0;
      }
      i = (i + 1) & mask;
    }
  }

  public int size() {
    return size;
  }

  /** Visits every entry, in no particular order. */
  public void forEach(EntryConsumer c) {
    if (hasEmptyKey) {
      c.accept(EMPTY, emptyKeyValue);
    }
    long[] s = slots;
    for (int j = 0; j < s.length; j += 2) {
      if (s[j] != EMPTY) {
        c.accept(s[j], s[j + 1]);
      }
    }
  }

  /** Removes every entry, keeping the capacity (so a recycled map does not allocate). */
  public void clear() {
    Arrays.fill(slots, EMPTY);
    size = 0;
    hasEmptyKey = false;
    emptyKeyValue = 0;
  }

  private void grow() {
    long[] old = slots;
    boolean keepEmpty = hasEmptyKey;
    long keepEmptyValue = emptyKeyValue;
    allocate((mask + 1) * 2);
    size = 0;
    hasEmptyKey = false;
    emptyKeyValue = 0;
    for (int j = 0; j < old.length; j += 2) {
      if (old[j] != EMPTY) {
        add(old[j], old[j + 1]);
      }
    }
    if (keepEmpty) {
      add(EMPTY, keepEmptyValue);
    }
  }
}
