package io.vortex.api.internal.operators;

import java.util.Arrays;
import java.util.Objects;

/**
 * An open-addressing hash table from key to (accumulator, record count), for the window
 * combiner's per-record lookups: no entry objects and one probe sequence per record. While every
 * key is a {@link Long} the keys are held unboxed, each beside its count in one {@code long[]}
 * (one cache line per lookup instead of a node, a boxed key and a slot object); the first key of
 * another type (or {@code null}) moves the table to object keys, compared by hash code then
 * {@code equals}. Keys are only added; the table is emptied as a whole by dropping it.
 *
 * <p>Slots are addressed by index: {@link #slotOf} finds or adds a key, {@link #accumulator},
 * {@link #setAccumulator} and {@link #count} read and update it in place, and {@link
 * #nextSlot}/{@link #keyAt} walk the occupied slots. A slot is occupied when its count is
 * positive: {@link #slotOf} counts the record it is called for. {@link #clear} empties it for
 * reuse ({@link AccumulatorTablePool}).
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class AccumulatorTable {
  private static final long LONG_PHI = 0x9E3779B97F4A7C15L;
  private static final int INT_PHI = 0x9E3779B9;
  private static final int MIN_CAPACITY = 16;

  private int bits;
  private int mask;
  private int size;
  private int growAt; // size at which the table doubles (load factor 1/2)
  /** Long keys: key of slot i at 2i, its count at 2i + 1; null once the keys are objects. */
  private long[] longKeys;
  /** Object keys (null while keys are longs), their hash codes and counts. */
  private Object[] keys;
  private int[] hashes;
  private long[] counts;
  private AccumulatorPages accumulators;
  /** What the touch methods read, kept so that the reads are not optimized away. */
  private long touched;

  /** A table sized to hold {@code expectedKeys} keys without growing. */
  AccumulatorTable(int expectedKeys) {
    int capacity = capacityFor(expectedKeys);
    allocate(capacity);
    longKeys = new long[2 * capacity];
  }

  /** The capacity a table for {@code expectedKeys} keys starts with (load factor 1/2). */
  static int capacityFor(int expectedKeys) {
    int capacity = MIN_CAPACITY;
    while (capacity < 2L * expectedKeys && capacity < (1 << 30)) {
      capacity <<= 1;
    }
    return capacity;
  }

  private void allocate(int capacity) {
    bits = Integer.numberOfTrailingZeros(capacity);
    mask = capacity - 1;
    growAt = capacity / 2;
    accumulators = new AccumulatorPages(capacity);
  }

  int size() {
    return size;
  }

  /**
   * The slot of {@code key} (which may be null), added with a null accumulator if absent; counts
   * one record in it. May grow the table or move it to object keys, which moves the slots: see
   * {@link #prepare}.
   */
  int slotOf(Object key) {
    if (size >= growAt) { // (after prepare(batch, n), not within the batch's lookups)
      grow();
    }
    if (longKeys != null) {
      if (key instanceof Long l) {
        return longSlot(l);
      }
      toObjectKeys();
    }
    return objectSlot(key);
  }

  /**
   * {@link #slotOf} for a {@code long} key, which needs no box while the table holds long keys;
   * see {@link #prepareLongs}.
   */
  int slotOfLong(long key) {
    if (size >= growAt) {
      grow();
    }
    return longKeys != null ? longSlot(key) : objectSlot(key);
  }

  private int longSlot(long key) {
    long[] table = longKeys;
    int i = (int) ((key * LONG_PHI) >>> (64 - bits));
    while (true) {
      int at = i << 1;
      long count = table[at + 1];
      if (count == 0) {
        table[at] = key;
        table[at + 1] = 1;
        size++;
        return i;
      }
      if (table[at] == key) {
        table[at + 1] = count + 1;
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  private int objectSlot(Object key) {
    int hash = Objects.hashCode(key);
    int i = (hash * INT_PHI) >>> (32 - bits);
    while (true) {
      long count = counts[i];
      if (count == 0) {
        keys[i] = key;
        hashes[i] = hash;
        counts[i] = 1;
        size++;
        return i;
      }
      if (hashes[i] == hash && Objects.equals(keys[i], key)) {
        counts[i] = count + 1;
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Readies the table for looking up the first {@code n} keys of {@code batch} with slot indices
   * that stay valid until all are looked up: moves to object keys if one is not a {@link Long} and
   * grows if they could fill it (both move every slot). Then reads each key's home slot, so that
   * the cache misses of the batch overlap (see {@code WindowLocalAggregateOperator}).
   */
  void prepare(Object[] batch, int n) {
    if (longKeys != null) {
      for (int i = 0; i < n; i++) {
        if (!(batch[i] instanceof Long)) {
          toObjectKeys();
          break;
        }
      }
    }
    while (size + n > growAt && (mask + 1) < (1 << 30)) {
      grow();
    }
    long sink = 0;
    if (longKeys != null) {
      long[] table = longKeys;
      for (int i = 0; i < n; i++) {
        long key = (Long) batch[i];
        sink += table[((int) ((key * LONG_PHI) >>> (64 - bits))) << 1];
      }
    } else {
      for (int i = 0; i < n; i++) {
        sink += counts[(Objects.hashCode(batch[i]) * INT_PHI) >>> (32 - bits)];
      }
    }
    touched += sink;
  }

  /** {@link #prepare} for a batch of {@code long} keys. */
  void prepareLongs(long[] batch, int n) {
    while (size + n > growAt && (mask + 1) < (1 << 30)) {
      grow();
    }
    long sink = 0;
    if (longKeys != null) {
      long[] table = longKeys;
      for (int i = 0; i < n; i++) {
        sink += table[((int) ((batch[i] * LONG_PHI) >>> (64 - bits))) << 1];
      }
    }
    touched += sink;
  }

  /** Reads the accumulator objects of the first {@code n} slots, for the reason of {@link #prepare}. */
  void touchAccumulators(int[] slots, int n) {
    long sink = 0;
    AccumulatorPages accs = accumulators;
    for (int i = 0; i < n; i++) {
      Object acc = accs.get(slots[i]);
      if (acc != null) {
        sink += acc.getClass() == Object.class ? 1 : 0;
      }
    }
    touched += sink;
  }

  Object accumulator(int slot) {
    return accumulators.get(slot);
  }

  void setAccumulator(int slot, Object accumulator) {
    accumulators.update(slot, accumulator);
  }

  /** Records counted in an occupied slot. */
  long count(int slot) {
    return longKeys != null ? longKeys[2 * slot + 1] : counts[slot];
  }

  /** The key of an occupied slot (a long key boxed anew). */
  Object keyAt(int slot) {
    return longKeys != null ? Long.valueOf(longKeys[2 * slot]) : keys[slot];
  }

  /** The first occupied slot at or after {@code from}, or -1. */
  int nextSlot(int from) {
    for (int i = from; i <= mask; i++) {
      if (count(i) > 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Empties the table, back to unboxed long keys, keeping its capacity; drops every reference to
   * keys and accumulators. A table kept across collections lives in the old generation, and young
   * objects it still referred to would be kept alive, and copied, by every young collection until
   * the table itself is collected. The accumulators get fresh pages, young again (see {@link
   * AccumulatorPages}); the key arrays hold no references and are reused.
   */
  void clear() {
    int capacity = mask + 1;
    if (longKeys != null) {
      Arrays.fill(longKeys, 0L);
    } else {
      keys = null;
      hashes = null;
      counts = null;
      longKeys = new long[2 * capacity];
    }
    accumulators.release();
    accumulators = new AccumulatorPages(capacity);
    size = 0;
  }

  private void toObjectKeys() {
    long[] old = longKeys;
    int capacity = mask + 1;
    keys = new Object[capacity];
    hashes = new int[capacity];
    counts = new long[capacity];
    longKeys = null;
    AccumulatorPages oldAccumulators = accumulators;
    accumulators = new AccumulatorPages(capacity);
    size = 0;
    for (int i = 0; i < capacity; i++) {
      long count = old[2 * i + 1];
      if (count > 0) {
        place(Long.valueOf(old[2 * i]), oldAccumulators.get(i), count);
      }
    }
    oldAccumulators.release();
  }

  private void grow() {
    int capacity = (mask + 1) << 1;
    if (capacity <= 0) {
      throw new IllegalStateException("accumulator table full: " + size + " keys");
    }
    long[] oldLongKeys = longKeys;
    Object[] oldKeys = keys;
    long[] oldCounts = counts;
    AccumulatorPages oldAccumulators = accumulators;
    int oldCapacity = mask + 1;
    allocate(capacity);
    size = 0;
    if (oldLongKeys != null) {
      longKeys = new long[2 * capacity];
      for (int i = 0; i < oldCapacity; i++) {
        long count = oldLongKeys[2 * i + 1];
        if (count > 0) {
          int slot = longSlot(oldLongKeys[2 * i]);
          longKeys[2 * slot + 1] = count;
          accumulators.set(slot, oldAccumulators.get(i));
        }
      }
    } else {
      keys = new Object[capacity];
      hashes = new int[capacity];
      counts = new long[capacity];
      for (int i = 0; i < oldCapacity; i++) {
        if (oldCounts[i] > 0) {
          place(oldKeys[i], oldAccumulators.get(i), oldCounts[i]);
        }
      }
    }
    oldAccumulators.release();
  }

  /** Re-inserts a distinct key (object keys), keeping its accumulator and count. */
  private void place(Object key, Object accumulator, long count) {
    int slot = objectSlot(key);
    counts[slot] = count;
    accumulators.set(slot, accumulator);
  }

  @Override
  public String toString() {
    return "AccumulatorTable[size=" + size + ", capacity=" + (mask + 1)
        + (longKeys != null ? ", long keys]" : ", object keys]");
  }

  /** For tests: the capacity (slots). */
  int capacity() {
    return mask + 1;
  }

  /** For tests: whether keys are still held unboxed. */
  boolean holdsLongKeys() {
    return longKeys != null;
  }
}
