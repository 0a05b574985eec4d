package io.vortex.bench;

/**
 * Threading: thread-safe; shared by every source and sink instance of one run in one JVM.
 *
 * <p>Measures {@code proc_s}: from the minimum over source instances of {@code nanoTime()} at
 * their first record to the maximum over sink instances of {@code nanoTime()} at end of input;
 * and {@code cpu_s}: the process's CPU time over that interval (read when the first source
 * instance starts and when the last sink instance ends).
 */
public final class ProcTimer {

  private long firstStart = Long.MAX_VALUE;
  private long lastEnd = Long.MIN_VALUE;
  private long cpuAtStart = -1;
  private long cpuAtEnd = -1;

  /** A source instance is about to generate its first record at {@code nanos}. */
  public void sourceStarted(long nanos) {
    sourceStarted(nanos, ProcessCpu.nanos());
  }

  /** As {@link #sourceStarted(long)}, with the process CPU time read at that moment. */
  public synchronized void sourceStarted(long nanos, long cpuNanos) {
    if (firstStart == Long.MAX_VALUE) {
      cpuAtStart = cpuNanos;
    }
    firstStart = Math.min(firstStart, nanos);
  }

  /** A sink instance saw end of input at {@code nanos}. */
  public void sinkEnded(long nanos) {
    sinkEnded(nanos, ProcessCpu.nanos());
  }

  /** As {@link #sinkEnded(long)}, with the process CPU time read at that moment. */
  public synchronized void sinkEnded(long nanos, long cpuNanos) {
    if (nanos >= lastEnd) {
      lastEnd = nanos;
      cpuAtEnd = cpuNanos;
    }
  }

  /** Earliest source start, or {@code Long.MAX_VALUE} if none started. */
  public synchronized long firstStartNanos() {
    return firstStart;
  }

  /** Latest sink end, or {@code Long.MIN_VALUE} if none ended. */
  public synchronized long lastEndNanos() {
    return lastEnd;
  }

  /** {@code (lastEnd - firstStart) / 1e9}; fails if no source started or no sink ended. */
  public synchronized double procSeconds() {
    if (firstStart == Long.MAX_VALUE || lastEnd == Long.MIN_VALUE) {
      throw new IllegalStateException("no source started or no sink ended");
    }
    return (lastEnd - firstStart) / 1e9;
  }

  /** Process CPU seconds from the first source start to the last sink end (NaN if unknown). */
  public synchronized double cpuSeconds() {
    procSeconds(); // same preconditions
    return ProcessCpu.seconds(cpuAtStart, cpuAtEnd);
  }
}
