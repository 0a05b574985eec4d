package io.vortex.bench.baseline;

import io.vortex.bench.check.W2Checksum;
import java.util.ArrayDeque;

/**
 * Threading: confined to one thread.
 *
 * <p>Per-(window, key) sums for aligned tumbling event-time windows with one
 * {@link LongLongSumMap} per open window, fired into a {@link W2Checksum} when the watermark
 * reaches the window's last millisecond ({@code wm >= end - 1}, as Flink's
 * {@code TumblingEventTimeWindows}). Events of already fired windows are dropped and counted as
 * late, as Flink does with zero allowed lateness.
 */
final class TumblingWindowSums {

  private final long size;
  private final int expectedKeys;
  private final W2Checksum out;
  private final ArrayDeque<LongLongSumMap> pool = new ArrayDeque<>();

  // Open windows sorted by start; only a handful are open at once, so arrays beat a tree.
  private long[] starts = new long[8];
  private LongLongSumMap[] maps = new LongLongSumMap[8];
  private int open;

  private long lastStart = Long.MIN_VALUE;
  private LongLongSumMap lastMap;

  private long watermark = Long.MIN_VALUE;
  private long late;

  TumblingWindowSums(long size, int expectedKeys, W2Checksum out) {
    this.size = size;
    this.expectedKeys = expectedKeys;
    this.out = out;
  }

  /** Adds {@code value} to (window of {@code ts}, {@code key}). */
  void add(long ts, long key, long value) {
    long start = ts - Math.floorMod(ts, size);
    if (start == lastStart) {
      lastMap.add(key, value);
      return;
    }
    if (start + size - 1 <= watermark) {
      late++;
      return;
    }
    LongLongSumMap m = mapFor(start);
    lastStart = start;
    lastMap = m;
    m.add(key, value);
  }

  private LongLongSumMap mapFor(long start) {
    int j = 0;
    while (j < open && starts[j] < start) {
      j++;
    }
    if (j < open && starts[j] == start) {
      return maps[j];
    }
    if (open == starts.length) {
      starts = java.util.Arrays.copyOf(starts, open * 2);
      maps = java.util.Arrays.copyOf(maps, open * 2);
    }
    System.arraycopy(starts, j, starts, j + 1, open - j);
    System.arraycopy(maps, j, maps, j + 1, open - j);
    LongLongSumMap m = pool.isEmpty() ? new LongLongSumMap(expectedKeys) : pool.pop();
    starts[j] = start;
    maps[j] = m;
    open++;
    return m;
  }

  /** Advances the watermark to {@code wm} (if higher) and fires every window it completes. */
  void advanceWatermark(long wm) {
    if (wm <= watermark) {
      return;
    }
    watermark = wm;
    while (open > 0 && starts[0] + size - 1 <= wm) {
      fireFirst();
    }
  }

  private void fireFirst() {
    long start = starts[0];
    LongLongSumMap m = maps[0];
    m.forEach((key, sum) -> out.add(start, key, sum));
    m.clear();
    pool.push(m);
    System.arraycopy(starts, 1, starts, 0, open - 1);
    System.arraycopy(maps, 1, maps, 0, open - 1);
    open--;
    maps[open] = null;
    if (lastMap == m) {
      lastMap = null;
      lastStart = Long.MIN_VALUE;
    }
  }

  /** Events dropped because their window had already fired. */
  long late() {
    return late;
  }

  /** Windows currently open. */
  int openWindows() {
    return open;
  }
}
