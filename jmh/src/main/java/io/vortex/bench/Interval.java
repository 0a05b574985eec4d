package io.vortex.bench;

import io.vortex.bench.check.Totals;

/**
 * One measured interval of a single-thread run (the baselines): wall time and the process's CPU
 * time from {@link #start()} to {@link #result}. Threading: used by one thread.
 */
public final class Interval {
  private final long startNanos;
  private final long startCpu;

  private Interval() {
    startCpu = ProcessCpu.nanos();
    startNanos = System.nanoTime();
  }

  /** Starts measuring now. */
  public static Interval start() {
    return new Interval();
  }

  /** Ends the interval: a result whose {@code proc_s} and {@code wall_s} are its length. */
  public RunResult result(Params p, Totals totals) {
    double secs = (System.nanoTime() - startNanos) / 1e9;
    double cpu = ProcessCpu.seconds(startCpu, ProcessCpu.nanos());
    return RunResult.of(p, secs, secs, cpu, totals);
  }
}
