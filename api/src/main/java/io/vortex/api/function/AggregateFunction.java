package io.vortex.api.function;

import java.io.Serializable;

/**
 * An incremental aggregation with an accumulator, as in Flink: {@code createAccumulator},
 * {@code add} per record, {@code merge} of partial accumulators (two-stage aggregation and
 * merging session windows), {@code getResult} at the end. Accumulators may be mutated in place.
 */
public interface AggregateFunction<IN, ACC, OUT> extends Serializable {
  ACC createAccumulator();

  ACC add(IN value, ACC accumulator);

  ACC merge(ACC a, ACC b);

  OUT getResult(ACC accumulator);
}
