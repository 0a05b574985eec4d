package io.vortex.api.window;

import io.vortex.api.internal.TimeMath;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Event-time sessions: each element opens the window {@code [ts, ts + gap)}, and windows of a
 * key that overlap or touch merge into one session. A session therefore ends when no element of
 * its key arrives for {@code gap}. Immutable.
 */
public final class EventTimeSessionWindows implements MergingWindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "EventTimeSessionWindows";

  private final long gap;

  private EventTimeSessionWindows(long gap) {
    this.gap = gap;
  }

  public static EventTimeSessionWindows withGap(Duration gap) {
    return new EventTimeSessionWindows(Windows.positiveMillis(gap, "gap", NAME));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, long now) {
    long ts = Windows.eventTimestamp(timestamp, NAME);
    return List.of(new TimeWindow(ts, TimeMath.add(ts, gap))); // the last session ends at the end of time
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    TimeWindow.mergeWindows(windows, callback);
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  public Duration gap() {
    return Duration.ofMillis(gap);
  }

  @Override
  public String toString() {
    return NAME + "(" + gap + ")";
  }
}
