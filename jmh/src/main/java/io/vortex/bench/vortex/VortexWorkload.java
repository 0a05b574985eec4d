package io.vortex.bench.vortex;

import io.vertx.core.Future;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobResult;
import io.vortex.api.sink.Sink;
import io.vortex.api.sink.SinkContext;
import io.vortex.api.sink.SinkWriter;
import io.vortex.api.source.Generator;
import io.vortex.bench.Params;
import io.vortex.bench.ProcTimer;
import io.vortex.bench.RunResult;
import io.vortex.bench.WorkloadRunner;
import io.vortex.bench.check.Totals;
import io.vortex.launcher.MiniCluster;

/**
 * Runs one workload as a Vortex job on a {@link MiniCluster} of one TaskManager with P slots,
 * at parallelism P. Subclasses only build the pipeline with the public API; this class starts
 * the cluster (not measured), submits the job, waits for it ({@code wall_s} = submit + wait)
 * and reads what the sinks reported through the run's {@link BenchRun} ({@code cpu_s}: the
 * process CPU time between the first source record and the last sink's end of input).
 *
 * <p>Threading: {@link #run} is called by one thread; the functions below run on task threads.
 */
abstract class VortexWorkload implements WorkloadRunner {

  /** Builds the job on {@code env}; returns the variant name reported as {@code variant=}. */
  abstract String define(StreamEnvironment env, Params p, String runId);

  /** Adds workload-specific fields (W4 latency) to the result. */
  RunResult complete(RunResult result, Params p, BenchRun run) {
    return result;
  }

  @Override
  public final RunResult run(Params p) throws Exception {
    int par = p.parallelism();
    try (BenchRun run = BenchRun.open();
        MiniCluster cluster = MiniCluster.startBlocking(1, par)) {
      StreamEnvironment env = StreamEnvironment.create(cluster).setParallelism(par);
      String variant = define(env, p, run.id());
      long start = System.nanoTime();
      JobResult job = env.execute(p.workload() + "-" + variant);
      double wall = (System.nanoTime() - start) / 1e9;
      if (run.sinks() != par) {
        throw new IllegalStateException(
            "expected " + par + " sink instances to report, got " + run.sinks() + " (job " + job + ")");
      }
      ProcTimer timer = run.timer();
      RunResult r = RunResult.of(p, timer.procSeconds(), wall, timer.cpuSeconds(), run.totals())
          .withExtra("variant", variant)
          .withExtra("sinks", run.sinks());
      return complete(r, p, run);
    }
  }

  /**
   * A generator that reports its instance's first record to the run's {@link
   * io.vortex.bench.ProcTimer}. The reader passes the poll's start time (unpaced) or the
   * record's due time (paced) as {@code scheduledNanos}, so the first record's value is the
   * instance's start. Each source instance deserializes its own copy, hence its own flag.
   *
   * <p>Threading: confined to one source instance's task.
   */
  abstract static class TimedGenerator<T> implements Generator<T> {
    private static final long serialVersionUID = 1L;

    private final String runId;
    private transient boolean started;

    TimedGenerator(String runId) {
      this.runId = runId;
    }

    @Override
    public final T generate(long index, long scheduledNanos) {
      if (!started) {
        started = true;
        BenchRun.get(runId).timer().sourceStarted(scheduledNanos);
      }
      return make(index, scheduledNanos);
    }

    abstract T make(long index, long scheduledNanos);
  }

  /**
   * A sink whose instances accumulate a checksum and report it, with the end time, when their
   * input ends ({@link SinkWriter#finish()}).
   */
  abstract static class ChecksumSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final String runId;

    ChecksumSink(String runId) {
      this.runId = runId;
    }

    @Override
    public final SinkWriter<T> createWriter(SinkContext context) {
      return createWriter(BenchRun.get(runId));
    }

    abstract ChecksumWriter<T> createWriter(BenchRun run);
  }

  /** Threading: confined to one sink instance's task. */
  abstract static class ChecksumWriter<T> implements SinkWriter<T> {
    final BenchRun run;

    ChecksumWriter(BenchRun run) {
      this.run = run;
    }

    abstract Totals totals();

    @Override
    public Future<Void> finish() {
      run.sinkFinished(totals());
      return Future.succeededFuture();
    }
  }
}
