package io.vortex.bench.gen;

import java.nio.charset.StandardCharsets;

/**
 * The primitive functions of WORKLOADS.md section 0: SplitMix64 finaliser, counter-based random
 * values, FNV-1a and the seeds. Stateless; every record of every workload is a pure function of
 * its index built from these.
 */
public final class Gen {

  public static final long GOLDEN = 0x9E3779B97F4A7C15L;

  public static final long SEED_VOCAB = 0x5EED000000000001L;
  public static final long SEED_W1_WORD = 0x5EED000000000011L;
  public static final long SEED_W2_KEY = 0x5EED000000000021L;
  public static final long SEED_W2_VALUE = 0x5EED000000000022L;
  public static final long SEED_W2_JITTER = 0x5EED000000000023L;
  public static final long SEED_W3_KEY = 0x5EED000000000031L;
  public static final long SEED_W4_KEY = 0x5EED000000000041L;

  public static final long FNV_OFFSET = 0xCBF29CE484222325L;
  public static final long FNV_PRIME = 0x100000001B3L;

  private Gen() {
  }

  /** The SplitMix64 finaliser. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The i-th (0-based) output of SplitMix64 seeded with {@code seed}. */
  public static long rand(long seed, long i) {
    return mix64(seed + (i + 1) * GOLDEN);
  }

  /** {@code rand(seed, i) >>> 1}: a non-negative value. */
  public static long u63(long seed, long i) {
    return rand(seed, i) >>> 1;
  }

  /** 64-bit FNV-1a over the UTF-8 bytes of {@code s}. */
  public static long fnv1a64(String s) {
    long h = FNV_OFFSET;
    int len = s.length();
    for (int j = 0; j < len; j++) {
      char c = s.charAt(j);
      if (c >= 0x80) {
        // Non-ASCII: hash the real UTF-8 encoding (never happens for the W1 vocabulary).
        return fnv1a64(s.getBytes(StandardCharsets.UTF_8));
      }
      h = (h ^ c) * FNV_PRIME;
    }
    return h;
  }

  /** 64-bit FNV-1a over {@code bytes}, each taken as 0..255. */
  public static long fnv1a64(byte[] bytes) {
    long h = FNV_OFFSET;
    for (byte b : bytes) {
      h = (h ^ (b & 0xFF)) * FNV_PRIME;
    }
    return h;
  }

  /**
   * How many indices source instance {@code s} of {@code p} generates out of {@code 0..n-1}
   * under the normative strided split ({@code s, s+p, s+2p, ... < n}).
   */
  public static long stridedCount(long n, int p, int s) {
    if (p <= 0 || s < 0 || s >= p) {
      throw new IllegalArgumentException("need 0 <= s < p, got s=" + s + " p=" + p);
    }
    return s >= n ? 0 : (n - s + p - 1) / p;
  }

  /** The global index of the m-th record of source instance {@code s} of {@code p}. */
  public static long stridedIndex(int p, int s, long m) {
    return s + m * p;
  }
}
