package io.vortex.api.source;

import io.vertx.core.Vertx;

/** What a source reader can see of its task. */
public interface SourceReaderContext {
  int subtaskIndex();

  int parallelism();

  /** For blocking I/O: {@code vertx().executeBlocking(...)}; callbacks run on the task's loop. */
  Vertx vertx();

  /**
   * The class loader of the job's classes: its shipped jar's ({@code vortex run --jar}) over the
   * TaskManager's classpath. By default the thread's context class loader.
   */
  default ClassLoader classLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : SourceReaderContext.class.getClassLoader();
  }

  /** Tells the task that records are available again after NOTHING_AVAILABLE. Thread-safe. */
  void wakeup();
}
