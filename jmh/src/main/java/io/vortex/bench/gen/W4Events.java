package io.vortex.bench.gen;

import java.util.concurrent.locks.LockSupport;

/** W4 (latency at a fixed rate) data and pacing: event i = (key, due). Stateless. */
public final class W4Events {

  /** Default total input rate R (events/s). */
  public static final long DEFAULT_RATE = 100_000L;
  /** Default duration D (s). */
  public static final long DEFAULT_SECONDS = 30L;
  /** Default warm-up W (s) whose events are not recorded in the latency histogram. */
  public static final long DEFAULT_WARMUP_SECONDS = 5L;
  /** Number of keys K4. */
  public static final long KEYS = 10_000L;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private W4Events() {
  }

  /** Key of event i, in 0 .. K4-1. */
  public static long key(long i) {
    return Gen.u63(Gen.SEED_W4_KEY, i) % KEYS;
  }

  /**
   * Due time of the m-th event of source instance s of p: {@code t0_s + m * (p * 10^9 / rate)}.
   * With p = 1 and 10^9 divisible by the rate this equals the baseline's
   * {@code t0 + i * 10^9 / rate}.
   */
  public static long dueNanos(long t0, long m, int p, long rate) {
    return t0 + m * (p * NANOS_PER_SECOND / rate);
  }

  /** The baseline's due time of event i: {@code t0 + i * 10^9 / rate}. */
  public static long baselineDueNanos(long t0, long i, long rate) {
    return t0 + i * NANOS_PER_SECOND / rate;
  }

  /** Events with {@code due >= warmupEnd} are recorded: {@code min t0 + W}. */
  public static long warmupEndNanos(long t0, long warmupSeconds) {
    return t0 + warmupSeconds * NANOS_PER_SECOND;
  }

  /**
   * Parks the calling thread until {@code System.nanoTime() >= due} (returns at once when late),
   * as the peers' sources do. Returns the time observed on return.
   */
  public static long awaitDue(long due) {
    long now = System.nanoTime();
    while (now < due) {
      LockSupport.parkNanos(due - now);
      now = System.nanoTime();
    }
    return now;
  }
}
