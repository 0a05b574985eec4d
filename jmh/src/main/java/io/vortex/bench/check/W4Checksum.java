package io.vortex.bench.check;

import java.io.Serializable;

/**
 * Threading: confined to one sink instance; merge the instances' totals after the job ends.
 *
 * <p>W4: {@code checksum = Σ emitted counts} (= Σ_k n_k(n_k+1)/2), {@code results = total} =
 * number of emitted records.
 */
public final class W4Checksum implements Serializable {

  private static final long serialVersionUID = 1L;

  private long checksum;
  private long results;

  /** Adds one emitted {@code (key, count, due)} record's count. */
  public void add(long count) {
    checksum += count;
    results++;
  }

  public Totals totals() {
    return new Totals(checksum, results, results);
  }
}
