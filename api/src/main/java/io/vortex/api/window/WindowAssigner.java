package io.vortex.api.window;

import java.io.Serializable;
import java.util.Collection;

/**
 * Puts each element into zero or more windows, as in Flink. Event-time assigners use the
 * element's timestamp and their windows fire when the watermark passes {@link
 * Window#maxTimestamp()}; processing-time assigners use the wall clock and fire by it.
 * Assigners travel inside the job graph, so they are serializable and hold no mutable state.
 */
public interface WindowAssigner<T, W extends Window> extends Serializable {
  /**
   * The windows of {@code element}.
   *
   * @param timestamp the element's event timestamp ({@link Long#MIN_VALUE} when it has none)
   * @param currentProcessingTime the operator's wall clock, epoch milliseconds
   */
  Collection<W> assignWindows(T element, long timestamp, long currentProcessingTime);

  /** True when windows fire by the watermark, false when by the wall clock. */
  boolean isEventTime();
}
