package io.vortex.api.internal;

/**
 * Key-group arithmetic (DESIGN §7): a key's hash goes through a strong mixer into one of
 * {@code maxParallelism} key groups; subtask {@code i} of {@code p} owns a contiguous range of
 * key groups. Hashing uses the key's JVM-independent hash ({@link KeyHashes}: its {@code
 * hashCode}, but enums by name and records, lists and the like from their components), never its
 * serialized bytes.
 */
public final class KeyGroups {
  public static final int DEFAULT_MAX_PARALLELISM = 128;
  /** The largest max parallelism (key groups are an int range; keep rescaling cheap). */
  public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

  private KeyGroups() {}

  /**
   * The key group of {@code key}: {@code mix(KeyHashes.hash(key)) mod maxParallelism}. Fails with
   * a clear message for keys that cannot be hashed stably (arrays, classes without hashCode).
   */
  public static int assign(Object key, int maxParallelism) {
    if (key == null) {
      throw new NullPointerException("a key selector returned null; keys must not be null");
    }
    return Math.floorMod(mix(KeyHashes.hash(key)), maxParallelism);
  }

  /** The subtask, of {@code parallelism}, that owns {@code keyGroup}. */
  public static int operatorIndex(int keyGroup, int maxParallelism, int parallelism) {
    return keyGroup * parallelism / maxParallelism;
  }

  /** First key group (inclusive) owned by subtask {@code index}. */
  public static int rangeStart(int index, int maxParallelism, int parallelism) {
    return (index * maxParallelism + parallelism - 1) / parallelism;
  }

  /** Last key group (inclusive) owned by subtask {@code index}. */
  public static int rangeEnd(int index, int maxParallelism, int parallelism) {
    return ((index + 1) * maxParallelism - 1) / parallelism;
  }

  /** Murmur3's 32-bit finaliser: spreads poor hashCodes (small ints, similar strings). */
  public static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
