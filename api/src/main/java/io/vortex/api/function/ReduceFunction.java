package io.vortex.api.function;

import java.io.Serializable;

/** Combines two values of the same key into one. Must be associative. */
@FunctionalInterface
public interface ReduceFunction<T> extends Serializable {
  T reduce(T accumulated, T value) throws Exception;
}
