package io.vortex.taskmanager.network;

import io.vortex.api.function.KeySelector;
import io.vortex.api.graph.Partitioning;
import io.vortex.api.internal.KeyGroups;

/**
 * Picks the consumer channel of a record. BROADCAST is handled by the writer (every channel).
 *
 * <p>Threading: confined to the owning task's thread (rebalance keeps a cursor).
 */
public abstract sealed class Partitioner {
  /** The channel index of {@code value} among {@code channels}. */
  public abstract int select(Object value) throws Exception;

  public static Partitioner of(
      Partitioning partitioning, KeySelector<Object, ?> key, int maxParallelism, int channels, int producer) {
    return switch (partitioning) {
      case FORWARD, BROADCAST -> new Fixed();
      case REBALANCE -> new RoundRobin(channels, producer);
      case HASH -> new ByKeyGroup(key, maxParallelism, channels);
    };
  }

  /** One channel (forward) or all (broadcast). */
  static final class Fixed extends Partitioner {
    @Override
    public int select(Object value) {
      return 0;
    }
  }

  /** Round robin, each producer starting at its own index so load spreads from the start. */
  static final class RoundRobin extends Partitioner {
    private final int channels;
    private int next;

    RoundRobin(int channels, int start) {
      this.channels = channels;
      this.next = start % channels;
    }

    @Override
    public int select(Object value) {
      int channel = next;
      next = channel + 1 == channels ? 0 : channel + 1;
      return channel;
    }
  }

  /** The subtask owning the key group of the record's key. */
  static final class ByKeyGroup extends Partitioner {
    private final KeySelector<Object, ?> key;
    private final int maxParallelism;
    private final int channels;

    ByKeyGroup(KeySelector<Object, ?> key, int maxParallelism, int channels) {
      if (key == null) {
        throw new IllegalArgumentException("a HASH edge needs a key selector");
      }
      this.key = key;
      this.maxParallelism = maxParallelism;
      this.channels = channels;
    }

    @Override
    public int select(Object value) throws Exception {
      int keyGroup = KeyGroups.assign(key.getKey(value), maxParallelism);
      return KeyGroups.operatorIndex(keyGroup, maxParallelism, channels);
    }
  }
}
