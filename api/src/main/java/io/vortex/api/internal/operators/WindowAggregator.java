package io.vortex.api.internal.operators;

import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.ReduceFunction;
import java.io.Serializable;

/**
 * The incremental function of a window, a {@link ReduceFunction} or an {@link
 * AggregateFunction}, seen as one accumulator interface; {@code null} is the empty accumulator.
 * A reduce's accumulator is the reduced value itself. Immutable.
 */
public record WindowAggregator<IN, ACC, R>(
    ReduceFunction<IN> reduce, AggregateFunction<IN, ACC, R> aggregate) implements Serializable {
  public WindowAggregator {
    if ((reduce == null) == (aggregate == null)) {
      throw new IllegalArgumentException("exactly one of reduce and aggregate must be given");
    }
  }

  public static <T> WindowAggregator<T, T, T> reducing(ReduceFunction<T> reduce) {
    return new WindowAggregator<>(reduce, null);
  }

  public static <T, A, R> WindowAggregator<T, A, R> aggregating(AggregateFunction<T, A, R> f) {
    return new WindowAggregator<>(null, f);
  }

  /** The user function (for its life cycle). */
  public Object function() {
    return reduce != null ? reduce : aggregate;
  }

  @SuppressWarnings("unchecked")
  ACC add(IN value, ACC acc) throws Exception {
    if (reduce != null) {
      return acc == null ? (ACC) value : (ACC) reduce.reduce((IN) acc, value);
    }
    return aggregate.add(value, acc == null ? aggregate.createAccumulator() : acc);
  }

  @SuppressWarnings("unchecked")
  ACC merge(ACC a, ACC b) throws Exception {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return reduce != null ? (ACC) reduce.reduce((IN) a, (IN) b) : aggregate.merge(a, b);
  }

  @SuppressWarnings("unchecked")
  R result(ACC acc) {
    return reduce != null ? (R) acc : aggregate.getResult(acc);
  }
}
