package io.vortex.taskmanager.network;

import java.util.List;

/**
 * Reads a task's input channels fairly and turns their events into the task's view: batches
 * with their logical input, the combined watermark (the minimum over channels that are neither
 * idle nor ended, or the highest of the idle ones when all open channels are idle; it only moves
 * forward), idleness (all live channels idle), and the end of input (all channels ended).
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class InputGate {
  /** Receives what the gate reads. */
  public interface Listener {
    void onBatch(int input, RecordBatch batch) throws Exception;

    void onWatermark(long watermark) throws Exception;

    void onIdle(boolean idle) throws Exception;

    /** True when the listener takes nothing more now: {@link #read} returns after this item. */
    default boolean isBlocked() {
      return false;
    }
  }

  /** What a {@link #read} call found. */
  public enum Status {
    MORE_AVAILABLE,
    NOTHING_AVAILABLE,
    END_OF_INPUT
  }

  private final InputChannel[] channels;
  private final int[] inputOf;
  private final long[] watermarks;
  private final boolean[] idle;
  private final boolean[] ended;
  private int endedCount;
  private int cursor;
  private long combined = Long.MIN_VALUE;
  private boolean gateIdle;

  /** {@code inputOf[i]} is the logical input (0 or 1) of channel {@code i}. */
  public InputGate(List<InputChannel> channels, int[] inputOf) {
    this.channels = channels.toArray(new InputChannel[0]);
    this.inputOf = inputOf.clone();
    this.watermarks = new long[this.channels.length];
    this.idle = new boolean[this.channels.length];
    this.ended = new boolean[this.channels.length];
    java.util.Arrays.fill(watermarks, Long.MIN_VALUE);
    if (inputOf.length != this.channels.length) {
      throw new IllegalArgumentException("one input index per channel");
    }
  }

  public void onData(Runnable wakeup) {
    for (InputChannel channel : channels) {
      channel.onData(wakeup);
    }
  }

  /**
   * Delivers items to {@code listener} until about {@code maxRecords} records, nothing is ready,
   * or the listener is blocked.
   */
  public Status read(Listener listener, int maxRecords) throws Exception {
    int records = 0;
    int emptyInARow = 0;
    while (records < maxRecords) {
      if (endedCount == channels.length) {
        return Status.END_OF_INPUT;
      }
      int c = cursor;
      cursor = c + 1 == channels.length ? 0 : c + 1;
      if (ended[c]) {
        emptyInARow++;
      } else {
        ChannelItem item = channels[c].poll();
        if (item == null) {
          emptyInARow++;
        } else {
          emptyInARow = 0;
          records += handle(c, item, listener);
          if (listener.isBlocked()) {
            return Status.MORE_AVAILABLE; // e.g. its output filled up: read the rest later
          }
        }
      }
      if (emptyInARow >= channels.length) {
        return endedCount == channels.length ? Status.END_OF_INPUT : Status.NOTHING_AVAILABLE;
      }
    }
    return Status.MORE_AVAILABLE;
  }

  private int handle(int c, ChannelItem item, Listener listener) throws Exception {
    if (item instanceof RecordBatch batch) {
      if (idle[c]) {
        idle[c] = false;
        updateIdle(listener);
      }
      listener.onBatch(inputOf[c], batch);
      return batch.size();
    }
    if (item instanceof ChannelEvent.Watermark w) {
      if (w.timestamp() > watermarks[c]) {
        watermarks[c] = w.timestamp();
      }
      updateWatermark(listener);
    } else if (item instanceof ChannelEvent.IdleStatus s) {
      idle[c] = s.idle();
      updateIdle(listener);
      updateWatermark(listener);
    } else if (item == ChannelEvent.EndOfPartition.INSTANCE) {
      ended[c] = true;
      endedCount++;
      watermarks[c] = Long.MAX_VALUE;
      updateWatermark(listener);
    }
    return 0;
  }

  private void updateWatermark(Listener listener) throws Exception {
    long min = Long.MAX_VALUE;
    long maxIdle = Long.MIN_VALUE;
    boolean anyLive = false;
    for (int i = 0; i < channels.length; i++) {
      if (ended[i]) {
        continue;
      }
      if (idle[i]) {
        maxIdle = Math.max(maxIdle, watermarks[i]);
        continue;
      }
      anyLive = true;
      min = Math.min(min, watermarks[i]);
    }
    if (!anyLive) {
      // All open channels idle: none holds event time back, so the highest watermark any of
      // them reached goes through (Flink's StatusWatermarkValve does the same); otherwise which
      // channel went idle last would decide whether event time moves at all.
      min = endedCount < channels.length ? maxIdle : Long.MAX_VALUE;
    }
    if (min > combined) {
      combined = min;
      listener.onWatermark(min);
    }
  }

  private void updateIdle(Listener listener) throws Exception {
    boolean allIdle = endedCount < channels.length;
    for (int i = 0; i < channels.length; i++) {
      if (!ended[i] && !idle[i]) {
        allIdle = false;
        break;
      }
    }
    if (allIdle != gateIdle) {
      gateIdle = allIdle;
      listener.onIdle(allIdle);
    }
  }

  public long watermark() {
    return combined;
  }
}
