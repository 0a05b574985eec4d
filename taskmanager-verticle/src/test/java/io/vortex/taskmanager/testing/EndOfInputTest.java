package io.vortex.taskmanager.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.RuntimeMode;
import io.vortex.api.function.Collector;
import io.vortex.api.function.KeyedProcessFunction;
import io.vortex.api.function.ReduceFunction;
import io.vortex.api.function.RichFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.internal.operators.KeyedProcessOperator;
import io.vortex.api.internal.operators.Output;
import io.vortex.api.internal.operators.StreamOperator;
import io.vortex.taskmanager.testing.OperatorTestHarness.Rec;
import io.vortex.taskmanager.testing.WindowOperatorTest.Ev;
import io.vortex.taskmanager.testing.WindowOperatorTest.SumAggregate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What operators that hold records or timers do with watermarks and at the end of input, and
 * the life cycle of user functions wherever they run.
 */
class EndOfInputTest {
  static final long MAX = Long.MAX_VALUE;

  /** A reduce whose state comes from {@code open}: fails unless it was opened. */
  static final class OpenedSum implements ReduceFunction<Ev>, RichFunction {
    private transient String suffix;

    @Override
    public void open(RuntimeContext context) {
      suffix = "";
    }

    @Override
    public Ev reduce(Ev a, Ev b) {
      return new Ev(a.key() + suffix.trim(), a.value() + b.value());
    }
  }

  @Test
  void when_batchHoldersSeeIntermediateWatermarks_then_forwardOnlyTheFinalOne() throws Exception {
    for (var factory :
        List.of(
            new Factories.KeyedReduce(KeyedOperatorsTest.SUM, KeyedOperatorsTest.KEY),
            new Factories.KeyedAggregate(new SumAggregate(), KeyedOperatorsTest.KEY, false),
            new Factories.LocalAggregate(KeyedOperatorsTest.KEY, null, new SumAggregate()))) {
      // Given
      var h = OperatorTestHarness.of(factory).mode(RuntimeMode.BATCH).open();

      // When: watermarks pass the records the operator holds
      h.processElement(new Ev("a", 1), 10).processWatermark(50).processElement(new Ev("a", 2), 20)
          .processWatermark(100);
      var beforeEnd = h.take();
      h.endInput();

      // Then: nothing before the end; the result, then the final watermark
      assertEquals(List.of(), beforeEnd, factory.toString());
      var end = h.take();
      assertEquals(2, end.size(), end.toString());
      assertTrue(end.get(0) instanceof Rec r && r.timestamp() == 20, end.toString());
      assertEquals(new OperatorTestHarness.Watermark(MAX), end.get(1));
    }
  }

  @Test
  void when_batchCombinerRunsARichReduce_then_itIsOpened() throws Exception {
    // Given
    ReduceFunction<Ev> reduce = new OpenedSum();
    var combiner = OperatorTestHarness.of(new Factories.LocalAggregate(KeyedOperatorsTest.KEY, reduce, null))
        .mode(RuntimeMode.BATCH).open();

    // When
    combiner.processElement(new Ev("a", 1), 1).processElement(new Ev("a", 2), 2).endInput();

    // Then
    assertEquals(List.of(new Rec(new Ev("a", 3), 2)), combiner.records());
  }

  /** Registers a processing-time timer an hour ahead per element; reports when it fires. */
  static final class HourLater extends KeyedProcessFunction<String, Ev, String> {
    @Override
    public void processElement(Ev value, Context<String> ctx, Collector<String> out) {
      ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 3_600_000);
    }

    @Override
    public void onTimer(long time, OnTimerContext<String> ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + " " + ctx.timeDomain() + " " + time);
      ctx.timerService().registerProcessingTimeTimer(time + 1); // ignored: the input has ended
    }
  }

  @Test
  void when_inputEndsWithProcessingTimersPending_then_theyFireOnceBeforeTheFinalWatermark()
      throws Exception {
    for (RuntimeMode mode : List.of(RuntimeMode.STREAMING, RuntimeMode.BATCH)) {
      // Given
      var factory = Factories.keyed(OperatorKind.KEYED_PROCESS, KeyedOperatorsTest.KEY,
          () -> new KeyedProcessOperator<>(new HourLater(), KeyedOperatorsTest.KEY));
      var h = OperatorTestHarness.of(factory).mode(mode).open();
      h.processElement(new Ev("b", 0), 1).setProcessingTime(10).processElement(new Ev("a", 0), 2);

      // When
      h.endInput();

      // Then: in time order, then the final watermark; none registered afterwards
      assertEquals(
          List.of(
              new Rec("b PROCESSING_TIME 3600000", Output.NO_TIMESTAMP),
              new Rec("a PROCESSING_TIME 3600010", Output.NO_TIMESTAMP),
              new OperatorTestHarness.Watermark(MAX)),
          h.take(), mode.toString());
    }
  }

  @Test
  void when_batchClockPassesAProcessingTimer_then_itWaitsForTheEndOfInput() throws Exception {
    // Given
    var factory = Factories.keyed(OperatorKind.KEYED_PROCESS, KeyedOperatorsTest.KEY,
        () -> new KeyedProcessOperator<>(new HourLater(), KeyedOperatorsTest.KEY));
    var h = OperatorTestHarness.of(factory).mode(RuntimeMode.BATCH).open();
    h.processElement(new Ev("a", 0), 1);

    // When
    h.setProcessingTime(7_200_000);

    // Then: BATCH ignores the clock, as windows do
    assertEquals(List.of(), h.take());
    h.endInput();
    assertEquals(1, h.records().size());
  }

  @Test
  void when_combinerFunctionAsksForKeyedState_then_clearError() {
    // Given
    ReduceFunction<Ev> stateful = new StatefulReduce();
    StreamOperator<?> op = new Factories.LocalAggregate(KeyedOperatorsTest.KEY, stateful, null).create();

    // When
    var e = assertThrows(UnsupportedOperationException.class,
        () -> OperatorTestHarness.of(op, false).name("combine reduce").mode(RuntimeMode.BATCH).open());

    // Then
    assertTrue(e.getMessage().contains("'combine reduce'") && e.getMessage().contains("BATCH"), e.getMessage());
  }

  static final class StatefulReduce implements ReduceFunction<Ev>, RichFunction {
    @Override
    public void open(RuntimeContext context) {
      context.state();
    }

    @Override
    public Ev reduce(Ev a, Ev b) {
      return a;
    }
  }
}
