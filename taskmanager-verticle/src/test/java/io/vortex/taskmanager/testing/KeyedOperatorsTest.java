package io.vortex.taskmanager.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.api.RuntimeMode;
import io.vortex.api.function.Collector;
import io.vortex.api.function.KeySelector;
import io.vortex.api.function.KeyedProcessFunction;
import io.vortex.api.function.ReduceFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.internal.operators.KeyedPartial;
import io.vortex.api.internal.operators.KeyedProcessOperator;
import io.vortex.api.internal.operators.Output;
import io.vortex.api.internal.operators.StreamOperator;
import io.vortex.api.state.StateDescriptor;
import io.vortex.api.state.ValueState;
import io.vortex.taskmanager.testing.OperatorTestHarness.Rec;
import io.vortex.taskmanager.testing.OperatorTestHarness.Watermark;
import io.vortex.taskmanager.testing.WindowOperatorTest.Ev;
import io.vortex.taskmanager.testing.WindowOperatorTest.SumAggregate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keyed operators that existed before windows, driven through the harness. */
class KeyedOperatorsTest {
  static final KeySelector<Ev, String> KEY = Ev::key;
  static final ReduceFunction<Ev> SUM = (a, b) -> new Ev(a.key(), a.value() + b.value());
  static final long MAX = Long.MAX_VALUE;

  /** Counts elements per key; fires an event timer 10 after each and a processing timer at +100. */
  static final class CountWithTimers extends KeyedProcessFunction<String, Ev, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(RuntimeContext context) {
      count = context.state().getState(StateDescriptor.<Long>value("count"));
    }

    @Override
    public void processElement(Ev value, Context<String> ctx, Collector<String> out) {
      Long n = count.value();
      count.update(n == null ? 1 : n + 1);
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
      ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 100);
    }

    @Override
    public void onTimer(long time, OnTimerContext<String> ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + " " + ctx.timeDomain() + " " + time + " n=" + count.value());
    }
  }

  @Test
  void when_watermarkAndClockPassTimers_then_eachFiresOnceWithItsKeyState() throws Exception {
    // Given
    var factory = Factories.keyed(OperatorKind.KEYED_PROCESS, KEY,
        () -> new KeyedProcessOperator<>(new CountWithTimers(), KEY));
    var h = OperatorTestHarness.of(factory).open();
    h.processElement(new Ev("a", 0), 0).processElement(new Ev("a", 0), 5);
    h.setProcessingTime(30).processElement(new Ev("b", 0), 7);

    // When
    h.processWatermark(10);
    var event = h.take();
    h.setProcessingTime(100);
    var processing = h.take();
    h.processWatermark(20).setProcessingTime(130);

    // Then: duplicates collapse (a's processing timer at 100 fires once)
    assertEquals(List.of(new Rec("a EVENT_TIME 10 n=2", 10), new Watermark(10)), event);
    assertEquals(List.of(new Rec("a PROCESSING_TIME 100 n=2", Output.NO_TIMESTAMP)), processing);
    assertEquals(
        List.of(new Rec("a EVENT_TIME 15 n=2", 15), new Rec("b EVENT_TIME 17 n=1", 17),
            new Watermark(20), new Rec("b PROCESSING_TIME 130 n=1", Output.NO_TIMESTAMP)),
        h.take());
  }

  @Test
  void when_streamingReduce_then_runningValuePerRecordWithItsTimestamp() throws Exception {
    // Given
    var h = OperatorTestHarness.of(new Factories.KeyedReduce(SUM, KEY)).open();

    // When
    h.processElement(new Ev("a", 1), 1).processElement(new Ev("b", 2), 2)
        .processElement(new Ev("a", 3), 3).endInput();

    // Then
    assertEquals(
        List.of(new Rec(new Ev("a", 1), 1), new Rec(new Ev("b", 2), 2), new Rec(new Ev("a", 4), 3),
            new Watermark(MAX)),
        h.take());
  }

  @Test
  void when_batchReduce_then_oneFinalValuePerKeyAtTheEnd() throws Exception {
    // Given
    var h = OperatorTestHarness.of(new Factories.KeyedReduce(SUM, KEY)).mode(RuntimeMode.BATCH).open();

    // When
    h.processElement(new Ev("a", 1), 1).processElement(new Ev("b", 2), 2)
        .processElement(new Ev("a", 3), 3);
    var before = h.take();
    h.endInput();

    // Then: each key's newest timestamp
    assertEquals(List.of(), before);
    assertEquals(
        List.of(new Rec(new Ev("b", 2), 2), new Rec(new Ev("a", 4), 3)),
        WindowOperatorTest.sorted(h.records()));
    assertEquals(List.of(MAX), h.watermarks());
  }

  @Test
  void when_streamingAggregate_then_currentResultPerRecord() throws Exception {
    // Given
    var h = OperatorTestHarness.of(new Factories.KeyedAggregate(new SumAggregate(), KEY, false)).open();

    // When
    h.processElement(new Ev("a", 1), 1).processElement(new Ev("a", 3), 3);

    // Then
    assertEquals(List.of(new Rec(1L, 1), new Rec(4L, 3)), h.take());
  }

  @Test
  void when_batchReduceHoldsManyKeys_then_everyFinalResultComesBeforeTheFinalWatermark() throws Exception {
    // Given: 1000 keys (the end of input emits them as a burst)
    var h = OperatorTestHarness.of(new Factories.KeyedReduce(SUM, KEY)).mode(RuntimeMode.BATCH).open();
    for (int i = 0; i < 2000; i++) {
      h.processElement(new Ev("k" + (i % 1000), 1), i);
    }

    // When
    h.endInput();

    // Then: one sum per key, then the watermark
    var out = h.take();
    assertEquals(1001, out.size());
    assertEquals(new Watermark(MAX), out.get(1000));
    for (int i = 0; i < 1000; i++) {
      var r = (Rec) out.get(i);
      assertEquals(2L, ((Ev) r.value()).value());
      assertEquals(Integer.parseInt(((Ev) r.value()).key().substring(1)) + 1000, r.timestamp());
    }
  }

  @Test
  void when_batchAggregateAfterCombiner_then_partialsMergedIntoOneResultPerKey() throws Exception {
    // Given: the combiner of a two-stage batch aggregation, feeding the final stage
    var combiner = OperatorTestHarness.of(new Factories.LocalAggregate(KEY, null, new SumAggregate()))
        .mode(RuntimeMode.BATCH).open();
    var aggregate = OperatorTestHarness.of(new Factories.KeyedAggregate(new SumAggregate(), KEY, true))
        .mode(RuntimeMode.BATCH).open();
    combiner.processElement(new Ev("a", 1), 1).processElement(new Ev("b", 2), 2)
        .processElement(new Ev("a", 3), 3);

    // When: its partials, and one from another producer
    combiner.endInput();
    for (var e : combiner.take()) {
      if (e instanceof Rec r) {
        aggregate.processElement(r.value(), r.timestamp());
      }
    }
    aggregate.processElement(new KeyedPartial<>("a", new long[] {10}), 9).endInput();

    // Then
    assertEquals(List.of(new Rec(2L, 2), new Rec(14L, 9)), WindowOperatorTest.sorted(aggregate.records()));
  }

  @Test
  void when_operatorInstanceGiven_then_harnessDrivesItToo() throws Exception {
    // Given
    StreamOperator<?> op = new KeyedProcessOperator<>(new CountWithTimers(), KEY);
    var h = OperatorTestHarness.of(op, true).startProcessingTime(1_000).open();

    // When
    h.processElement(new Ev("k", 0), 50);

    // Then
    assertEquals(List.of(1_100L), h.pendingTicks());
    assertEquals(1L, h.backend().size("count"));
  }
}
