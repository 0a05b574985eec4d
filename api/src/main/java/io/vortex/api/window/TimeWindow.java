package io.vortex.api.window;

import io.vortex.api.internal.TimeMath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The time interval {@code [start, end)} in epoch milliseconds: start inclusive, end exclusive,
 * so {@link #maxTimestamp()} is {@code end - 1}. Immutable.
 */
public record TimeWindow(long start, long end) implements Window {
  public TimeWindow {
    if (end <= start) {
      throw new IllegalArgumentException(
          "a window must end after it starts: [" + start + ", " + end + ")");
    }
  }

  @Override
  public long maxTimestamp() {
    return end - 1;
  }

  /** True when the windows overlap or touch (as in Flink, touching sessions merge). */
  public boolean intersects(TimeWindow other) {
    return start <= other.end && end >= other.start;
  }

  /** The smallest window that covers both. */
  public TimeWindow cover(TimeWindow other) {
    return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
  }

  /**
   * The start of the window of {@code size} containing {@code timestamp}, for windows aligned
   * to the epoch plus {@code offset}: {@code timestamp - floorMod(timestamp - offset, size)},
   * or {@link Long#MIN_VALUE} for the first window of the time line, which is cut there.
   */
  public static long windowStart(long timestamp, long offset, long size) {
    return TimeMath.subtract(timestamp, offsetInWindow(timestamp, offset, size));
  }

  /**
   * How far {@code timestamp} is into its window of {@code size} aligned to the epoch plus
   * {@code offset}: {@code floorMod(timestamp - offset, size)}, computed without overflow.
   */
  public static long offsetInWindow(long timestamp, long offset, long size) {
    return Math.floorMod(Math.floorMod(timestamp, size) - Math.floorMod(offset, size), size);
  }

  /**
   * Merges overlapping or touching windows, as session assigners do: sorts by start, sweeps,
   * and reports every group of two or more windows with the window covering the group. Groups
   * are reported in start order, each in start order.
   */
  public static void mergeWindows(
      Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
    List<TimeWindow> sorted = new ArrayList<>(windows);
    sorted.sort(Comparator.comparingLong(TimeWindow::start).thenComparingLong(TimeWindow::end));
    TimeWindow cover = null;
    Set<TimeWindow> group = new LinkedHashSet<>();
    for (TimeWindow candidate : sorted) {
      if (cover != null && cover.intersects(candidate)) {
        cover = cover.cover(candidate);
        group.add(candidate);
        continue;
      }
      if (group.size() > 1) {
        callback.merge(group, cover);
      }
      cover = candidate;
      group = new LinkedHashSet<>();
      group.add(candidate);
    }
    if (group.size() > 1) {
      callback.merge(group, cover);
    }
  }

  @Override
  public String toString() {
    return "TimeWindow[" + start + ", " + end + ")";
  }
}
