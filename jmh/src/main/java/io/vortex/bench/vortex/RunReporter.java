package io.vortex.bench.vortex;

import io.vertx.core.Future;
import io.vortex.api.sink.SinkContext;
import io.vortex.bench.check.LatencyRecorder;
import io.vortex.bench.check.Totals;

/**
 * Where a run's sources and sinks report, in the JVM that runs them: the run itself when the job
 * runs in the runner's JVM ({@link BenchRun}, mini-cluster), or files in the run's directory when
 * it runs in TaskManager processes ({@link ProcessReports}). Resolved from the run id that the
 * functions carry by {@link BenchRun#reporter(String)}.
 *
 * <p>Threading: thread-safe; called from every source and sink task of the run in this JVM.
 */
interface RunReporter {

  /** A source instance is about to generate its first record at {@code nanos}. */
  void sourceStarted(long nanos);

  /** The earliest source start reported in this JVM, or {@code Long.MAX_VALUE}. */
  long firstStartNanos();

  /**
   * A sink instance's input has ended now, with its totals and (W4, else {@code null}) latency
   * samples. Completes on the sink task's loop once the report is stored.
   */
  Future<Void> sinkFinished(Totals totals, LatencyRecorder latency, SinkContext context);
}
