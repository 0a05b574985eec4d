package io.vortex.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Threading: thread-safe; shared by every source and sink instance of one run in one JVM.
 *
 * <p>Measures {@code proc_s}: from the minimum over source instances of {@code nanoTime()} at
 * their first record to the maximum over sink instances of {@code nanoTime()} at end of input.
 */
public final class ProcTimer {

  private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);

  /** A source instance is about to generate its first record at {@code nanos}. */
  public void sourceStarted(long nanos) {
    firstStart.accumulateAndGet(nanos, Math::min);
  }

  /** A sink instance saw end of input at {@code nanos}. */
  public void sinkEnded(long nanos) {
    lastEnd.accumulateAndGet(nanos, Math::max);
  }

  /** Earliest source start, or {@code Long.MAX_VALUE} if none started. */
  public long firstStartNanos() {
    return firstStart.get();
  }

  /** Latest sink end, or {@code Long.MIN_VALUE} if none ended. */
  public long lastEndNanos() {
    return lastEnd.get();
  }

  /** {@code (lastEnd - firstStart) / 1e9}; fails if no source started or no sink ended. */
  public double procSeconds() {
    long s = firstStart.get();
    long e = lastEnd.get();
    if (s == Long.MAX_VALUE || e == Long.MIN_VALUE) {
      throw new IllegalStateException("no source started or no sink ended");
    }
    return (e - s) / 1e9;
  }
}
