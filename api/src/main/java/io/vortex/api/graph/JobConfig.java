package io.vortex.api.graph;

import io.vortex.api.RuntimeMode;
import java.util.Objects;

/**
 * A job's settings. {@code mode} is what runs (BATCH or STREAMING, resolved from {@code
 * requestedMode}); {@code bufferTimeoutMillis} bounds how long a partly filled network batch
 * waits (batches are flushed at once when the producer has no more input ready); {@code bounded}
 * says every source is bounded, so the job ends by itself (its client may keep all its results).
 */
public record JobConfig(
    RuntimeMode requestedMode, RuntimeMode mode, int batchSize, long bufferTimeoutMillis, boolean bounded) {
  public static final int DEFAULT_BATCH_SIZE = 512;
  public static final long DEFAULT_BUFFER_TIMEOUT_MILLIS = 100;

  public JobConfig {
    Objects.requireNonNull(requestedMode, "requestedMode");
    Objects.requireNonNull(mode, "mode");
    if (mode == RuntimeMode.AUTOMATIC) {
      throw new IllegalArgumentException("the resolved mode must be BATCH or STREAMING");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
    }
    if (bufferTimeoutMillis < 0) {
      throw new IllegalArgumentException("bufferTimeoutMillis must not be negative");
    }
  }
}
