package io.vortex.api.internal.operators;

import io.vortex.api.OutputTag;

/**
 * Where an operator emits: the next chained operator or the task's record writers. Records
 * carry an event timestamp ({@link #NO_TIMESTAMP} when they have none).
 *
 * <p>Two ways to emit, so that a burst is bounded where it starts (Hazelcast Jet's outbox
 * contract) while an ordinary per-record operator pays nothing for it:
 *
 * <ul>
 *   <li>{@link #collect} never refuses. It is for the few records one input record or one timer
 *       yields (a map, a filter, one window's result); the task stops taking input as soon as
 *       downstream is full, so these overshoot the channels' bound by at most what one call emits.
 *   <li>{@link #collectOrHold} is for records one user call may collect without limit (a {@code
 *       Collector} {@code flatMap}): they pass straight through while downstream has room; once it
 *       has none, the rest of the call's records are held (on the heap) and go out piece by piece
 *       like a burst, before the task takes more input.
 *   <li>{@link #emitBurst} is for output of unbounded size: it emits piece by piece while
 *       downstream has room and holds the rest, which the task emits before it takes more input.
 * </ul>
 *
 * <p>Order is kept: whatever an operator emits after a burst (records, side outputs, the
 * watermark it forwards) waits behind the burst, so a watermark never overtakes the records fired
 * before it.
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

  /**
   * Emits {@code value} as {@link #collect} does while downstream has room; when it has none, holds
   * it and what follows it, to be emitted one record per piece as room comes (see the class
   * comment). This default, for outputs that always have room, collects at once.
   */
  default void collectOrHold(T value, long timestamp) {
    collect(value, timestamp);
  }

  /**
   * Emits {@code burst} in pieces as downstream has room (see the class comment). This default,
   * for outputs that always have room, emits it all at once.
   */
  default void emitBurst(Burst burst) throws Exception {
    while (burst.emitNext()) {
      // all of it now
    }
  }
}
