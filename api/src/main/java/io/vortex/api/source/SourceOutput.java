package io.vortex.api.source;

/** Receives records from a {@link SourceReader}. */
public interface SourceOutput<T> {
  /** Emits a record without an event timestamp. */
  void collect(T record);

  /** Emits a record with an event timestamp (epoch milliseconds). */
  void collect(T record, long timestamp);

  /**
   * True when the task can take no more records now (its output is full): a reader should stop
   * emitting and return {@link ReadStatus#MORE_AVAILABLE}; it is polled again when there is room.
   * Records emitted anyway are kept and go in first, so checking is optional, but a reader that
   * checks before it makes each record creates none that must wait. A field read: cheap per record.
   */
  default boolean isFull() {
    return false;
  }
}
