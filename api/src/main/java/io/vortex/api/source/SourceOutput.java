package io.vortex.api.source;

/** Receives records from a {@link SourceReader}. */
public interface SourceOutput<T> {
  /** Emits a record without an event timestamp. */
  void collect(T record);

  /** Emits a record with an event timestamp (epoch milliseconds). */
  void collect(T record, long timestamp);
}
