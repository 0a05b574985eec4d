package io.vortex.api.internal.operators;

import io.vortex.api.function.Collector;

/**
 * A reusable {@link Collector} that stamps every record with the timestamp set before the
 * user call (the input record's, or a firing timer's). A {@code flatMap}'s collector holds
 * what the output has no room for ({@link Output#collectOrHold}).
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class TimestampedCollector<T> implements Collector<T> {
  private final Output<T> output;
  /** Collect through {@link Output#collectOrHold}: one call's records have no bound. */
  private final boolean holdOverflow;
  private long timestamp = Output.NO_TIMESTAMP;

  TimestampedCollector(Output<T> output) {
    this(output, false);
  }

  TimestampedCollector(Output<T> output, boolean holdOverflow) {
    this.output = output;
    this.holdOverflow = holdOverflow;
  }

  void setTimestamp(long timestamp) {
    this.timestamp = timestamp;
  }

  @Override
  public void collect(T record) {
    if (holdOverflow) {
      output.collectOrHold(record, timestamp);
    } else {
      output.collect(record, timestamp);
    }
  }
}
