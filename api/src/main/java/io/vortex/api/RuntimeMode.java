package io.vortex.api;

/**
 * How a job runs. {@link #AUTOMATIC} picks {@link #BATCH} when every source is bounded and
 * {@link #STREAMING} otherwise. The same job gives the same final results in both modes.
 */
public enum RuntimeMode {
  /** Batch when all sources are bounded, streaming otherwise (the default). */
  AUTOMATIC,
  /** Pipelined, per event; keyed reduce and aggregate emit an update per record. */
  STREAMING,
  /** Bounded input only; keyed reduce and aggregate emit one final result per key. */
  BATCH
}
