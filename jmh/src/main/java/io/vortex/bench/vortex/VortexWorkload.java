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
import io.vortex.bench.ProcessCpu;
import io.vortex.bench.RunResult;
import io.vortex.bench.WorkloadRunner;
import io.vortex.bench.check.LatencyRecorder;
import io.vortex.bench.check.Totals;
import io.vortex.launcher.MiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs one workload as a Vortex job at parallelism P on a {@link MiniCluster} of one TaskManager
 * with P slots ({@code --opt cluster=mini}, the default) or on a JobManager and P TaskManager
 * processes of one slot each ({@code --opt cluster=processes}). Subclasses only build the
 * pipeline with the public API; this class starts the cluster (not measured), submits the job,
 * waits for it ({@code wall_s} = submit + wait) and reads what the sinks reported through the
 * run's {@link RunReporter} ({@code cpu_s}: the CPU time between the first source record and the
 * last sink's end of input).
 *
 * <p>Threading: {@link #run} is called by one thread; the functions below run on task threads.
 */
abstract class VortexWorkload implements WorkloadRunner {

  /** Builds the job on {@code env}; returns the variant name reported as {@code variant=}. */
  abstract String define(StreamEnvironment env, Params p, String runId);

  /** {@code --opt cluster=mini} (default) or {@code processes}. */
  static final String CLUSTER_OPTION = "cluster";
  /** {@code --opt cluster.jvm="FLAGS"}: the TaskManager JVMs' flags (default: this JVM's). */
  static final String JVM_OPTION = "cluster.jvm";

  /** Adds workload-specific fields (W4 latency) to the result; {@code latency} of all sinks. */
  RunResult complete(RunResult result, Params p, LatencyRecorder latency) {
    return result;
  }

  @Override
  public final RunResult run(Params p) throws Exception {
    String cluster = p.option(CLUSTER_OPTION, "mini");
    return switch (cluster) {
      case "mini" -> runOnMiniCluster(p);
      case "processes" -> runOnProcesses(p);
      default -> throw new IllegalArgumentException(
          "unknown " + CLUSTER_OPTION + " '" + cluster + "' (mini or processes)");
    };
  }

  private RunResult runOnMiniCluster(Params p) throws Exception {
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
      return complete(r, p, run.mergedLatency());
    }
  }

  /**
   * On a JobManager and P TaskManager processes of one slot each (so every keyed exchange
   * between instances crosses TCP), started before the measurement from this JVM's classpath.
   */
  private RunResult runOnProcesses(Params p) throws Exception {
    try (ProcessCluster cluster = ProcessCluster.start(p.parallelism(), 1, jvmFlags(p))) {
      return runOn(cluster, p)
          .withExtra("tm_ready_ms", join(cluster.taskManagerReadyMillis()))
          .withExtra("tm_registered_ms", join(cluster.taskManagerRegisteredMillis()));
    }
  }

  /**
   * Runs the job on a started cluster of processes on this machine, its sinks reporting into a
   * directory of the run's own. {@code cpu_s} sums every process of the run: each TaskManager's
   * CPU time from its first source record to its last sink's end of input (as on the
   * mini-cluster), and the JobManager's and this client's over {@code wall_s}.
   */
  RunResult runOn(ProcessCluster cluster, Params p) throws Exception {
    int par = p.parallelism();
    Path dir = Files.createTempDirectory("vortex-bench-run-");
    try {
      StreamEnvironment env = StreamEnvironment.create(cluster.client()).setParallelism(par);
      String variant = define(env, p, ProcessReports.id(dir));
      long jmCpu = cluster.jobManagerCpuNanos();
      long ownCpu = ProcessCpu.nanos();
      long start = System.nanoTime();
      JobResult job = env.execute(p.workload() + "-" + variant);
      double wall = (System.nanoTime() - start) / 1e9;
      double otherCpu = ProcessCpu.seconds(jmCpu, cluster.jobManagerCpuNanos())
          + ProcessCpu.seconds(ownCpu, ProcessCpu.nanos());
      List<ProcessReports.SinkReport> reports = ProcessReports.read(dir);
      if (reports.size() != par) {
        throw new IllegalStateException(
            "expected " + par + " sink instances to report, got " + reports.size() + " (job " + job + ")");
      }
      ProcessTimes times = ProcessTimes.of(reports);
      LatencyRecorder latency = new LatencyRecorder(Long.MIN_VALUE);
      reports.stream().map(ProcessReports.SinkReport::latency).filter(l -> l != null)
          .forEach(latency::merge);
      RunResult r = RunResult.of(p, times.procSeconds(), wall, times.cpuSeconds() + otherCpu,
              Totals.sum(reports.stream().map(ProcessReports.SinkReport::totals).toList()))
          .withExtra("variant", variant)
          .withExtra("sinks", reports.size())
          .withExtra("cluster", "processes")
          .withExtra("cpu_tm_s", String.format(Locale.ROOT, "%.3f", times.cpuSeconds()))
          .withExtra("cpu_jm_client_s", String.format(Locale.ROOT, "%.3f", otherCpu))
          .withExtra("first_record_ms", (times.firstStartNanos() - start) / 1_000_000);
      return complete(r, p, latency);
    } finally {
      ProcessCluster.deleteDirectory(dir);
    }
  }

  private static List<String> jvmFlags(Params p) {
    String flags = p.option(JVM_OPTION, null);
    return flags == null ? ProcessCluster.ownJvmFlags()
        : List.of(flags.trim().split("\\s+"));
  }

  private static String join(List<Long> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
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
        BenchRun.reporter(runId).sourceStarted(scheduledNanos);
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
      return createWriter(BenchRun.reporter(runId), context);
    }

    abstract ChecksumWriter<T> createWriter(RunReporter run, SinkContext context);
  }

  /** Threading: confined to one sink instance's task. */
  abstract static class ChecksumWriter<T> implements SinkWriter<T> {
    final RunReporter run;
    private final SinkContext context;

    ChecksumWriter(RunReporter run, SinkContext context) {
      this.run = run;
      this.context = context;
    }

    abstract Totals totals();

    /** W4's latency samples, {@code null} for the others. */
    LatencyRecorder latency() {
      return null;
    }

    @Override
    public final Future<Void> finish() {
      return run.sinkFinished(totals(), latency(), context);
    }
  }
}
