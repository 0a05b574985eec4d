package io.vortex.api.source;

import io.vertx.core.Future;
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

  /**
   * Work the {@code close} started that completes later (a file closing, a read in flight): the
   * TaskManager waits for it before it stops Vert.x, so none of it completes on a stopped event
   * loop. Call on the task's event loop.
   */
  default void closing(Future<?> done) {}
}
