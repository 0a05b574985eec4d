package io.vortex.api.window;

import java.time.Duration;
import java.util.Collection;

/**
 * Event-time windows of {@code size} starting every {@code slide}, aligned to the epoch (plus
 * an optional offset): an element belongs to the {@code ceil(size / slide)} windows that
 * contain its timestamp (fewer when the slide does not divide the size). Immutable.
 */
public final class SlidingEventTimeWindows implements WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "SlidingEventTimeWindows";

  private final long size;
  private final long slide;
  private final long offset;

  private SlidingEventTimeWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  public static SlidingEventTimeWindows of(Duration size, Duration slide) {
    return of(size, slide, Duration.ZERO);
  }

  /** Requires {@code |offset| < slide}. */
  public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
    long s = Windows.positiveMillis(size, "size", NAME);
    long sl = Windows.positiveMillis(slide, "slide", NAME);
    return new SlidingEventTimeWindows(s, sl, Windows.offsetMillis(offset, sl, "slide", NAME));
  }

  /** The windows of the element, latest start first. */
  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, long now) {
    return Windows.sliding(Windows.eventTimestamp(timestamp, NAME), offset, size, slide);
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  public Duration size() {
    return Duration.ofMillis(size);
  }

  public Duration slide() {
    return Duration.ofMillis(slide);
  }

  public Duration offset() {
    return Duration.ofMillis(offset);
  }

  @Override
  public String toString() {
    return NAME + "(" + size + ", " + slide + (offset == 0 ? "" : ", offset " + offset) + ")";
  }
}
