package io.vortex.taskmanager.network.tcp;

import java.util.ArrayDeque;

/**
 * A TaskManager's network memory for receiving, counted in buffers: every input channel reserves
 * its exclusive buffers when it opens (failing clearly when the memory is exhausted), and the
 * rest floats to channels whose producers announce a backlog, in the order they asked.
 *
 * <p>Threading: confined to the transport's connection context.
 */
public final class CreditPool {
  private final int totalBuffers;
  private final int bufferSize;
  private int free;
  private final ArrayDeque<ConsumerCredits> waiting = new ArrayDeque<>();

  public CreditPool(int totalBuffers, int bufferSize) {
    if (totalBuffers < 1) {
      throw new IllegalArgumentException("network memory must hold at least one buffer");
    }
    this.totalBuffers = totalBuffers;
    this.bufferSize = bufferSize;
    this.free = totalBuffers;
  }

  /**
   * Takes {@code n} exclusive buffers for a channel.
   *
   * @throws NetworkMemoryException when fewer are free
   */
  void reserve(int n, Object channel) {
    if (n > free) {
      throw new NetworkMemoryException(
          "not enough network memory for "
              + channel
              + ": it needs "
              + n
              + " exclusive buffers of "
              + bufferSize
              + " bytes but only "
              + free
              + " of "
              + totalBuffers
              + " are free; raise the TaskManager's network memory or lower the parallelism");
    }
    free -= n;
  }

  /** One floating buffer, or false (the channel then waits for one). */
  boolean tryTake(ConsumerCredits channel) {
    if (free > 0 && waiting.isEmpty()) {
      free--;
      return true;
    }
    if (!waiting.contains(channel)) {
      waiting.add(channel);
    }
    return false;
  }

  /** Returns {@code n} buffers and lends them to waiting channels. */
  void release(int n) {
    free += n;
    while (free > 0 && !waiting.isEmpty()) {
      ConsumerCredits next = waiting.peek();
      if (next.wantsFloating()) {
        free--;
        next.grantFloating();
        if (!next.wantsFloating()) {
          waiting.poll();
        }
      } else {
        waiting.poll();
      }
    }
  }

  void forget(ConsumerCredits channel) {
    waiting.remove(channel);
  }

  public int free() {
    return free;
  }

  public int total() {
    return totalBuffers;
  }
}
