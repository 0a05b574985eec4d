package io.vortex.taskmanager.network;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded channel between two tasks of one JVM: batches pass as objects, without
 * serialization. Capacity counts record batches; events never count against it (they need no
 * credit). The producer may overshoot by what one processing step emits, so memory stays bounded.
 *
 * <p>Threading: thread-safe; one producer thread and one consumer thread. The queue and the
 * counter are the only shared state; the wakeups are set once before use.
 */
public final class LocalChannel implements OutputChannel, InputChannel {
  private final int capacity;
  private final ConcurrentLinkedQueue<ChannelItem> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger batches = new AtomicInteger();
  private final AtomicInteger items = new AtomicInteger();
  private volatile Runnable consumerWakeup = () -> {};
  private volatile Runnable producerWakeup = () -> {};

  public LocalChannel(int capacityInBatches) {
    if (capacityInBatches < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacityInBatches);
    }
    this.capacity = capacityInBatches;
  }

  @Override
  public void send(ChannelItem item) {
    queue.add(item);
    if (item instanceof RecordBatch) {
      batches.incrementAndGet();
    }
    if (items.getAndIncrement() == 0) {
      consumerWakeup.run();
    }
  }

  @Override
  public boolean hasCapacity() {
    return batches.get() < capacity;
  }

  @Override
  public ChannelItem poll() {
    ChannelItem item = queue.poll();
    if (item == null) {
      return null;
    }
    items.decrementAndGet();
    if (item instanceof RecordBatch && batches.getAndDecrement() == capacity) {
      producerWakeup.run();
    }
    return item;
  }

  @Override
  public void onData(Runnable wakeup) {
    consumerWakeup = wakeup;
    if (items.get() > 0) {
      wakeup.run();
    }
  }

  @Override
  public void onCapacity(Runnable wakeup) {
    producerWakeup = wakeup;
  }

  /** Batches waiting, for tests and metrics. */
  public int queuedBatches() {
    return batches.get();
  }
}
