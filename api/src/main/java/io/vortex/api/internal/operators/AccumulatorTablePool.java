package io.vortex.api.internal.operators;

import java.util.ArrayDeque;

/**
 * Emptied {@link AccumulatorTable}s of windows that are done, kept for the next windows of the
 * same operator. With 100,000 keys a window's table is megabytes of arrays: allocating and
 * zeroing its key array anew per window (a humongous object, in the old generation from the
 * start) costs more than clearing it. Every table given back is cleared, kept or not, so that it
 * refers to no accumulator any more: a table that grew old would keep its window's young
 * accumulators alive through young collections (see {@link AccumulatorTable#clear}).
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
