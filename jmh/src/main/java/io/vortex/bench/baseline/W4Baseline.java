package io.vortex.bench.baseline;

import io.vortex.bench.Params;
import io.vortex.bench.ProcessCpu;
import io.vortex.bench.RunResult;
import io.vortex.bench.WorkloadRunner;
import io.vortex.bench.check.LatencyRecorder;
import io.vortex.bench.check.W4Checksum;
import io.vortex.bench.gen.W4Events;

/**
 * W4 in one thread: event i is due at {@code t0 + i * 10^9 / R}; the thread parks until then,
 * counts the key and measures {@code nanoTime() - due}. Unpaced ({@link Params#paced()} false)
 * it runs flat out and reports the checksum only, which does not depend on timing.
 */
public final class W4Baseline implements WorkloadRunner {

  @Override
  public RunResult run(Params p) {
    long n = p.records();
    long rate = p.rate();
    boolean paced = p.paced();
    long[] counts = new long[(int) W4Events.KEYS];
    W4Checksum sum = new W4Checksum();
    long cpu0 = ProcessCpu.nanos();
    long t0 = System.nanoTime();
    LatencyRecorder latency =
        new LatencyRecorder(W4Events.warmupEndNanos(t0, p.warmupSeconds()));
    for (long i = 0; i < n; i++) {
      long due = W4Events.baselineDueNanos(t0, i, rate);
      if (paced) {
        W4Events.awaitDue(due);
      }
      long count = ++counts[(int) W4Events.key(i)];
      sum.add(count);
      if (paced) {
        latency.record(due, System.nanoTime());
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpu = ProcessCpu.seconds(cpu0, ProcessCpu.nanos());
    RunResult r = RunResult.of(p, secs, secs, cpu, sum.totals());
    return paced ? r.withLatency(latency.latency()) : r.withExtra("paced", false);
  }
}
