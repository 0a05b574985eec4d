package io.vortex.api.time;

import java.io.Serializable;

/** Extracts the event timestamp (epoch milliseconds) of a record. */
@FunctionalInterface
public interface TimestampAssigner<T> extends Serializable {
  long extractTimestamp(T element, long recordTimestamp);
}
