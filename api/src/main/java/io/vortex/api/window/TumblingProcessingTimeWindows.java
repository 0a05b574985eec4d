package io.vortex.api.window;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Fixed-size, non-overlapping windows of the operator's wall clock, aligned to the epoch (plus
 * an optional offset): an element arriving at {@code now} falls into {@code [start, start +
 * size)} with {@code start = now - floorMod(now - offset, size)}. Immutable.
 */
public final class TumblingProcessingTimeWindows implements WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "TumblingProcessingTimeWindows";

  private final long size;
  private final long offset;

  private TumblingProcessingTimeWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  public static TumblingProcessingTimeWindows of(Duration size) {
    return new TumblingProcessingTimeWindows(Windows.positiveMillis(size, "size", NAME), 0);
  }

  /** Windows of {@code size} shifted by {@code offset}; requires {@code |offset| < size}. */
  public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
    long s = Windows.positiveMillis(size, "size", NAME);
    return new TumblingProcessingTimeWindows(s, Windows.offsetMillis(offset, s, "size", NAME));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, long now) {
    return List.of(windowOf(now));
  }

  /** The one window of processing time {@code now}, without a collection around it. */
  public TimeWindow windowOf(long now) {
    return Windows.tumbling(now, offset, size);
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  public Duration size() {
    return Duration.ofMillis(size);
  }

  public Duration offset() {
    return Duration.ofMillis(offset);
  }

  @Override
  public String toString() {
    return NAME + "(" + size + (offset == 0 ? "" : ", offset " + offset) + ")";
  }
}
