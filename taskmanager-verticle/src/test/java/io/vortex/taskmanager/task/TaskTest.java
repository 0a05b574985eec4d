package io.vortex.taskmanager.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vortex.api.RuntimeMode;
import io.vortex.api.function.MapFunction;
import io.vortex.api.function.ReduceFunction;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.graph.OperatorSpec;
import io.vortex.api.internal.UserCode;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.internal.operators.MapOperator;
import io.vortex.api.internal.operators.Output;
import io.vortex.api.internal.operators.TimestampsAndWatermarksOperator;
import io.vortex.api.time.WatermarkStrategy;
import io.vortex.api.internal.operators.OperatorFactory;
import io.vortex.api.sink.Sink;
import io.vortex.api.sink.SinkContext;
import io.vortex.api.sink.SinkWriter;
import io.vortex.api.source.CollectionSource;
import io.vortex.api.source.SourceReader;
import io.vortex.cluster.ControlMessage.Failure;
import io.vortex.taskmanager.network.ChannelEvent;
import io.vortex.taskmanager.network.ChannelItem;
import io.vortex.taskmanager.network.InputGate;
import io.vortex.taskmanager.network.LocalChannel;
import io.vortex.taskmanager.network.OutputChannel;
import io.vortex.taskmanager.network.Partitioner;
import io.vortex.taskmanager.network.RecordBatch;
import io.vortex.taskmanager.network.RecordWriter;
import io.vortex.api.graph.Partitioning;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Steps a {@link Task} by hand, without Vert.x, as Jet's ProcessorTaskletTest steps call(). */
class TaskTest {
  private final List<String> states = new ArrayList<>();
  private Failure failure;
  private final AtomicInteger capacityWakeups = new AtomicInteger();
  private LocalChannel out = new LocalChannel(1);
  private final AtomicInteger sinkWakeups = new AtomicInteger();

  private static OperatorSpec spec(String name, OperatorFactory factory) {
    return new OperatorSpec(name, factory.kind(), UserCode.serialize(factory, name));
  }

  private static OperatorSpec doubling() {
    MapFunction<Integer, Integer> twice = x -> x * 2;
    return spec("double", Factories.of(OperatorKind.MAP, () -> new MapOperator<>(twice)));
  }

  private static OperatorSpec failingOn(int bad) {
    MapFunction<Integer, Integer> fn = x -> {
      if (x == bad) {
        throw new IllegalStateException("bad record " + x);
      }
      return x;
    };
    return spec("picky", Factories.of(OperatorKind.MAP, () -> new MapOperator<>(fn)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static SourceReader<Object> reader(List<Integer> values) throws Exception {
    var source = new CollectionSource<>(values);
    SourceReader reader = source.createReader(null);
    reader.addSplits(source.createSplits(1));
    return reader;
  }

  private Task task(TaskInput input, List<OperatorSpec> specs, int batchSize, long bufferTimeoutMillis, RuntimeMode mode)
      throws Exception {
    var writer = new RecordWriter(
        List.of(out), Partitioner.of(Partitioning.FORWARD, null, 128, 1, 0), false, batchSize);
    return task(input, specs, writer, bufferTimeoutMillis, mode);
  }

  private Task task(TaskInput input, List<OperatorSpec> specs, RecordWriter writer, long bufferTimeoutMillis,
      RuntimeMode mode) throws Exception {
    writer.onCapacity(capacityWakeups::incrementAndGet);
    var clock = new TaskClock();
    Map<String, Long> counters = new HashMap<>();
    var services = new TaskServices(
        "job", 0, 1, 128, mode, null, getClass().getClassLoader(), clock, counters,
        (s, i, r) -> Future.succeededFuture(), sinkWakeups::incrementAndGet);
    var chain = new OperatorChain(specs, TaskOutput.mainOnly(List.of(writer)), services);
    return new Task(
        new TaskId("job", 1, 0), "test (1/1)", input, chain, List.of(writer), clock, counters, bufferTimeoutMillis,
        (task, state, f, c) -> {
          states.add(state.name());
          failure = f;
        });
  }

  /** Everything queued on the output channel, batches as value lists, events by name. */
  private List<String> drainOutput() {
    List<String> items = new ArrayList<>();
    ChannelItem item;
    while ((item = out.poll()) != null) {
      items.add(describe(item));
    }
    return items;
  }

  private static String describe(ChannelItem item) {
    if (item instanceof RecordBatch b) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < b.size(); i++) {
        values.add(b.value(i));
      }
      return values.toString();
    }
    if (item instanceof ChannelEvent.Watermark w) {
      return w.timestamp() == Long.MAX_VALUE ? "wm MAX" : "wm " + w.timestamp();
    }
    return "end";
  }

  /** What the gated sink's writer sees; its instances are deserialized copies, so state is static. */
  private static final List<Object> SINK_RECORDS = new ArrayList<>();
  private static volatile boolean sinkReady;
  private static volatile String sinkError;
  private static volatile SinkContext sinkContext;

  /** A sink that is ready only while {@link #sinkReady}, and fails once {@link #sinkError} is set. */
  private static OperatorSpec gatedSink() {
    Sink<Object> sink = context -> {
      sinkContext = context;
      return new SinkWriter<>() {
        @Override
        public void write(Object value, long timestamp) {
          SINK_RECORDS.add(value);
        }

        @Override
        public boolean isReady() throws IOException {
          if (sinkError != null) {
            throw new IOException(sinkError);
          }
          return sinkReady;
        }
      };
    };
    return spec("gated sink", new Factories.SinkFactory(sink));
  }

  @BeforeEach
  void resetSink() {
    SINK_RECORDS.clear();
    sinkReady = true;
    sinkError = null;
  }

  @Test
  void when_sinkNotReady_then_taskTakesNoInputUntilTheSinkWakesIt() throws Exception {
    // Given: a sink whose write queue is full
    var task = task(new SourceInput(reader(List.of(1, 2, 3)), "numbers"), List.of(doubling(), gatedSink()), 4, 1_000,
        RuntimeMode.STREAMING);
    sinkReady = false;

    // When
    Progress blocked = task.runOnce(10);

    // Then: no input taken, and the task waits for a wakeup rather than polling
    assertEquals(Progress.NO_PROGRESS, blocked);
    assertEquals(List.of(), SINK_RECORDS);
    assertEquals(-1, task.nanosUntilReady());

    // When the sink drains and wakes the task
    sinkReady = true;
    sinkContext.wakeup();

    // Then
    assertEquals(1, sinkWakeups.get());
    assertEquals(Progress.MADE_PROGRESS, task.runOnce(10));
    assertEquals(List.of(2, 4, 6), SINK_RECORDS);
  }

  @Test
  void when_sinkWriteFailsWhileBlocked_then_theTaskFailsAtOnceNamingTheSink() throws Exception {
    // Given: a blocked sink
    var task = task(new SourceInput(reader(List.of(1, 2, 3)), "numbers"), List.of(gatedSink()), 4, 1_000,
        RuntimeMode.STREAMING);
    sinkReady = false;
    assertEquals(Progress.NO_PROGRESS, task.runOnce(10));

    // When its pending write fails
    sinkError = "cannot write out/part-0: No space left on device";
    sinkContext.wakeup();

    // Then the next step fails the task with the sink's error
    assertEquals(Progress.DONE, task.runOnce(10));
    assertEquals(List.of("FAILED"), states);
    assertEquals("gated sink", failure.operator());
    assertEquals(IOException.class.getName(), failure.causeClass());
    assertEquals("cannot write out/part-0: No space left on device", failure.causeMessage());
  }

  @Test
  void when_outputFull_then_noProgressUntilConsumerTakesABatch() throws Exception {
    // Given: batches of 4 into a channel that holds one batch
    var task = task(new SourceInput(reader(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)), "numbers"),
        List.of(doubling()), 4, 1_000, RuntimeMode.STREAMING);

    // When
    Progress first = task.runOnce(4);
    Progress blocked = task.runOnce(4);

    // Then: the first step filled the channel, the second could not take input
    assertEquals(Progress.MADE_PROGRESS, first);
    assertEquals(Progress.NO_PROGRESS, blocked);
    assertEquals(0, capacityWakeups.get());

    // When the consumer takes the batch
    ChannelItem batch = out.poll();

    // Then the producer is woken and continues
    assertEquals("[2, 4, 6, 8]", describe(batch));
    assertEquals(1, capacityWakeups.get());
    assertEquals(Progress.MADE_PROGRESS, task.runOnce(4));
    assertEquals(List.of("[10, 12, 14, 16]"), drainOutput());
  }

  @Test
  void when_inputEnds_then_finalWatermarkEndOfPartitionAndFinished() throws Exception {
    // Given
    var task = task(new SourceInput(reader(List.of(1, 2, 3)), "numbers"), List.of(doubling()), 2, 1_000,
        RuntimeMode.STREAMING);

    // When
    List<Progress> steps = new ArrayList<>();
    List<String> output = new ArrayList<>();
    while (!task.isDone()) {
      steps.add(task.runOnce(10));
      output.addAll(drainOutput());
    }

    // Then: the first step stopped when its batch filled the channel, the second took the rest
    assertEquals(List.of("[2, 4]", "[6]", "wm MAX", "end"), output);
    assertEquals(List.of(Progress.MADE_PROGRESS, Progress.MADE_PROGRESS), steps);
    assertEquals(List.of("FINISHED"), states);
    assertEquals(Progress.DONE, task.runOnce(10));
  }

  @Test
  void when_operatorThrows_then_taskFailsNamingTheOperator() throws Exception {
    // Given
    var task = task(new SourceInput(reader(List.of(1, 2, 3, 4)), "numbers"), List.of(failingOn(3)), 10, 1_000,
        RuntimeMode.STREAMING);

    // When
    Progress p = task.runOnce(10);

    // Then
    assertEquals(Progress.DONE, p);
    assertEquals(List.of("FAILED"), states);
    assertEquals("picky", failure.operator());
    assertEquals(IllegalStateException.class.getName(), failure.causeClass());
    assertEquals("bad record 3", failure.causeMessage());
    assertTrue(failure.stackTrace().contains("bad record 3"), failure.stackTrace());
    assertEquals(List.of(), drainOutput(), "no end of partition after a failure");
  }

  @Test
  void when_cancelled_then_canceledAndDoneWithoutEndOfPartition() throws Exception {
    // Given
    var task = task(new SourceInput(reader(List.of(1, 2, 3, 4, 5, 6)), "numbers"), List.of(doubling()), 2, 1_000,
        RuntimeMode.STREAMING);
    task.runOnce(2);
    drainOutput();

    // When
    task.cancel();

    // Then
    assertEquals(List.of("CANCELED"), states);
    assertEquals(Progress.DONE, task.runOnce(2));
    assertTrue(task.isDone());
    assertEquals(List.of(), drainOutput());

    // When cancelled again
    task.cancel();

    // Then nothing more is reported
    assertEquals(List.of("CANCELED"), states);
  }

  /** Feeds one record per read and says the next is due in {@code dueNanos}, as a paced source. */
  private static final class PacedInput implements TaskInput {
    private final long dueNanos;
    private int next = 1;

    PacedInput(long dueNanos) {
      this.dueNanos = dueNanos;
    }

    @Override
    public InputGate.Status read(ChainEntry entry, int maxRecords) throws Exception {
      entry.processElement(0, next++, Output.NO_TIMESTAMP);
      return InputGate.Status.NOTHING_AVAILABLE;
    }

    @Override
    public long nanosUntilAvailable() {
      return dueNanos;
    }
  }

  /** A channel to "another process": the local channel, flagged remote. */
  private OutputChannel remote() {
    return new OutputChannel() {
      @Override
      public void send(ChannelItem item) {
        out.send(item);
      }

      @Override
      public boolean hasCapacity() {
        return out.hasCapacity();
      }

      @Override
      public void onCapacity(Runnable wakeup) {
        out.onCapacity(wakeup);
      }

      @Override
      public boolean isRemote() {
        return true;
      }
    };
  }

  private Task pacedTask(OutputChannel channel, long dueNanos, long bufferTimeoutMillis) throws Exception {
    var writer = new RecordWriter(List.of(channel), Partitioner.of(Partitioning.FORWARD, null, 128, 1, 0), false, 100);
    return task(new PacedInput(dueNanos), List.of(doubling()), writer, bufferTimeoutMillis, RuntimeMode.STREAMING);
  }

  @Test
  void when_remoteOutputAndInputDueSoon_then_partialBatchesWaitAtMostTheHold() throws Exception {
    // Given: a paced input whose next record is due in 1 µs, sending to another process
    long started = System.nanoTime(); // before the task: its first flush is counted from its start
    var task = pacedTask(remote(), 1_000, 100);

    // When: steps until the batch goes out
    List<String> sent = List.of();
    int steps = 0;
    while (sent.isEmpty()) {
      task.runOnce(10);
      steps++;
      sent = drainOutput();
    }
    long waited = System.nanoTime() - started;

    // Then: the records of all those steps went out as one batch, not before the hold was up
    // but for the 1 µs to the next record (a machine too slow to step twice within the hold
    // sends after one step: one record, still not earlier)
    assertEquals(1, sent.size(), sent.toString());
    assertEquals(java.util.stream.IntStream.rangeClosed(1, steps).mapToObj(i -> i * 2).toList().toString(), sent.get(0));
    assertTrue(waited >= Task.NETWORK_FLUSH_HOLD_NANOS - 1_000, "sent after " + waited + " ns");
  }

  @Test
  void when_localOutputOrZeroTimeoutOrInputDueLater_then_partialBatchSentAtOnce() throws Exception {
    // Given: the same input, to a channel in this process; to another with timeout 0; and to
    // another with the next record due after the hold
    for (Task task : List.of(pacedTask(out, 1_000, 100), pacedTask(remote(), 1_000, 0),
        pacedTask(remote(), Task.NETWORK_FLUSH_HOLD_NANOS + 1, 100))) {
      // When
      task.runOnce(10);

      // Then
      assertEquals(List.of("[2]"), drainOutput());
    }
  }

  @Test
  void when_bufferTimeoutZero_then_partialBatchSentEveryStep() throws Exception {
    // Given: batches of 100, timeout 0
    var task = task(new SourceInput(reader(List.of(1, 2, 3, 4, 5, 6)), "numbers"), List.of(doubling()), 100, 0,
        RuntimeMode.STREAMING);

    // When
    task.runOnce(2);

    // Then
    assertEquals(List.of("[2, 4]"), drainOutput());
  }

  @Test
  void when_gateHasNothingReady_then_partialBatchFlushedAndNoProgress() throws Exception {
    // Given: a keyed reduce reading one channel
    var in = new LocalChannel(8);
    var gate = new InputGate(List.of(in), new int[] {0});
    ReduceFunction<Integer> sum = Integer::sum;
    var reduce = spec("sum", new Factories.KeyedReduce(sum, (Integer x) -> x % 2));
    var task = task(new GateInput(gate), List.of(reduce), 100, 60_000, RuntimeMode.STREAMING);
    var batch = new RecordBatch(4);
    for (int i = 1; i <= 4; i++) {
      batch.add(i, i);
    }
    in.send(batch);

    // When
    Progress p = task.runOnce(100);

    // Then: the running sums went out at once, although the batch is not full, and the task
    // waits for the next wakeup (data arriving on an empty channel wakes it)
    assertEquals(Progress.NO_PROGRESS, p);
    assertEquals(List.of("[1, 2, 4, 6]"), drainOutput());
    assertEquals(Progress.NO_PROGRESS, task.runOnce(100));
    assertEquals(List.of(), drainOutput());

    // When the input ends
    in.send(new ChannelEvent.Watermark(10));
    in.send(ChannelEvent.EndOfPartition.INSTANCE);
    task.runOnce(100);

    // Then: one watermark for the step, the newest
    assertEquals(List.of("wm MAX", "end"), drainOutput());
    assertEquals(List.of("FINISHED"), states);
    assertNull(failure);
  }

  @Test
  void when_stepOfRisingTimestamps_then_oneWatermarkPerChannelAfterItsRecords() throws Exception {
    // Given: 2,000 records stamped with their value, a watermark after each, over two channels
    int n = 2_000;
    List<Integer> values = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      values.add(i);
    }
    WatermarkStrategy<Integer> strategy =
        WatermarkStrategy.<Integer>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v);
    var stamp = spec("stamp", Factories.of(OperatorKind.TIMESTAMPS, () -> new TimestampsAndWatermarksOperator<>(strategy)));
    var channels = List.of(new LocalChannel(100), new LocalChannel(100));
    var writer = new RecordWriter(List.copyOf(channels), Partitioner.of(Partitioning.REBALANCE, null, 128, 2, 0),
        false, 512);
    var task = task(new SourceInput(reader(values), "numbers"), List.of(stamp), writer, 60_000, RuntimeMode.STREAMING);

    // When: one step takes all of them
    task.runOnce(n);

    // Then: per channel, the records in full batches plus the rest, then one watermark, the newest
    for (LocalChannel channel : channels) {
      int records = 0;
      int batches = 0;
      int watermarks = 0;
      String last = null;
      ChannelItem item;
      while ((item = channel.poll()) != null) {
        if (item instanceof RecordBatch b) {
          records += b.size();
          batches++;
        } else {
          watermarks++;
        }
        last = describe(item);
      }
      assertEquals(n / 2, records);
      assertEquals(1, watermarks, "watermark events");
      assertEquals(2, batches, "batches (512 + 488 records)");
      assertEquals("wm " + (n - 1), last);
    }
  }
}
