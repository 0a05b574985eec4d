package io.vortex.api.sink;

import io.vertx.core.Future;

/**
 * Writes the records of one sink instance.
 *
 * <p>How the methods are called: {@code write} per record from the task's event loop (it must
 * not block: hand blocking I/O to a worker), {@code isReady} before the task takes more input,
 * then {@code finish} once when the input has ended
 * (make everything durable, but not yet visible), then {@code commit} once every task of the
 * job has finished (make it visible); the job completes only after every sink committed. {@code
 * close} always comes last, also after a failure or cancellation, when it discards whatever
 * was not committed.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public interface SinkWriter<T> {
  void write(T value, long timestamp) throws Exception;

  /**
   * False while the writer holds as much unwritten output as it should (a full write queue): the
   * task then takes no input until the writer calls {@link SinkContext#wakeup()}. Throws the
   * first error of an earlier asynchronous write, which fails the job at once.
   */
  default boolean isReady() throws Exception {
    return true;
  }

  /** The input has ended: flush everything written, ready to commit. */
  default Future<Void> finish() {
    return Future.succeededFuture();
  }

  /** The whole job has finished: make the output visible (e.g. rename files into place). */
  default Future<Void> commit() {
    return Future.succeededFuture();
  }

  /**
   * Releases resources; without a commit, discards the output before it returns (the process may
   * be stopping on a signal).
   */
  default void close() throws Exception {}
}
