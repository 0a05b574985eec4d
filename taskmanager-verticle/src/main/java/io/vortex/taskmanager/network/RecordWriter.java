package io.vortex.taskmanager.network;

import java.util.List;

/**
 * Writes one job edge's records into batches, one open batch per consumer channel, and sends a
 * batch when it is full or on {@link #flush()}. Events go to every channel after the open
 * batches, so they stay in line with the records.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class RecordWriter {
  private static final int MIN_INITIAL_CAPACITY = 8;
  private final OutputChannel[] channels;
  private final RecordBatch[] open;
  /** Size of the batch last sent per channel: the next one starts with that much room. */
  private final int[] lastSize;
  private final Partitioner partitioner;
  private final boolean broadcast;
  private final int batchSize;
  /** Side output id this edge carries, or null for the main output. */
  private final String sideOutput;

  public RecordWriter(
      List<OutputChannel> channels, Partitioner partitioner, boolean broadcast, int batchSize, String sideOutput) {
    this.channels = channels.toArray(new OutputChannel[0]);
    this.open = new RecordBatch[this.channels.length];
    this.lastSize = new int[this.channels.length];
    this.partitioner = partitioner;
    this.broadcast = broadcast;
    this.batchSize = batchSize;
    this.sideOutput = sideOutput;
  }

  public String sideOutput() {
    return sideOutput;
  }

  public void emit(Object value, long timestamp) throws Exception {
    if (broadcast) {
      for (int c = 0; c < channels.length; c++) {
        add(c, value, timestamp);
      }
    } else {
      add(channels.length == 1 ? 0 : partitioner.select(value), value, timestamp);
    }
  }

  private void add(int channel, Object value, long timestamp) {
    RecordBatch batch = open[channel];
    if (batch == null) {
      batch = new RecordBatch(Math.max(MIN_INITIAL_CAPACITY, lastSize[channel]), batchSize);
      open[channel] = batch;
    }
    if (batch.add(value, timestamp)) {
      send(channel, batch);
    }
  }

  /** Sends every open batch and then {@code event} on every channel. */
  public void broadcastEvent(ChannelEvent event) {
    flush();
    for (OutputChannel channel : channels) {
      channel.send(event);
    }
  }

  /** Sends every partly filled batch. */
  public void flush() {
    for (int c = 0; c < channels.length; c++) {
      RecordBatch batch = open[c];
      if (batch != null) {
        send(c, batch);
      }
    }
  }

  private void send(int channel, RecordBatch batch) {
    lastSize[channel] = batch.size();
    channels[channel].send(batch);
    open[channel] = null;
  }

  /** True when every channel can take more. */
  public boolean isAvailable() {
    for (OutputChannel channel : channels) {
      if (!channel.hasCapacity()) {
        return false;
      }
    }
    return true;
  }

  public void onCapacity(Runnable wakeup) {
    for (OutputChannel channel : channels) {
      channel.onCapacity(wakeup);
    }
  }
}
