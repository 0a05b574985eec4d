package io.vortex.api.source;

import java.io.Serializable;

/** Makes record {@code index} of a {@link GeneratorSource}. Must be a pure function of its input. */
@FunctionalInterface
public interface Generator<T> extends Serializable {
  /**
   * @param index the record's index, 0-based
   * @param scheduledNanos for a rate-limited source, the {@link System#nanoTime()} at which the
   *     record was due; otherwise the time it was generated
   */
  T generate(long index, long scheduledNanos) throws Exception;
}
