package io.vortex.api.internal.operators;

import io.vortex.api.function.Collector;

/**
 * A reusable {@link Collector} that stamps every record with the timestamp set before the
 * user call (the input record's, or a firing timer's).
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class TimestampedCollector<T> implements Collector<T> {
  private final Output<T> output;
  private long timestamp = Output.NO_TIMESTAMP;

  TimestampedCollector(Output<T> output) {
    this.output = output;
  }

  void setTimestamp(long timestamp) {
    this.timestamp = timestamp;
  }

  @Override
  public void collect(T record) {
    output.collect(record, timestamp);
  }
}
