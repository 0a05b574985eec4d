package io.vortex.api.internal.operators;

import io.vortex.api.OutputTag;

/**
 * Where an operator emits: the next chained operator or the task's record writers. Records
 * carry an event timestamp ({@link #NO_TIMESTAMP} when they have none).
 *
 * <p>Threading: confined to the owning task's thread.
 */
public interface Output<T> {
  long NO_TIMESTAMP = Long.MIN_VALUE;

  void collect(T value, long timestamp);

  void emitWatermark(long watermark);

  /** Tells downstream operators whether this output is idle (holds no watermark back). */
  default void emitIdle(boolean idle) {}

  <X> void collect(OutputTag<X> tag, X value, long timestamp);
}
