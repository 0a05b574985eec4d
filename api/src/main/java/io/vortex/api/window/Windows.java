package io.vortex.api.window;

import io.vortex.api.internal.TimeMath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Argument checks and window arithmetic (saturating, see {@link TimeMath}) of the assigners. */
final class Windows {
  private Windows() {}

  static long positiveMillis(Duration d, String what, String assigner) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero() || TimeMath.millis(d) <= 0) {
      throw new IllegalArgumentException(
          assigner + ": the " + what + " must be at least 1 ms, was " + d);
    }
    return TimeMath.millis(d);
  }

  /** Checks {@code |offset| < bound}, as Flink does. */
  static long offsetMillis(Duration offset, long bound, String boundName, String assigner) {
    Objects.requireNonNull(offset, "offset");
    long millis = TimeMath.millis(offset);
    if (Math.abs(millis) >= bound) {
      throw new IllegalArgumentException(
          assigner + ": the offset must be smaller than the " + boundName + " in absolute value: "
              + "offset " + offset + ", " + boundName + " " + bound + " ms");
    }
    return millis;
  }

  /**
   * Fails clearly on a record without a timestamp in an event-time window ({@link
   * Long#MIN_VALUE}, as in Flink), and on one at {@link Long#MAX_VALUE}, the end of event time
   * (the final watermark), which no window can end after.
   */
  static long eventTimestamp(long timestamp, String assigner) {
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException(
          assigner + " got a record without a timestamp (Long.MIN_VALUE): event-time windows "
              + "need timestamps; did you forget assignTimestampsAndWatermarks(...), or mean a "
              + "processing-time window?");
    }
    if (timestamp == Long.MAX_VALUE) {
      throw new IllegalStateException(
          assigner + " got a record at Long.MAX_VALUE, the end of event time: no window can hold "
              + "it; event timestamps must be below Long.MAX_VALUE");
    }
    return timestamp;
  }

  /**
   * The window of {@code size} containing {@code time}; the first and last windows of the
   * {@code long} time line are cut at its ends (saturated) instead of wrapping around.
   */
  static TimeWindow tumbling(long time, long offset, long size) {
    long intoWindow = TimeWindow.offsetInWindow(time, offset, size);
    return window(time, intoWindow, size);
  }

  /**
   * The sliding windows containing {@code time}, latest start first (as in Flink); windows at
   * the ends of the time line are cut there, never wrapped.
   */
  static List<TimeWindow> sliding(long time, long offset, long size, long slide) {
    List<TimeWindow> windows = new ArrayList<>((int) Math.min(size / slide + 1, 1024));
    // time - start for each window containing time: below size, so none of this overflows
    for (long intoWindow = TimeWindow.offsetInWindow(time, offset, slide);
        intoWindow < size;
        intoWindow += slide) {
      windows.add(window(time, intoWindow, size));
      if (intoWindow > Long.MAX_VALUE - slide) {
        break;
      }
    }
    return windows;
  }

  /** The window of {@code size} that starts {@code intoWindow} before {@code time}, saturated. */
  private static TimeWindow window(long time, long intoWindow, long size) {
    long start = TimeMath.subtract(time, intoWindow);
    long end = TimeMath.add(time, size - intoWindow);
    return new TimeWindow(start, end);
  }
}
