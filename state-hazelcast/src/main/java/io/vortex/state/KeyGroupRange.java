package io.vortex.state;

import io.vortex.api.internal.KeyGroups;

/** The key groups {@code [start, end]} (inclusive) one subtask owns. Immutable. */
public record KeyGroupRange(int start, int end) {
  public KeyGroupRange {
    if (start < 0 || end < start - 1) {
      throw new IllegalArgumentException("bad key group range [" + start + ", " + end + "]");
    }
  }

  /** The range subtask {@code index} of {@code parallelism} owns. */
  public static KeyGroupRange of(int index, int maxParallelism, int parallelism) {
    if (index < 0 || index >= parallelism || parallelism > maxParallelism) {
      throw new IllegalArgumentException(
          "subtask " + index + " of " + parallelism + " with max parallelism " + maxParallelism);
    }
    return new KeyGroupRange(
        KeyGroups.rangeStart(index, maxParallelism, parallelism),
        KeyGroups.rangeEnd(index, maxParallelism, parallelism));
  }

  public int size() {
    return end - start + 1;
  }

  public boolean contains(int keyGroup) {
    return keyGroup >= start && keyGroup <= end;
  }
}
