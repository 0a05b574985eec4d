package io.vortex.api.window;

import io.vortex.api.internal.TimeMath;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Processing-time sessions: each element opens {@code [now, now + gap)} on the operator's wall
 * clock, and overlapping or touching windows of a key merge. Immutable.
 */
public final class ProcessingTimeSessionWindows
    implements MergingWindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private static final String NAME = "ProcessingTimeSessionWindows";

  private final long gap;

  private ProcessingTimeSessionWindows(long gap) {
    this.gap = gap;
  }

  public static ProcessingTimeSessionWindows withGap(Duration gap) {
    return new ProcessingTimeSessionWindows(Windows.positiveMillis(gap, "gap", NAME));
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, long now) {
    return List.of(new TimeWindow(now, TimeMath.add(now, gap))); // the last session ends at the end of time
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    TimeWindow.mergeWindows(windows, callback);
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  public Duration gap() {
    return Duration.ofMillis(gap);
  }

  @Override
  public String toString() {
    return NAME + "(" + gap + ")";
  }
}
