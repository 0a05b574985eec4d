package io.vortex.bench.check;

import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Threading: confined to one sink instance; merge the instances after the job ends.
 *
 * <p>W4 sink-side latency: {@code System.nanoTime() - due} in an HdrHistogram (ns, 3
 * significant digits), counted only for events with {@code due >= warmupEnd}.
 *
 * <p>Events of the warm-up are recorded too, into a second histogram that is never reported,
 * and the histogram is picked without a branch: the recording code is then the same before and
 * after the warm-up ends. With a plain {@code if (due >= warmupEnd)} the JIT compiles the sink
 * with the recording path as never taken, and the first measured event deoptimizes it — a
 * stall of several milliseconds on the sink's thread, measured as latency of the events right
 * after the warm-up (about 0.1 % of a 25 s run: enough to set p99.9). Both histograms are sized
 * up front (to one hour) so that recording never resizes them either.
 */
public final class LatencyRecorder implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final double NANOS_PER_MS = 1_000_000.0;
  /** Largest latency kept (larger values are recorded as this). */
  private static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);
  private static final int MEASURED = 1;

  private final long warmupEndNanos;
  /** [0]: warm-up samples (discarded), [1]: measured samples. The same object twice when all count. */
  private final Histogram[] histograms;

  /**
   * @param warmupEndNanos {@code min_s(t0_s) + W} in {@link System#nanoTime()} units; pass
   *     {@code Long.MIN_VALUE} to record everything
   */
  public LatencyRecorder(long warmupEndNanos) {
    this.warmupEndNanos = warmupEndNanos;
    Histogram measured = new Histogram(HIGHEST_NANOS, 3);
    Histogram warmup = warmupEndNanos == Long.MIN_VALUE ? measured : new Histogram(HIGHEST_NANOS, 3);
    this.histograms = new Histogram[] {warmup, measured};
  }

  /** Records {@code now - due}, counted if the event is past the warm-up. */
  public void record(long dueNanos, long nowNanos) {
    record(dueNanos, nowNanos, warmupEndNanos);
  }

  /**
   * Records {@code now - due}, counted if {@code due >= warmupEndNanos} (an end known only while
   * running, e.g. from the sources' start). Both times are {@link System#nanoTime()} values, so
   * their difference does not overflow; with {@code Long.MIN_VALUE} at construction every event
   * counts whatever the end passed here.
   */
  public void record(long dueNanos, long nowNanos, long warmupEndNanos) {
    int index = (int) (((dueNanos - warmupEndNanos) >>> 63) ^ 1); // 1 iff due >= end
    long latency = Math.min(HIGHEST_NANOS, Math.max(0, nowNanos - dueNanos));
    histograms[index].recordValue(latency);
  }

  /** Adds another sink's counted samples to this one. */
  public void merge(LatencyRecorder other) {
    histograms[MEASURED].add(other.histograms[MEASURED]);
  }

  public long count() {
    return histograms[MEASURED].getTotalCount();
  }

  public Latency latency() {
    Histogram h = histograms[MEASURED];
    return new Latency(
        h.getTotalCount(),
        h.getValueAtPercentile(50.0) / NANOS_PER_MS,
        h.getValueAtPercentile(99.0) / NANOS_PER_MS,
        h.getValueAtPercentile(99.9) / NANOS_PER_MS,
        h.getMaxValue() / NANOS_PER_MS);
  }
}
