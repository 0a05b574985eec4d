package io.vortex.bench.gen;

/** W3 (shuffle) data and arithmetic: record i = (key, value). Stateless. */
public final class W3Records {

  /** Default number of records N3. */
  public static final long DEFAULT_N = 50_000_000L;

  private W3Records() {
  }

  /** Key of record i: full 64 bits, may be negative. */
  public static long key(long i) {
    return Gen.rand(Gen.SEED_W3_KEY, i);
  }

  /** Value of record i (= i). */
  public static long value(long i) {
    return i;
  }

  /** The map step: {@code value' = value * GOLDEN + key}. */
  public static long map(long key, long value) {
    return value * Gen.GOLDEN + key;
  }

  /** The filter step: keep records whose value' is even. */
  public static boolean keep(long mappedValue) {
    return (mappedValue & 1) == 0;
  }
}
