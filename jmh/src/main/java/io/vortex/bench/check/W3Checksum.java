package io.vortex.bench.check;

import java.io.Serializable;

/**
 * Threading: confined to one sink instance; merge the instances' totals after the job ends.
 *
 * <p>W3: {@code checksum = Σ value'} over kept records; {@code results = total} = kept count.
 */
public final class W3Checksum implements Serializable {

  private static final long serialVersionUID = 1L;

  private long checksum;
  private long results;

  /** Adds one kept record's value'. */
  public void add(long mappedValue) {
    checksum += mappedValue;
    results++;
  }

  public Totals totals() {
    return new Totals(checksum, results, results);
  }
}
