package io.vortex.api.sink;

import io.vertx.core.Future;

/**
 * Writes the records of one sink instance.
 *
 * <p>How the methods are called: {@code write} per record from the task's event loop (it must
 * not block: hand blocking I/O to a worker), then {@code finish} once when the input has ended;
 * the job completes only after every sink's finish future completes. {@code close} always comes
 * last, also after a failure or cancellation.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public interface SinkWriter<T> {
  void write(T value, long timestamp) throws Exception;

  /** Makes everything written visible (flush, commit). */
  default Future<Void> finish() {
    return Future.succeededFuture();
  }

  /** Releases resources; after a failure, discards what was not committed. */
  default void close() throws Exception {}
}
