package io.vortex.api.internal.operators;

import java.util.ArrayDeque;

/**
 * Emptied {@link AccumulatorTable}s of windows that are done, kept for the next windows of the
 * same operator. With 100,000 keys a window's table is megabytes of arrays: allocating and
 * zeroing them anew per window costs more than clearing one, and G1 allocates arrays that large
 * directly in the old generation, where the young accumulators a dropped table still refers to
 * would survive young collections (see {@link AccumulatorTable#clear}). Every table given back is
 * cleared, kept or not.
 *
 * <p>Threading: confined to the owning task's thread (one pool per operator instance).
 */
final class AccumulatorTablePool {
  /** Tables kept: a window fires while the next one or two are already filling. */
  static final int KEPT = 2;

  private final ArrayDeque<AccumulatorTable> free = new ArrayDeque<>(KEPT);

  /**
   * An empty table for about {@code expectedKeys} keys: a kept one if one is large enough and
   * not more than four times larger than needed (walking a table costs per slot), else a new one.
   */
  AccumulatorTable take(int expectedKeys) {
    int needed = AccumulatorTable.capacityFor(expectedKeys);
    for (int i = free.size(); i > 0; i--) {
      AccumulatorTable table = free.pollFirst();
      int capacity = table.capacity();
      if (capacity >= needed && capacity <= 4L * needed) {
        return table;
      }
      free.addLast(table);
    }
    return new AccumulatorTable(expectedKeys);
  }

  /** Clears {@code table}, which nothing may use any more, and keeps it if there is room. */
  void give(AccumulatorTable table) {
    table.clear();
    if (free.size() == KEPT) {
      free.pollFirst(); // keep the most recent: the closest in size to the next windows
    }
    free.addLast(table);
  }

  /** For tests: tables kept. */
  int kept() {
    return free.size();
  }
}
