package io.vortex.api.sink;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** What a sink writer can see of its task. */
public interface SinkContext {
  String operatorName();

  int subtaskIndex();

  int parallelism();

  /** For blocking I/O: {@code vertx().executeBlocking(...)}; callbacks run on the task's loop. */
  Vertx vertx();

  /** Makes the task look at its writer again: it became ready, or a write failed. Any thread. */
  void wakeup();

  /**
   * Sends records to the client that submitted the job, as a {@code Collected} job event.
   * Completes (on the task's event loop) when the client has room for them: its credit for the
   * next batch. Fails when no client listens any more.
   */
  Future<Void> sendToClient(String sinkName, List<?> records);

  /**
   * Work the {@code close} started that completes later (a file closing, a read in flight): the
   * TaskManager waits for it before it stops Vert.x, so none of it completes on a stopped event
   * loop. Call on the task's event loop.
   */
  default void closing(Future<?> done) {}
}
