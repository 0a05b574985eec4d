package io.vortex.api.function;

import java.io.Serializable;

/** Turns each record into zero or more records, given to the collector. */
@FunctionalInterface
public interface FlatMapFunction<T, R> extends Serializable {
  void flatMap(T value, Collector<R> out) throws Exception;
}
