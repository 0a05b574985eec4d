package io.vortex.api.window;

import java.time.Duration;
import java.util.Collection;

/**
 * Windows of the operator's wall clock of {@code size} starting every {@code slide}, aligned
 * to the epoch (plus an optional offset). Immutable.
 */
public final class SlidingProcessingTimeWindows implements WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "SlidingProcessingTimeWindows";

  private final long size;
  private final long slide;
  private final long offset;

  private SlidingProcessingTimeWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
    return of(size, slide, Duration.ZERO);
  }

  /** Requires {@code |offset| < slide}. */
  public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
    long s = Windows.positiveMillis(size, "size", NAME);
    long sl = Windows.positiveMillis(slide, "slide", NAME);
    return new SlidingProcessingTimeWindows(s, sl, Windows.offsetMillis(offset, sl, "slide", NAME));
  }

  /** The windows of processing time {@code now}, latest start first. */
  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, long now) {
    return Windows.sliding(now, offset, size, slide);
  }

  @Override
  public boolean isEventTime() {
    return false;
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
