package io.vortex.bench.check;

import io.vortex.bench.gen.Gen;
import java.io.Serializable;

/**
 * Threading: confined to one sink instance; merge the instances' totals after the job ends.
 *
 * <p>W1: {@code checksum = Σ count(w) * fnv1a64(w)}, {@code results} = distinct words,
 * {@code total = Σ count(w)}. Feed it one final {@code (word, count)} per word.
 */
public final class W1Checksum implements Serializable {

  private static final long serialVersionUID = 1L;

  private long checksum;
  private long results;
  private long total;

  /** Adds the final count of {@code word} (hashes the word). */
  public void add(String word, long count) {
    addHashed(Gen.fnv1a64(word), count);
  }

  /** Adds the final count of a word whose {@code fnv1a64} is already known. */
  public void addHashed(long wordHash, long count) {
    checksum += count * wordHash;
    results++;
    total += count;
  }

  public Totals totals() {
    return new Totals(checksum, results, total);
  }
}
