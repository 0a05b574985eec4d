package io.vortex.taskmanager.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalChannelTest {

  private static RecordBatch batch(int... values) {
    var batch = new RecordBatch(Math.max(1, values.length));
    for (int v : values) {
      batch.add(v, v);
    }
    return batch;
  }

  @Test
  void when_capacityReached_then_noCapacityUntilConsumerPolls() {
    // Given
    var channel = new LocalChannel(2);
    var producerWakeups = new AtomicInteger();
    channel.onCapacity(producerWakeups::incrementAndGet);

    // When
    channel.send(batch(1));
    boolean afterOne = channel.hasCapacity();
    channel.send(batch(2));

    // Then
    assertTrue(afterOne);
    assertFalse(channel.hasCapacity());
    assertEquals(2, channel.queuedBatches());
    assertEquals(0, producerWakeups.get());

    // When the consumer takes one
    channel.poll();

    // Then the producer is woken once and may send again
    assertTrue(channel.hasCapacity());
    assertEquals(1, producerWakeups.get());

    // When the consumer takes the other
    channel.poll();

    // Then no extra wakeup: the producer was not blocked
    assertEquals(1, producerWakeups.get());
    assertEquals(0, channel.queuedBatches());
  }

  @Test
  void when_producerOvershoots_then_wokenOnlyWhenBelowCapacityAgain() {
    // Given: a step sent more than capacity before checking
    var channel = new LocalChannel(2);
    var producerWakeups = new AtomicInteger();
    channel.onCapacity(producerWakeups::incrementAndGet);
    for (int i = 0; i < 4; i++) {
      channel.send(batch(i));
    }

    // When
    channel.poll();
    channel.poll();

    // Then: 2 still queued, still full
    assertFalse(channel.hasCapacity());
    assertEquals(0, producerWakeups.get());

    // When
    channel.poll();

    // Then
    assertTrue(channel.hasCapacity());
    assertEquals(1, producerWakeups.get());
  }

  @Test
  void when_eventsSent_then_theyNeedNoCapacity() {
    // Given
    var channel = new LocalChannel(1);
    channel.send(batch(1));

    // When
    for (int i = 0; i < 100; i++) {
      channel.send(new ChannelEvent.Watermark(i));
    }

    // Then
    assertFalse(channel.hasCapacity());
    assertEquals(1, channel.queuedBatches());
  }

  @Test
  void when_itemsSent_then_polledInOrder() {
    // Given
    var channel = new LocalChannel(8);
    var b1 = batch(1, 2);
    var wm = new ChannelEvent.Watermark(5);
    var b2 = batch(3);

    // When
    channel.send(b1);
    channel.send(wm);
    channel.send(b2);
    channel.send(ChannelEvent.EndOfPartition.INSTANCE);

    // Then
    assertSame(b1, channel.poll());
    assertEquals(wm, channel.poll());
    assertSame(b2, channel.poll());
    assertSame(ChannelEvent.EndOfPartition.INSTANCE, channel.poll());
    assertNull(channel.poll());
  }

  @Test
  void when_dataArrivesOnEmptyChannel_then_consumerWokenOnce() {
    // Given
    var channel = new LocalChannel(8);
    var consumerWakeups = new AtomicInteger();
    channel.onData(consumerWakeups::incrementAndGet);

    // When
    channel.send(batch(1));
    channel.send(new ChannelEvent.Watermark(1));

    // Then: the second item found the channel non-empty
    assertEquals(1, consumerWakeups.get());

    // When drained and sent again
    channel.poll();
    channel.poll();
    channel.send(batch(2));

    // Then
    assertEquals(2, consumerWakeups.get());
  }

  @Test
  void when_consumerRegistersAfterData_then_wokenAtOnce() {
    // Given
    var channel = new LocalChannel(8);
    channel.send(batch(1));
    var consumerWakeups = new AtomicInteger();

    // When
    channel.onData(consumerWakeups::incrementAndGet);

    // Then
    assertEquals(1, consumerWakeups.get());
  }

  @Test
  void when_producerAndConsumerOnTwoThreads_then_everythingArrivesInOrderWithinCapacity()
      throws Exception {
    // Given
    var channel = new LocalChannel(4);
    int batches = 20_000;
    Object lock = new Object();
    channel.onCapacity(() -> {
      synchronized (lock) {
        lock.notifyAll();
      }
    });
    var producer = new Thread(() -> {
      for (int i = 0; i < batches; i++) {
        synchronized (lock) {
          while (!channel.hasCapacity()) {
            try {
              lock.wait(10);
            } catch (InterruptedException e) {
              return;
            }
          }
        }
        channel.send(batch(i));
      }
      channel.send(ChannelEvent.EndOfPartition.INSTANCE);
    });

    // When
    producer.start();
    int expected = 0;
    int maxQueued = 0;
    while (true) {
      maxQueued = Math.max(maxQueued, channel.queuedBatches());
      ChannelItem item = channel.poll();
      if (item == null) {
        Thread.onSpinWait();
        continue;
      }
      if (item == ChannelEvent.EndOfPartition.INSTANCE) {
        break;
      }
      assertEquals(expected++, ((RecordBatch) item).value(0));
    }
    producer.join();

    // Then
    assertEquals(batches, expected);
    assertTrue(maxQueued <= 4, "queued " + maxQueued + " batches with capacity 4");
  }

  @Test
  void when_capacityNotPositive_then_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new LocalChannel(0));
  }

  @Test
  void when_transportAskedTwice_then_bothEndsShareOneChannelAndReleaseDropsIt() {
    // Given
    var transport = new LocalChannelTransport(3);
    var id = new ChannelId("job", 0, 1, 2);

    // When
    OutputChannel out = transport.output(id);
    InputChannel in = transport.input(id);
    transport.input(new ChannelId("other", 0, 0, 0));

    // Then
    assertSame(out, in);
    assertEquals(2, transport.size());

    // When
    transport.release("job");

    // Then
    assertEquals(1, transport.size());
  }
}
