package io.vortex.api.function;

import java.io.Serializable;

/** Turns each record into exactly one record. */
@FunctionalInterface
public interface MapFunction<T, R> extends Serializable {
  R map(T value) throws Exception;
}
