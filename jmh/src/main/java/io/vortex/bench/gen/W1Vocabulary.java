package io.vortex.bench.gen;

/**
 * W1 (word count) data: the V-word vocabulary, its integer Zipf table and the word of record i.
 * Immutable once built; {@link #get()} returns one shared instance that any thread may use.
 *
 * <p>{@link #wordOf(long)} returns the precomputed {@code String}, so generating a record
 * allocates nothing. The Zipf lookup is exactly the plain binary search over the whole {@code
 * cum} table that WORKLOADS.md specifies and the peers ran (~14 steps): a faster lookup would
 * make the workload cheaper than the one the peers' figures measure.
 */
public final class W1Vocabulary {

  /** Vocabulary size V. */
  public static final int V = 10_000;
  /** Default number of words N1. */
  public static final long DEFAULT_N = 20_000_000L;

  private final String[] words;
  private final long[] hashes;
  private final long[] cum;
  private final long total;

  private W1Vocabulary() {
    words = new String[V];
    hashes = new long[V];
    cum = new long[V];
    long c = 0;
    for (int k = 0; k < V; k++) {
      words[k] = buildWord(k);
      hashes[k] = Gen.fnv1a64(words[k]);
      c += 1_000_000_000_000L / (k + 1);
      cum[k] = c;
    }
    total = c;
  }

  private static final class Holder {
    static final W1Vocabulary INSTANCE = new W1Vocabulary();
  }

  /** The shared vocabulary (built once, ~1 ms). */
  public static W1Vocabulary get() {
    return Holder.INSTANCE;
  }

  private static String buildWord(int k) {
    long r = Gen.rand(Gen.SEED_VOCAB, k);
    int extra = (int) ((r >>> 60) % 5);
    char[] cs = new char[3 + extra];
    cs[0] = (char) ('a' + k % 26);
    cs[1] = (char) ('a' + (k / 26) % 26);
    cs[2] = (char) ('a' + (k / 676) % 26);
    for (int j = 0; j < extra; j++) {
      cs[3 + j] = (char) ('a' + ((r >>> (6 * j)) & 63) % 26);
    }
    return new String(cs);
  }

  public int size() {
    return V;
  }

  /** Word k (0 <= k < V). */
  public String word(int k) {
    return words[k];
  }

  /** Precomputed {@code fnv1a64(word(k))}. */
  public long wordHash(int k) {
    return hashes[k];
  }

  /** {@code cum[k] = weight(0) + ... + weight(k)}. */
  public long cum(int k) {
    return cum[k];
  }

  /** {@code T = cum[V-1]}. */
  public long total() {
    return total;
  }

  /** The word index k of record i. */
  public int wordIndex(long i) {
    return indexOf(Gen.u63(Gen.SEED_W1_WORD, i) % total);
  }

  /** The word of record i (the shared precomputed String). */
  public String wordOf(long i) {
    return words[wordIndex(i)];
  }

  /**
   * The smallest k with {@code cum[k] > u}, for 0 <= u < T: the binary search of WORKLOADS.md
   * over the whole table.
   */
  public int indexOf(long u) {
    return search(u, null);
  }

  /** {@link #indexOf}, adding the number of {@code cum} entries read to {@code probes[0]}. */
  int indexOfCounting(long u, long[] probes) {
    return search(u, probes);
  }

  private int search(long u, long[] probes) {
    int lo = 0;
    int hi = V - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (probes != null) {
        probes[0]++;
      }
      if (cum[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
