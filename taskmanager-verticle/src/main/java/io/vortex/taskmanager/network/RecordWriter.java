package io.vortex.taskmanager.network;

import java.util.List;

/**
 * Writes one job edge's records into batches, one open batch per consumer channel, and sends a
 * batch when it is full or on {@link #flush()}. Events go to every channel after the open
 * batches, so they stay in line with the records.
 *
 * <p>Watermarks are coalesced: {@link #emitWatermark} only remembers the newest one, and {@link
 * #sendPendingWatermark()} (called once at the end of each processing step) sends it after the
 * open batches. So a step of N records with rising timestamps costs one watermark and one flush
 * per channel, not N. A watermark is never sent ahead of the records emitted before it, and
 * never behind a record it would make late: a record whose timestamp is not above the pending
 * watermark sends that watermark first, so which records are late downstream is exactly as if
 * every watermark had been sent at once.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class RecordWriter {
  private static final int MIN_INITIAL_CAPACITY = 8;
  private static final long NO_WATERMARK = Long.MIN_VALUE;
  private final OutputChannel[] channels;
  private final RecordBatch[] open;
  /** Size of the batch last sent per channel: the next one starts with that much room. */
  private final int[] lastSize;
  private final Partitioner partitioner;
  private final boolean broadcast;
  private final int batchSize;
  /** The newest watermark not yet sent, or {@link #NO_WATERMARK}. */
  private long pendingWatermark = NO_WATERMARK;
  /** A channel had no capacity left after a send (or at the last {@link #isAvailable()}). */
  private boolean full;
  private Runnable whenFull = () -> {};

  public RecordWriter(
      List<OutputChannel> channels, Partitioner partitioner, boolean broadcast, int batchSize) {
    this.channels = channels.toArray(new OutputChannel[0]);
    this.open = new RecordBatch[this.channels.length];
    this.lastSize = new int[this.channels.length];
    this.partitioner = partitioner;
    this.broadcast = broadcast;
    this.batchSize = batchSize;
  }

  public void emit(Object value, long timestamp) throws Exception {
    if (pendingWatermark != NO_WATERMARK && timestamp <= pendingWatermark) {
      sendPendingWatermark(); // the record is late for it: keep them in their order
    }
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

  /** Sends every open batch, the pending watermark, and then {@code event} on every channel. */
  public void broadcastEvent(ChannelEvent event) {
    flush();
    broadcast(event);
  }

  /** Event time has reached {@code watermark}: sent with the next {@link #sendPendingWatermark()}. */
  public void emitWatermark(long watermark) {
    if (watermark > pendingWatermark) {
      pendingWatermark = watermark;
    }
  }

  /** Sends the pending watermark, if any, after every open batch. Call at the end of a step. */
  public void sendPendingWatermark() {
    if (pendingWatermark == NO_WATERMARK) {
      return;
    }
    long watermark = pendingWatermark;
    pendingWatermark = NO_WATERMARK;
    sendOpenBatches();
    broadcast(new ChannelEvent.Watermark(watermark));
  }

  /** Sends every partly filled batch, then the pending watermark. */
  public void flush() {
    sendOpenBatches();
    sendPendingWatermark();
  }

  private void sendOpenBatches() {
    for (int c = 0; c < channels.length; c++) {
      RecordBatch batch = open[c];
      if (batch != null) {
        send(c, batch);
      }
    }
  }

  private void broadcast(ChannelEvent event) {
    for (OutputChannel channel : channels) {
      channel.send(event);
    }
  }

  private void send(int channel, RecordBatch batch) {
    lastSize[channel] = batch.size();
    OutputChannel out = channels[channel];
    out.send(batch);
    open[channel] = null;
    if (!out.hasCapacity()) {
      full = true;
      whenFull.run();
    }
  }

  /** True when every channel can take more; checks the channels again. */
  public boolean isAvailable() {
    for (OutputChannel channel : channels) {
      if (!channel.hasCapacity()) {
        full = true;
        return false;
      }
    }
    full = false;
    return true;
  }

  /**
   * True when a channel had no capacity left after this writer's last send (a cheap check, made
   * per record: the producer stops taking input then); {@link #isAvailable()} checks again.
   */
  public boolean isFull() {
    return full;
  }

  /**
   * Runs {@code action} (on the task's thread) when a send leaves a channel without capacity, so
   * the producer need not ask {@link #isFull()} per record.
   */
  public void whenFull(Runnable action) {
    this.whenFull = action;
  }

  /** Whether a channel of this writer leads to another process. */
  public boolean hasRemoteChannels() {
    for (OutputChannel channel : channels) {
      if (channel.isRemote()) {
        return true;
      }
    }
    return false;
  }

  public void onCapacity(Runnable wakeup) {
    for (OutputChannel channel : channels) {
      channel.onCapacity(wakeup);
    }
  }
}
