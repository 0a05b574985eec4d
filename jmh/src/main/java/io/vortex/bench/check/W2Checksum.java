package io.vortex.bench.check;

import io.vortex.bench.gen.Gen;
import java.io.Serializable;

/**
 * Threading: confined to one sink instance; merge the instances' totals after the job ends.
 *
 * <p>W2/W5: {@code checksum = Σ mix64(mix64(windowStart * 1000003 + key) + sum)} over result
 * records, {@code results} = number of result records, {@code total = Σ sum}.
 */
public final class W2Checksum implements Serializable {

  private static final long serialVersionUID = 1L;

  private long checksum;
  private long results;
  private long total;

  /** The checksum term of one result record. */
  public static long term(long windowStart, long key, long sum) {
    return Gen.mix64(Gen.mix64(windowStart * 1_000_003L + key) + sum);
  }

  /** Adds one result record {@code (windowStart, key, sum)}. */
  public void add(long windowStart, long key, long sum) {
    checksum += term(windowStart, key, sum);
    results++;
    total += sum;
  }

  public Totals totals() {
    return new Totals(checksum, results, total);
  }
}
