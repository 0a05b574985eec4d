package io.vortex.taskmanager.network;

/**
 * Records with their timestamps, moved between tasks as one unit: one hand-off per batch, not
 * per record. Filled by one producer, then handed over and only read.
 *
 * <p>Threading: owned by the producing task until sent, then by the consuming task.
 */
public final class RecordBatch implements ChannelItem {
  private final Object[] values;
  private final long[] timestamps;
  private int size;

  public RecordBatch(int capacity) {
    values = new Object[capacity];
    timestamps = new long[capacity];
  }

  /** Adds a record; returns true when the batch is now full. */
  public boolean add(Object value, long timestamp) {
    values[size] = value;
    timestamps[size] = timestamp;
    return ++size == values.length;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public Object value(int i) {
    return values[i];
  }

  public long timestamp(int i) {
    return timestamps[i];
  }
}
