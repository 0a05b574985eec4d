package io.vortex.api.time;

/**
 * Decides watermarks from the timestamps seen by one source instance. Called for every record;
 * returns the watermark that may be emitted now. Vortex emits a watermark whenever it advances,
 * so results do not depend on wall-clock timing.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public interface WatermarkGenerator {
  /** Observes a record's timestamp; returns the current watermark. */
  long onEvent(long timestamp);

  /** The current watermark without a new event. */
  long currentWatermark();
}
