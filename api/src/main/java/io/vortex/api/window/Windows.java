package io.vortex.api.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Argument checks and window arithmetic shared by the built-in assigners. */
final class Windows {
  private Windows() {}

  static long positiveMillis(Duration d, String what, String assigner) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero() || d.toMillis() <= 0) {
      throw new IllegalArgumentException(
          assigner + ": the " + what + " must be at least 1 ms, was " + d);
    }
    return d.toMillis();
  }

  /** Checks {@code |offset| < bound}, as Flink does. */
  static long offsetMillis(Duration offset, long bound, String boundName, String assigner) {
    Objects.requireNonNull(offset, "offset");
    long millis = offset.toMillis();
    if (Math.abs(millis) >= bound) {
      throw new IllegalArgumentException(
          assigner + ": the offset must be smaller than the " + boundName + " in absolute value: "
              + "offset " + offset + ", " + boundName + " " + bound + " ms");
    }
    return millis;
  }

  /** Fails clearly on a record without a timestamp in an event-time window. */
  static long eventTimestamp(long timestamp, String assigner) {
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException(
          assigner + " got a record without a timestamp (Long.MIN_VALUE): event-time windows "
              + "need timestamps; did you forget assignTimestampsAndWatermarks(...), or mean a "
              + "processing-time window?");
    }
    return timestamp;
  }

  static TimeWindow tumbling(long time, long offset, long size) {
    long start = TimeWindow.windowStart(time, offset, size);
    return new TimeWindow(start, start + size);
  }

  /** The sliding windows containing {@code time}, latest start first (as in Flink). */
  static List<TimeWindow> sliding(long time, long offset, long size, long slide) {
    List<TimeWindow> windows = new ArrayList<>((int) Math.min(size / slide + 1, 1024));
    long lastStart = TimeWindow.windowStart(time, offset, slide);
    for (long start = lastStart; start > time - size; start -= slide) {
      windows.add(new TimeWindow(start, start + size));
    }
    return windows;
  }
}
