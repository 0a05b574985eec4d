package io.vortex.taskmanager.network;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Channels between tasks of one JVM (the mini-cluster): both ends of a channel get the same
 * {@link LocalChannel}, whichever asks first.
 *
 * <p>Threading: thread-safe.
 */
public final class LocalChannelTransport implements ChannelTransport {
  public static final int DEFAULT_CAPACITY_IN_BATCHES = 8;

  private final ConcurrentHashMap<ChannelId, LocalChannel> channels = new ConcurrentHashMap<>();
  private final int capacityInBatches;

  public LocalChannelTransport() {
    this(DEFAULT_CAPACITY_IN_BATCHES);
  }

  public LocalChannelTransport(int capacityInBatches) {
    this.capacityInBatches = capacityInBatches;
  }

  private LocalChannel channel(ChannelId id) {
    return channels.computeIfAbsent(id, k -> new LocalChannel(capacityInBatches));
  }

  @Override
  public OutputChannel output(ChannelId id) {
    return channel(id);
  }

  @Override
  public InputChannel input(ChannelId id) {
    return channel(id);
  }

  @Override
  public void release(String jobId) {
    channels.keySet().removeIf(id -> id.jobId().equals(jobId));
  }

  /** Open channels, for tests. */
  public int size() {
    return channels.size();
  }
}
