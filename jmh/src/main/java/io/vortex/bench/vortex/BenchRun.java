package io.vortex.bench.vortex;

import io.vertx.core.Future;
import io.vortex.api.sink.SinkContext;
import io.vortex.bench.ProcTimer;
import io.vortex.bench.check.LatencyRecorder;
import io.vortex.bench.check.Totals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Threading: thread-safe; shared by the runner thread and every source and sink instance of one
 * benchmark run.
 *
 * <p>Where a run's measurements meet. Vortex ships user functions to the tasks as serialized
 * bytes, so a source's generator or a sink cannot hold a reference to the runner's objects;
 * they hold the run's {@link #id()} instead and look the run up here (the mini-cluster runs in
 * the runner's JVM). Sources report their first record to the {@link #timer()}; each sink
 * instance reports once, when its input has ended, with its {@link Totals} (and, for W4, its
 * latency histogram). {@link #close()} removes the run from the registry.
 */
public final class BenchRun implements RunReporter, AutoCloseable {

  private static final Map<String, BenchRun> RUNS = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();
  private final ProcTimer timer = new ProcTimer();
  private final ConcurrentLinkedQueue<Totals> sinkTotals = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<LatencyRecorder> latencies = new ConcurrentLinkedQueue<>();

  private BenchRun() {
  }

  /** Registers a new run; close it when the run is over. */
  public static BenchRun open() {
    BenchRun run = new BenchRun();
    RUNS.put(run.id, run);
    return run;
  }

  /** The open run {@code id}; fails if it was closed or never opened in this JVM. */
  public static BenchRun get(String id) {
    BenchRun run = RUNS.get(id);
    if (run == null) {
      throw new IllegalStateException("no open benchmark run " + id
          + " (the job must run in the JVM that started it, on a MiniCluster)");
    }
    return run;
  }

  /**
   * The reporter for run {@code id} in this JVM: the open run itself, or, for an id of {@link
   * ProcessReports} (a job running in TaskManager processes), that directory's reports.
   */
  static RunReporter reporter(String id) {
    return ProcessReports.isReportId(id) ? ProcessReports.writer(id) : get(id);
  }

  @Override
  public void sourceStarted(long nanos) {
    timer.sourceStarted(nanos);
  }

  @Override
  public long firstStartNanos() {
    return timer.firstStartNanos();
  }

  @Override
  public Future<Void> sinkFinished(Totals totals, LatencyRecorder latency, SinkContext context) {
    sinkFinished(totals, latency);
    return Future.succeededFuture();
  }

  /** Number of open runs, for tests. */
  static int openRuns() {
    return RUNS.size();
  }

  public String id() {
    return id;
  }

  public ProcTimer timer() {
    return timer;
  }

  /** A sink instance's input ended: records the end time and its totals. */
  public void sinkFinished(Totals totals) {
    sinkFinished(totals, null);
  }

  /** As {@link #sinkFinished(Totals)}, with the instance's latency samples (W4). */
  public void sinkFinished(Totals totals, LatencyRecorder latency) {
    timer.sinkEnded(System.nanoTime());
    sinkTotals.add(totals);
    if (latency != null) {
      latencies.add(latency);
    }
  }

  /** How many sink instances reported. */
  public int sinks() {
    return sinkTotals.size();
  }

  /** The sum of every sink instance's totals. */
  public Totals totals() {
    return Totals.sum(new ArrayList<>(sinkTotals));
  }

  /** Every sink instance's latency samples merged into one recorder. */
  public LatencyRecorder mergedLatency() {
    LatencyRecorder all = new LatencyRecorder(Long.MIN_VALUE);
    List<LatencyRecorder> parts = new ArrayList<>(latencies);
    parts.forEach(all::merge);
    return all;
  }

  @Override
  public void close() {
    RUNS.remove(id);
  }
}
