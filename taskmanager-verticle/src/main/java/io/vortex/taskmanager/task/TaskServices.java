package io.vortex.taskmanager.task;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vortex.api.RuntimeMode;
import io.vortex.api.internal.operators.ProcessingTimeService;
import java.util.List;
import java.util.Map;

/**
 * What a task's operators get from their TaskManager: identity, mode, clock, counters, the
 * channel back to the client, where work that outlives a close is kept, and the task's wakeup
 * (thread-safe: sinks call it when they can
 * take more, or a write failed).
 */
record TaskServices(
    String jobId,
    int subtask,
    int parallelism,
    int maxParallelism,
    RuntimeMode mode,
    Vertx vertx,
    ClassLoader classLoader,
    ProcessingTimeService clock,
    Map<String, Long> counters,
    ClientChannel client,
    Runnable wakeup,
    PendingCloses closing) {

  /** Services whose closes are not waited for (tests that stop nothing). */
  TaskServices(String jobId, int subtask, int parallelism, int maxParallelism, RuntimeMode mode, Vertx vertx,
      ClassLoader classLoader, ProcessingTimeService clock, Map<String, Long> counters, ClientChannel client,
      Runnable wakeup) {
    this(jobId, subtask, parallelism, maxParallelism, mode, vertx, classLoader, clock, counters, client, wakeup,
        new PendingCloses());
  }

  /** Sends collected records to the job's client; completes when the client has room for them. */
  @FunctionalInterface
  interface ClientChannel {
    Future<Void> send(String sink, int subtask, List<?> records);
  }
}
