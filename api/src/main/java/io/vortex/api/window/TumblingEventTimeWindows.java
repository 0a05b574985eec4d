package io.vortex.api.window;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Fixed-size, non-overlapping event-time windows aligned to the epoch (plus an optional
 * offset, e.g. for time zones): an element with timestamp {@code ts} falls into {@code [start,
 * start + size)} with {@code start = ts - floorMod(ts - offset, size)}. Immutable.
 */
public final class TumblingEventTimeWindows implements WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "TumblingEventTimeWindows";

  private final long size;
  private final long offset;

  private TumblingEventTimeWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  public static TumblingEventTimeWindows of(Duration size) {
    return new TumblingEventTimeWindows(Windows.positiveMillis(size, "size", NAME), 0);
  }

  /** Windows of {@code size} shifted by {@code offset}; requires {@code |offset| < size}. */
  public static TumblingEventTimeWindows of(Duration size, Duration offset) {
    long s = Windows.positiveMillis(size, "size", NAME);
    return new TumblingEventTimeWindows(s, Windows.offsetMillis(offset, s, "size", NAME));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, long now) {
    return List.of(windowOf(timestamp));
  }

  /** The one window of {@code timestamp}, without a collection around it. */
  public TimeWindow windowOf(long timestamp) {
    return Windows.tumbling(Windows.eventTimestamp(timestamp, NAME), offset, size);
  }

  @Override
  public boolean isEventTime() {
    return true;
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
