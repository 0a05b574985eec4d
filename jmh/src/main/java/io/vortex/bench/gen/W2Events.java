package io.vortex.bench.gen;

/** W2/W5 (event-time tumbling windows) data: event i = (key, value, ts). Stateless. */
public final class W2Events {

  /** Default number of events N2. */
  public static final long DEFAULT_N = 20_000_000L;
  /** Number of keys K2. */
  public static final long KEYS = 100_000L;
  /** Base event time T0 (epoch ms, a multiple of 1000). */
  public static final long T0 = 1_700_000_000_000L;
  /** Tumbling window size (ms), aligned to epoch 0. */
  public static final long WINDOW_MS = 1_000L;
  /** Bounded out-of-orderness of the watermark (ms): {@code wm = maxTs - 200 - 1}. */
  public static final long WATERMARK_DELAY_MS = 200L;

  private W2Events() {
  }

  /** Key of event i, uniform in 0 .. K2-1. */
  public static long key(long i) {
    return Gen.u63(Gen.SEED_W2_KEY, i) % KEYS;
  }

  /** Value of event i, in 1 .. 1000. */
  public static long value(long i) {
    return Gen.u63(Gen.SEED_W2_VALUE, i) % 1000 + 1;
  }

  /** Event time of event i (ms): at most 100 ms older than any earlier event's maximum. */
  public static long ts(long i) {
    return T0 + i / 1000 - Gen.u63(Gen.SEED_W2_JITTER, i) % 101;
  }

  /** Start of the 1 s tumbling window containing {@code ts}. */
  public static long windowStart(long ts) {
    return ts - Math.floorMod(ts, WINDOW_MS);
  }

  /** Flink's bounded-out-of-orderness watermark for a maximum timestamp seen. */
  public static long watermark(long maxTs) {
    return maxTs - WATERMARK_DELAY_MS - 1;
  }
}
