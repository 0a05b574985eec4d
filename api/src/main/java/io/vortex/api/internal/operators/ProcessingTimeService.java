package io.vortex.api.internal.operators;

/**
 * The task's wall clock. A requested tick calls the operator's {@code onProcessingTime} on the
 * task's thread at or after the requested time.
 */
public interface ProcessingTimeService {
  long currentTimeMillis();

  /** Asks for an {@code onProcessingTime} call at or after {@code timeMillis}. */
  void requestTick(long timeMillis);
}
