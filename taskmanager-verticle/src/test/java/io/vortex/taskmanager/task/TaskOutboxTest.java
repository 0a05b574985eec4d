package io.vortex.taskmanager.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vortex.api.RuntimeMode;
import io.vortex.api.function.FlatMapFunction;
import io.vortex.api.function.IterableFlatMapFunction;
import io.vortex.api.function.JoinFunction;
import io.vortex.api.function.KeySelector;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.graph.OperatorSpec;
import io.vortex.api.graph.Partitioning;
import io.vortex.api.internal.UserCode;
import io.vortex.api.internal.operators.AbstractStreamOperator;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.internal.operators.FlatMapOperator;
import io.vortex.api.internal.operators.IterableFlatMapOperator;
import io.vortex.api.internal.operators.OneInputOperator;
import io.vortex.api.internal.operators.OperatorFactory;
import io.vortex.api.internal.operators.WindowAggregator;
import io.vortex.api.internal.operators.WindowDefinition;
import io.vortex.api.internal.operators.WindowFactories;
import io.vortex.api.internal.operators.WindowJoinOperator;
import io.vortex.api.source.CollectionSource;
import io.vortex.api.source.SourceReader;
import io.vortex.api.window.TumblingEventTimeWindows;
import io.vortex.taskmanager.network.ChannelEvent;
import io.vortex.taskmanager.network.ChannelItem;
import io.vortex.taskmanager.network.InputGate;
import io.vortex.taskmanager.network.LocalChannel;
import io.vortex.taskmanager.network.Partitioner;
import io.vortex.taskmanager.network.RecordBatch;
import io.vortex.taskmanager.network.RecordWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Bursts are bounded where they start: however much one watermark, one join window or one call
 * emits, the task's output channel stays within its bound, nothing is lost or reordered, and the
 * watermark follows the records it fired. Steps a {@link Task} by hand; the consumer takes one
 * item per step, so the producer is always the faster side.
 */
class TaskOutboxTest {
  /** Output channel: two batches of {@link #BATCH} records. */
  private static final int CAPACITY = 2;
  private static final int BATCH = 64;

  private final LocalChannel out = new LocalChannel(CAPACITY);
  private final List<String> states = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();
  private final List<Long> timestamps = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private int maxQueued;

  /** A keyed test event. */
  record Ev(int key, long value) {}

  private static OperatorSpec spec(String name, OperatorFactory factory) {
    return new OperatorSpec(name, factory.kind(), UserCode.serialize(factory, name));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static SourceInput source(List<Integer> values) throws Exception {
    var source = new CollectionSource<>(values);
    SourceReader reader = source.createReader(null);
    reader.addSplits(source.createSplits(1));
    return new SourceInput(reader, "numbers");
  }

  private Task task(TaskInput input, OperatorSpec operator) throws Exception {
    return task(input, operator, out);
  }

  private Task task(TaskInput input, OperatorSpec operator, LocalChannel channel) throws Exception {
    var writer = new RecordWriter(
        List.of(channel), Partitioner.of(Partitioning.FORWARD, null, 128, 1, 0), false, BATCH);
    var clock = new TaskClock();
    Map<String, Long> counters = new HashMap<>();
    var services = new TaskServices(
        "job", 0, 1, 128, RuntimeMode.STREAMING, null, getClass().getClassLoader(), clock, counters,
        (s, i, r) -> Future.succeededFuture(), () -> {});
    var chain = new OperatorChain(List.of(operator), TaskOutput.mainOnly(List.of(writer)), services);
    return new Task(new TaskId("job", 1, 0), "test (1/1)", input, chain, List.of(writer), clock, counters, 1_000,
        (task, state, f, c) -> states.add(state.name() + (f == null ? "" : ": " + f.causeMessage())));
  }

  /** Steps the task to its end, the consumer taking one item per step. */
  private void runConsumingSlowly(Task task) {
    for (long steps = 0; !task.isDone(); steps++) {
      assertTrue(steps < 100_000_000L, "the task does not end");
      task.runOnce(1024);
      maxQueued = Math.max(maxQueued, out.queuedBatches());
      consume(out.poll());
    }
    ChannelItem item;
    while ((item = out.poll()) != null) {
      consume(item);
    }
  }

  private void consume(ChannelItem item) {
    if (item instanceof RecordBatch b) {
      for (int i = 0; i < b.size(); i++) {
        values.add(b.value(i));
        timestamps.add(b.timestamp(i));
      }
    } else if (item instanceof ChannelEvent.Watermark w) {
      events.add((w.timestamp() == Long.MAX_VALUE ? "wm MAX" : "wm " + w.timestamp()) + " after " + values.size());
    } else if (item != null) {
      events.add("end after " + values.size());
    }
  }

  /** Watermarks (the per-step coalescing may merge them) and the end come after every record. */
  private void assertWatermarksFollowAllRecords() {
    assertEquals(List.of("wm MAX after 1000000", "end after 1000000"), events.subList(events.size() - 2, events.size()));
    for (String e : events) {
      assertTrue(e.endsWith(" after 1000000"), "a watermark overtook records: " + events);
    }
  }

  /** A gate over one channel per logical input, already holding {@code items} of each. */
  private static GateInput gate(List<List<ChannelItem>> inputs) {
    List<io.vortex.taskmanager.network.InputChannel> channels = new ArrayList<>();
    int[] inputOf = new int[inputs.size()];
    for (int i = 0; i < inputs.size(); i++) {
      var channel = new LocalChannel(Integer.MAX_VALUE);
      inputs.get(i).forEach(channel::send);
      channels.add(channel);
      inputOf[i] = i;
    }
    return new GateInput(new InputGate(channels, inputOf));
  }

  /** {@code records} in batches of 1024, then watermark {@code watermark} and end of partition. */
  private static List<ChannelItem> stream(List<?> records, List<Long> stamps, long watermark) {
    List<ChannelItem> items = new ArrayList<>();
    RecordBatch batch = null;
    for (int i = 0; i < records.size(); i++) {
      if (batch == null) {
        batch = new RecordBatch(1024);
      }
      if (batch.add(records.get(i), stamps.get(i))) {
        items.add(batch);
        batch = null;
      }
    }
    if (batch != null) {
      items.add(batch);
    }
    items.add(new ChannelEvent.Watermark(watermark));
    items.add(ChannelEvent.EndOfPartition.INSTANCE);
    return items;
  }

  /** On each watermark, emits as a burst every number from 0 to the sum of its input so far. */
  static final class CountUpOnWatermark extends AbstractStreamOperator<Object>
      implements OneInputOperator<Integer, Object> {
    private int total;

    @Override
    public void processElement(Integer value, long timestamp) {
      total += value;
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
      int end = total;
      int[] next = {0};
      output.emitBurst(() -> {
        if (next[0] == end) {
          return false;
        }
        output.collect(next[0]++, watermark);
        return true;
      });
      total = 0;
      super.processWatermark(watermark);
    }
  }

  @Test
  void when_operatorStartsHugeBurst_then_channelStaysWithinBoundAndWatermarkFollowsIt() throws Exception {
    // Given: an operator that emits 1,000,000 records on the final watermark
    var burst = spec("burst", Factories.of(OperatorKind.PROCESS, CountUpOnWatermark::new));
    var task = task(source(List.of(400_000, 600_000)), burst);

    // When
    runConsumingSlowly(task);

    // Then: every record once, in order, the watermark after the last, and the channel never
    // held more than its capacity plus the partial batch a blocked step flushes
    assertEquals(1_000_000, values.size());
    for (int i = 0; i < values.size(); i++) {
      assertEquals(i, values.get(i));
    }
    assertEquals(List.of("wm MAX after 1000000", "end after 1000000"), events);
    assertTrue(maxQueued <= CAPACITY + 1, "queued batches: " + maxQueued);
    assertEquals(List.of("FINISHED"), states);
  }

  @Test
  void when_watermarkFiresMillionWindows_then_channelStaysWithinBoundAndOutputIsExact() throws Exception {
    // Given: 1,000,000 keys with one record each in the tumbling window [0, 1000): 1,000,000
    // (key, window) pairs, all due at the watermark 999
    KeySelector<Ev, Integer> key = Ev::key;
    var definition = new WindowDefinition(TumblingEventTimeWindows.of(Duration.ofSeconds(1)), key, 0, null,
        WindowAggregator.<Ev>reducing((a, b) -> new Ev(a.key(), a.value() + b.value())), null);
    List<Ev> records = new ArrayList<>();
    List<Long> stamps = new ArrayList<>();
    for (int i = 0; i < 1_000_000; i++) {
      records.add(new Ev(i, i));
      stamps.add((long) (i % 1000));
    }
    List<ChannelItem> input = stream(records, stamps, 999);
    records.clear();
    var task = task(gate(List.of(input)), spec("windows", new WindowFactories.Keyed(definition, false)));

    // When
    runConsumingSlowly(task);

    // Then: each window's one record, with the window's max timestamp, then the watermark
    assertEquals(1_000_000, values.size());
    boolean[] seen = new boolean[1_000_000];
    for (int i = 0; i < values.size(); i++) {
      Ev ev = (Ev) values.get(i);
      int v = (int) ev.value();
      assertTrue(!seen[v] && ev.key() == v && timestamps.get(i) == 999, () -> "record " + ev);
      seen[v] = true;
    }
    assertWatermarksFollowAllRecords();
    assertTrue(maxQueued <= CAPACITY + 1, "queued batches: " + maxQueued);
    assertEquals(List.of("FINISHED"), states);
  }

  @Test
  void when_joinWindowHasHugeCrossProduct_then_channelStaysWithinBoundAndEveryPairComesOnce() throws Exception {
    // Given: one key, one window, 1000 orders and 1000 visits: 1,000,000 pairs
    KeySelector<Integer, Integer> same = x -> 0;
    JoinFunction<Integer, Integer, Integer> pair = (a, b) -> a * 1000 + b;
    var join = Factories.twoKeyed(OperatorKind.WINDOW_JOIN, same, same,
        () -> new WindowJoinOperator<>(TumblingEventTimeWindows.of(Duration.ofMillis(10)), same, same, 0, pair));
    List<Integer> sides = new ArrayList<>();
    List<Long> stamps = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      sides.add(i);
      stamps.add((long) (i % 10));
    }
    var task = task(gate(List.of(stream(sides, stamps, 9), stream(sides, stamps, 9))), spec("join", join));

    // When
    runConsumingSlowly(task);

    // Then: every pair once, first-input elements in the outer loop, then the watermark
    assertEquals(1_000_000, values.size());
    for (int i = 0; i < values.size(); i++) {
      assertEquals(i, values.get(i));
      assertEquals(9L, timestamps.get(i));
    }
    assertWatermarksFollowAllRecords();
    assertTrue(maxQueued <= CAPACITY + 1, "queued batches: " + maxQueued);
  }

  @Test
  void when_flatMapCollectsThousandsPerRecord_then_theOverflowIsHeldAndTheChannelStaysWithinBound() throws Exception {
    // Given: each input record becomes 10,000 records, collected in one call
    FlatMapFunction<Integer, Integer> explode = (x, collector) -> {
      for (int i = 0; i < 10_000; i++) {
        collector.collect(x * 10_000 + i);
      }
    };
    var flatMap = spec("explode", Factories.of(OperatorKind.FLAT_MAP, () -> new FlatMapOperator<>(explode)));
    List<Integer> input = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      input.add(i);
    }
    var task = task(source(input), flatMap);

    // When
    runConsumingSlowly(task);

    // Then: exact output; what a call collects beyond the room waited in the outbox, not in the
    // channel
    assertEquals(1_000_000, values.size());
    for (int i = 0; i < values.size(); i++) {
      assertEquals(i, values.get(i));
    }
    assertEquals(List.of("wm MAX after 1000000", "end after 1000000"), events);
    assertTrue(maxQueued <= CAPACITY + 1, "queued batches: " + maxQueued);
    assertEquals(List.of("FINISHED"), states);
  }

  @Test
  void when_iterableFlatMapFansOneRecordOutToAMillion_then_channelStaysWithinBoundAndOutputIsExact() throws Exception {
    // Given: one input record becomes 0..999,999, pulled lazily
    IterableFlatMapFunction<Integer, Integer> upTo = n -> () -> IntStream.range(0, n).iterator();
    var flatMap = spec("fan out", Factories.of(OperatorKind.FLAT_MAP, () -> new IterableFlatMapOperator<>(upTo)));
    var task = task(source(List.of(1_000_000)), flatMap);

    // When
    runConsumingSlowly(task);

    // Then: every record once, in order, with the input's timestamp, the end after all of them
    assertEquals(1_000_000, values.size());
    for (int i = 0; i < values.size(); i++) {
      assertEquals(i, values.get(i));
    }
    assertEquals(List.of("wm MAX after 1000000", "end after 1000000"), events);
    assertTrue(maxQueued <= CAPACITY + 1, "queued batches: " + maxQueued);
    assertEquals(List.of("FINISHED"), states);
  }

  @Test
  void when_iterableFlatMapFansOutIntoAFastConsumer_then_eachStepEmitsABoundedNumberAndReturns() throws Exception {
    // Given: a channel that never fills, so only the step's budget of pieces ends a step
    var roomy = new LocalChannel(Integer.MAX_VALUE);
    AtomicLong pulled = new AtomicLong();
    IterableFlatMapFunction<Integer, Integer> upTo = n -> () -> IntStream.range(0, n).peek(i -> pulled.incrementAndGet()).iterator();
    var flatMap = spec("fan out", Factories.of(OperatorKind.FLAT_MAP, () -> new IterableFlatMapOperator<>(upTo)));
    var task = task(source(List.of(1_000_000)), flatMap, roomy);

    // When: step by hand, as the slot runner does, between other tasks
    long steps = 0;
    long mostPerStep = 0;
    while (!task.isDone()) {
      assertTrue(steps++ < 10_000_000L, "the task does not end");
      long before = pulled.get();
      task.runOnce(1024);
      mostPerStep = Math.max(mostPerStep, pulled.get() - before);
    }

    // Then: no step pulled more than its budget (plus the one a piece looks ahead), so the
    // event loop was handed back about every thousand records, and all arrived
    assertTrue(mostPerStep <= 1024 + 1, "records pulled in one step: " + mostPerStep);
    assertTrue(steps >= 1_000_000 / 1025, "steps: " + steps);
    long count = 0;
    ChannelItem item;
    while ((item = roomy.poll()) != null) {
      if (item instanceof RecordBatch b) {
        count += b.size();
      }
    }
    assertEquals(1_000_000, count);
    assertEquals(List.of("FINISHED"), states);
  }
}
