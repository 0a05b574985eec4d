package io.vortex.bench.check;

import java.io.Serializable;
import org.HdrHistogram.Histogram;

/**
 * Threading: confined to one sink instance; merge the instances after the job ends.
 *
 * <p>W4 sink-side latency: {@code System.nanoTime() - due} in an HdrHistogram (ns, 3
 * significant digits), recorded only for events with {@code due >= warmupEnd}.
 */
public final class LatencyRecorder implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final double NANOS_PER_MS = 1_000_000.0;

  private final long warmupEndNanos;
  private final Histogram histogram;

  /**
   * @param warmupEndNanos {@code min_s(t0_s) + W} in {@link System#nanoTime()} units; pass
   *     {@code Long.MIN_VALUE} to record everything
   */
  public LatencyRecorder(long warmupEndNanos) {
    this.warmupEndNanos = warmupEndNanos;
    // Auto-resizing: the tail is unbounded, but the memory must stay small per sink.
    this.histogram = new Histogram(3);
  }

  /** Records {@code now - due} if the event is past the warm-up. */
  public void record(long dueNanos, long nowNanos) {
    if (dueNanos >= warmupEndNanos) {
      histogram.recordValue(Math.max(0, nowNanos - dueNanos));
    }
  }

  /** Adds another sink's samples to this one. */
  public void merge(LatencyRecorder other) {
    histogram.add(other.histogram);
  }

  public long count() {
    return histogram.getTotalCount();
  }

  public Latency latency() {
    return new Latency(
        histogram.getTotalCount(),
        histogram.getValueAtPercentile(50.0) / NANOS_PER_MS,
        histogram.getValueAtPercentile(99.0) / NANOS_PER_MS,
        histogram.getValueAtPercentile(99.9) / NANOS_PER_MS,
        histogram.getMaxValue() / NANOS_PER_MS);
  }
}
