package io.vortex.api.source;

import io.vertx.core.Vertx;

/** What a source reader can see of its task. */
public interface SourceReaderContext {
  int subtaskIndex();

  int parallelism();

  /** For blocking I/O: {@code vertx().executeBlocking(...)}; callbacks run on the task's loop. */
  Vertx vertx();

  /** Tells the task that records are available again after NOTHING_AVAILABLE. Thread-safe. */
  void wakeup();
}
