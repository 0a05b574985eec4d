package io.vortex.taskmanager.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.function.KeySelector;
import io.vortex.api.graph.Partitioning;
import io.vortex.api.internal.KeyGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordWriterTest {

  private static List<LocalChannel> channels(int n, int capacity) {
    List<LocalChannel> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new LocalChannel(capacity));
    }
    return list;
  }

  private static RecordWriter writer(List<LocalChannel> channels, Partitioning p, KeySelector<Object, ?> key, int batchSize) {
    var partitioner = Partitioner.of(p, key, 128, channels.size(), 0);
    return new RecordWriter(List.copyOf(channels), partitioner, p == Partitioning.BROADCAST, batchSize);
  }

  /** Everything queued on a channel, batches as their values, events by name. */
  private static List<String> drain(LocalChannel channel) {
    List<String> items = new ArrayList<>();
    ChannelItem item;
    while ((item = channel.poll()) != null) {
      if (item instanceof RecordBatch b) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
          values.add(b.value(i) + "@" + b.timestamp(i));
        }
        items.add(values.toString());
      } else if (item instanceof ChannelEvent.Watermark w) {
        items.add("wm " + w.timestamp());
      } else {
        items.add(item.toString());
      }
    }
    return items;
  }

  @Test
  void when_batchFull_then_sentWithoutFlush() throws Exception {
    // Given
    var channels = channels(1, 8);
    var writer = writer(channels, Partitioning.FORWARD, null, 3);

    // When
    for (int i = 0; i < 7; i++) {
      writer.emit("r" + i, i);
    }

    // Then: two full batches; the seventh record waits for a flush
    assertEquals(List.of("[r0@0, r1@1, r2@2]", "[r3@3, r4@4, r5@5]"), drain(channels.get(0)));

    // When
    writer.flush();

    // Then
    assertEquals(List.of("[r6@6]"), drain(channels.get(0)));
  }

  @Test
  void when_eventBroadcast_then_openBatchesGoFirstOnEveryChannel() throws Exception {
    // Given
    var channels = channels(2, 8);
    var writer = writer(channels, Partitioning.REBALANCE, null, 10);
    writer.emit("a", 1);
    writer.emit("b", 2);
    writer.emit("c", 3);

    // When
    writer.broadcastEvent(new ChannelEvent.Watermark(3));

    // Then: records before the watermark they precede, on both channels
    assertEquals(List.of("[a@1, c@3]", "wm 3"), drain(channels.get(0)));
    assertEquals(List.of("[b@2]", "wm 3"), drain(channels.get(1)));
  }

  @Test
  void when_broadcastPartitioning_then_everyRecordOnEveryChannel() throws Exception {
    // Given
    var channels = channels(3, 8);
    var writer = writer(channels, Partitioning.BROADCAST, null, 10);

    // When
    writer.emit("x", 7);
    writer.emit("y", 8);
    writer.broadcastEvent(ChannelEvent.EndOfPartition.INSTANCE);

    // Then
    for (LocalChannel c : channels) {
      assertEquals(List.of("[x@7, y@8]", "INSTANCE"), drain(c));
    }
  }

  @Test
  void when_hashPartitioning_then_eachKeyOnTheChannelOwningItsKeyGroup() throws Exception {
    // Given
    var channels = channels(4, 100);
    KeySelector<Object, ?> key = v -> ((String) v).substring(0, 1);
    var writer = writer(channels, Partitioning.HASH, key, 1);

    // When
    for (String k : List.of("a", "b", "c", "d", "e", "f", "g")) {
      writer.emit(k + "1", 0);
      writer.emit(k + "2", 0);
    }

    // Then
    for (int c = 0; c < 4; c++) {
      for (String item : drain(channels.get(c))) {
        String k = item.substring(1, 2);
        int expected = KeyGroups.operatorIndex(KeyGroups.assign(k, 128), 128, 4);
        assertEquals(expected, c, item + " on channel " + c);
      }
    }
  }

  @Test
  void when_channelFull_then_unavailableUntilConsumerPollsAndProducerWoken() throws Exception {
    // Given
    var channels = channels(2, 1);
    var writer = writer(channels, Partitioning.REBALANCE, null, 1);
    var wakeups = new AtomicInteger();
    writer.onCapacity(wakeups::incrementAndGet);

    // When: one record per channel fills both
    writer.emit("a", 0);
    boolean afterOne = writer.isAvailable();
    writer.emit("b", 0);

    // Then
    assertFalse(afterOne, "channel 0 is full after one batch");
    assertFalse(writer.isAvailable());

    // When channel 0 drains
    channels.get(0).poll();

    // Then still unavailable: channel 1 is full; the producer was woken to check
    assertFalse(writer.isAvailable());
    assertEquals(1, wakeups.get());

    // When channel 1 drains
    channels.get(1).poll();

    // Then
    assertTrue(writer.isAvailable());
    assertEquals(2, wakeups.get());
    assertNull(channels.get(0).poll());
  }

  @Test
  void when_watermarksEmittedInAStep_then_newestSentOnceAfterTheRecords() throws Exception {
    // Given
    var channels = channels(2, 8);
    var writer = writer(channels, Partitioning.REBALANCE, null, 10);

    // When: each record is followed by a watermark, then the step ends
    for (int i = 1; i <= 4; i++) {
      writer.emit("r" + i, i * 10);
      writer.emitWatermark(i * 10 - 1);
    }
    boolean sentEarly = !drain(channels.get(0)).isEmpty() || !drain(channels.get(1)).isEmpty();
    writer.emit("r5", 50);
    writer.sendPendingWatermark();

    // Then
    assertFalse(sentEarly, "nothing goes out before the step ends");
    assertEquals(List.of("[r1@10, r3@30, r5@50]", "wm 39"), drain(channels.get(0)));
    assertEquals(List.of("[r2@20, r4@40]", "wm 39"), drain(channels.get(1)));
  }

  @Test
  void when_recordNotAbovePendingWatermark_then_watermarkSentBeforeIt() throws Exception {
    // Given: a pending watermark 20
    var channels = channels(1, 8);
    var writer = writer(channels, Partitioning.FORWARD, null, 10);
    writer.emit("a", 21);
    writer.emitWatermark(20);

    // When a record that watermark makes late follows
    writer.emit("late", 20);
    writer.emit("b", 30);
    writer.emitWatermark(25);
    writer.sendPendingWatermark();

    // Then the late record stays behind the watermark, as it was emitted
    assertEquals(List.of("[a@21]", "wm 20", "[late@20, b@30]", "wm 25"), drain(channels.get(0)));
  }

  @Test
  void when_eventBroadcastWithPendingWatermark_then_watermarkGoesFirst() throws Exception {
    // Given
    var channels = channels(1, 8);
    var writer = writer(channels, Partitioning.FORWARD, null, 10);
    writer.emit("a", 5);
    writer.emitWatermark(5);

    // When
    writer.broadcastEvent(ChannelEvent.EndOfPartition.INSTANCE);
    writer.sendPendingWatermark();

    // Then
    assertEquals(List.of("[a@5]", "wm 5", "INSTANCE"), drain(channels.get(0)));
  }
}
