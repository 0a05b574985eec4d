package io.vortex.api.function;

import java.io.Serializable;

/** Combines a pair of elements of a window join (same key, same window) into one result. */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Serializable {
  OUT join(IN1 first, IN2 second) throws Exception;
}
