package io.vortex.taskmanager.network;

/**
 * Records with their timestamps, moved between tasks as one unit: one hand-off per batch, not
 * per record. Filled by one producer, then handed over and only read.
 *
 * <p>Threading: owned by the producing task until sent, then by the consuming task.
 */
public final class RecordBatch implements ChannelItem {
  private final int maxSize;
  private Object[] values;
  private long[] timestamps;
  private int size;

  public RecordBatch(int capacity) {
    this(capacity, capacity);
  }

  /**
   * A batch that starts with room for {@code initialCapacity} records and grows up to {@code
   * maxSize}: at low rates batches hold a record or two, and must not cost 6 KiB each.
   */
  public RecordBatch(int initialCapacity, int maxSize) {
    this.maxSize = maxSize;
    int capacity = Math.max(1, Math.min(initialCapacity, maxSize));
    values = new Object[capacity];
    timestamps = new long[capacity];
  }

  /** Adds a record; returns true when the batch is now full. */
  public boolean add(Object value, long timestamp) {
    if (size == values.length) {
      grow();
    }
    values[size] = value;
    timestamps[size] = timestamp;
    return ++size == maxSize;
  }

  private void grow() {
    int capacity = Math.min(maxSize, values.length * 2);
    values = java.util.Arrays.copyOf(values, capacity);
    timestamps = java.util.Arrays.copyOf(timestamps, capacity);
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
