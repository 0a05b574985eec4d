package io.vortex.taskmanager.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.OutputTag;
import io.vortex.api.RuntimeMode;
import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.Collector;
import io.vortex.api.function.KeySelector;
import io.vortex.api.function.ProcessWindowFunction;
import io.vortex.api.internal.operators.Output;
import io.vortex.api.internal.operators.WindowAggregator;
import io.vortex.api.internal.operators.WindowDefinition;
import io.vortex.api.internal.operators.WindowFactories;
import io.vortex.api.window.EventTimeSessionWindows;
import io.vortex.api.window.ProcessingTimeSessionWindows;
import io.vortex.api.window.SlidingEventTimeWindows;
import io.vortex.api.window.TimeWindow;
import io.vortex.api.window.TumblingEventTimeWindows;
import io.vortex.api.window.TumblingProcessingTimeWindows;
import io.vortex.api.window.WindowAssigner;
import io.vortex.taskmanager.testing.OperatorTestHarness.Rec;
import io.vortex.taskmanager.testing.OperatorTestHarness.Side;
import io.vortex.taskmanager.testing.OperatorTestHarness.Watermark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowOperatorTest {
  /** A test event. */
  record Ev(String key, long value) {}

  static final KeySelector<Ev, String> KEY = Ev::key;
  static final WindowAggregator<Ev, Ev, Ev> SUM =
      WindowAggregator.reducing((a, b) -> new Ev(a.key(), a.value() + b.value()));
  static final long MAX = Long.MAX_VALUE;

  /** Sums values; a mutable accumulator, as Flink users often write. */
  static final class SumAggregate implements AggregateFunction<Ev, long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(Ev value, long[] acc) {
      acc[0] += value.value();
      return acc;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      return a;
    }

    @Override
    public Long getResult(long[] acc) {
      return acc[0];
    }
  }

  /** Emits "key window [values]" for a window of elements. */
  static final class ListElements extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
      List<Long> values = new ArrayList<>();
      elements.forEach(e -> values.add(e.value()));
      out.collect(key + " " + ctx.window() + " " + values);
    }
  }

  static OperatorTestHarness harness(
      WindowAssigner<?, ?> assigner, long lateness, OutputTag<?> lateTag,
      WindowAggregator<?, ?, ?> aggregator, ProcessWindowFunction<?, ?, ?, ?> function) {
    var definition = new WindowDefinition(assigner, KEY, lateness, lateTag, aggregator, function);
    return OperatorTestHarness.of(new WindowFactories.Keyed(definition, false)).name("w");
  }

  static OperatorTestHarness tumblingSum(long lateness, OutputTag<?> lateTag) throws Exception {
    return harness(TumblingEventTimeWindows.of(Duration.ofSeconds(1)), lateness, lateTag, SUM, null)
        .open();
  }

  static Rec rec(Object value, long timestamp) {
    return new Rec(value, timestamp);
  }

  static Watermark wm(long watermark) {
    return new Watermark(watermark);
  }

  /** Records ordered by timestamp, then value (windows firing together have no defined order). */
  static List<Rec> sorted(List<Rec> records) {
    List<Rec> copy = new ArrayList<>(records);
    copy.sort(Comparator.comparingLong(Rec::timestamp).thenComparing(r -> r.value().toString()));
    return copy;
  }

  @Test
  void when_watermarkPassesWindowEnd_then_eachKeyWindowFiresOnceWithItsSum() throws Exception {
    // Given
    var h = tumblingSum(0, null);
    h.processElement(new Ev("a", 1), 0)
        .processElement(new Ev("b", 2), 500)
        .processElement(new Ev("a", 3), 999)
        .processElement(new Ev("a", 4), 1000);

    // When
    h.processWatermark(998);
    var before = h.take();
    h.processWatermark(999);
    var fired = h.take();
    h.endInput();

    // Then
    assertEquals(List.of(wm(998)), before);
    assertEquals(List.of(rec(new Ev("a", 4), 999), rec(new Ev("b", 2), 999)), sorted(recordsOf(fired)));
    assertEquals(wm(999), fired.get(fired.size() - 1), "the watermark follows what it fired");
    assertEquals(List.of(rec(new Ev("a", 4), 1999), wm(MAX)), h.take());
    assertEquals(0, h.backend().size("window-accumulator"), "fired windows leave no state");
  }

  private static List<Rec> recordsOf(List<OperatorTestHarness.Emitted> emitted) {
    List<Rec> out = new ArrayList<>();
    for (var e : emitted) {
      if (e instanceof Rec r) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void when_aggregateFunction_then_resultOfAccumulator() throws Exception {
    // Given
    var h = harness(TumblingEventTimeWindows.of(Duration.ofMillis(10)), 0, null,
        WindowAggregator.aggregating(new SumAggregate()), null).open();

    // When
    h.processElement(new Ev("a", 1), 1).processElement(new Ev("a", 2), 2).processWatermark(9);

    // Then
    assertEquals(List.of(rec(3L, 9), wm(9)), h.take());
  }

  @Test
  void when_slidingWindows_then_recordCountsInEveryWindowContainingIt() throws Exception {
    // Given
    var h = harness(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)), 0,
        null, SUM, null).open();

    // When
    h.processElement(new Ev("a", 1), 3)
        .processElement(new Ev("a", 10), 7)
        .processElement(new Ev("a", 100), 12)
        .endInput();

    // Then: [-5,5) [0,10) [5,15) [10,20)
    assertEquals(
        List.of(rec(new Ev("a", 1), 4), rec(new Ev("a", 11), 9), rec(new Ev("a", 110), 14),
            rec(new Ev("a", 100), 19), wm(MAX)),
        h.take());
  }

  @Test
  void when_sessionElementsWithinGap_then_mergedIntoOneSessionWithAllElements() throws Exception {
    // Given
    var h = harness(EventTimeSessionWindows.withGap(Duration.ofMillis(10)), 0, null, null,
        new ListElements()).open();
    h.processElement(new Ev("a", 1), 0)
        .processElement(new Ev("a", 2), 5)
        .processElement(new Ev("a", 3), 30)
        .processElement(new Ev("a", 4), 12)
        .processElement(new Ev("b", 5), 3);

    // When
    h.processWatermark(21);
    var first = h.take();
    h.processWatermark(39);

    // Then
    assertEquals(
        List.of(rec("b TimeWindow[3, 13) [5]", 12), rec("a TimeWindow[0, 22) [1, 2, 4]", 21), wm(21)),
        first);
    assertEquals(List.of(rec("a TimeWindow[30, 40) [3]", 39), wm(39)), h.take());
    assertEquals(0, h.backend().size("window-elements"));
    assertEquals(0, h.backend().size("window-sessions"));
  }

  @Test
  void when_elementBridgesTwoSessions_then_oneSessionAndOldTimersGone() throws Exception {
    // Given
    var h = harness(EventTimeSessionWindows.withGap(Duration.ofMillis(10)), 0, null, SUM, null)
        .open();
    h.processElement(new Ev("a", 1), 0).processElement(new Ev("a", 2), 20).processWatermark(5);
    h.take();

    // When
    h.processElement(new Ev("a", 4), 10);
    h.processWatermark(9).processWatermark(28);
    var early = h.take();
    h.processWatermark(29);

    // Then
    assertEquals(List.of(wm(9), wm(28)), early, "the merged-away windows do not fire");
    assertEquals(List.of(rec(new Ev("a", 7), 29), wm(29)), h.take());
  }

  @Test
  void when_lateWithinAllowedLateness_then_windowFiresAgainWithUpdatedResult() throws Exception {
    // Given
    var h = tumblingSum(100, null);
    h.processElement(new Ev("a", 1), 100).processWatermark(999);
    assertEquals(List.of(rec(new Ev("a", 1), 999), wm(999)), h.take());

    // When
    h.processElement(new Ev("a", 2), 200);
    var refired = h.take();
    h.processWatermark(1050).processElement(new Ev("a", 4), 300);
    var again = h.take();
    h.processWatermark(1099).processElement(new Ev("a", 8), 400);
    var afterCleanup = h.take();

    // Then
    assertEquals(List.of(rec(new Ev("a", 3), 999)), refired);
    assertEquals(List.of(wm(1050), rec(new Ev("a", 7), 999)), again);
    assertEquals(List.of(wm(1099)), afterCleanup, "past the allowed lateness: dropped");
    assertEquals(1, h.counter("w.late-records"));
    assertEquals(0, h.backend().size("window-accumulator"));
  }

  /** Emits "key start sum" and logs every clear, so the order of firing and dropping shows. */
  static final class SumAndClearLog extends ProcessWindowFunction<Long, String, String, TimeWindow> {
    static final List<String> CLEARED = new ArrayList<>();

    @Override
    public void process(String key, Context ctx, Iterable<Long> sums, Collector<String> out) {
      out.collect(key + " " + ctx.window().start() + " " + sums.iterator().next());
    }

    @Override
    public void clear(Context ctx) {
      CLEARED.add(ctx.window().start() + " at " + ctx.currentWatermark());
    }
  }

  @Test
  void when_one_watermark_makes_aligned_windows_of_many_keys_due_then_they_fire_and_clear_in_time_order()
      throws Exception {
    // Given 1,000 keys in each of three 1 s sliding windows of 2 s (slide 1 s), lateness 500 ms
    SumAndClearLog.CLEARED.clear();
    var h = harness(SlidingEventTimeWindows.of(Duration.ofSeconds(2), Duration.ofSeconds(1)), 500,
            null, WindowAggregator.aggregating(new SumAggregate()), new SumAndClearLog())
        .open();
    for (int k = 0; k < 1000; k++) {
      h.processElement(new Ev("k" + k, k), 100); // windows [-1000, 1000) and [0, 2000)
      h.processElement(new Ev("k" + k, 1), 1500); // windows [0, 2000) and [1000, 3000)
    }
    // When one watermark makes the first window fire and drop, and the second fire
    h.processWatermark(1999);
    List<Rec> fired = recordsOf(h.take());
    // Then every key's first window fires before any second window, with the right sums
    assertEquals(2000, fired.size());
    for (int i = 0; i < 1000; i++) {
      assertEquals(999, fired.get(i).timestamp());
      assertEquals(1999, fired.get(1000 + i).timestamp());
    }
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (int k = 0; k < 1000; k++) {
      first.add("k" + k + " -1000 " + k);
      second.add("k" + k + " 0 " + (k + 1));
    }
    assertEquals(first.stream().sorted().toList(),
        fired.subList(0, 1000).stream().map(r -> (String) r.value()).sorted().toList());
    assertEquals(second.stream().sorted().toList(),
        fired.subList(1000, 2000).stream().map(r -> (String) r.value()).sorted().toList());
    // and the first window is dropped for every key (after it fired), the second kept
    assertEquals(1000, SumAndClearLog.CLEARED.size());
    assertTrue(SumAndClearLog.CLEARED.stream().allMatch(c -> c.equals("-1000 at 1999")));
    assertEquals(2000, h.backend().size("window-accumulator"));
    // When a late record (within the lateness) comes for the second window, then it fires again
    h.processElement(new Ev("k7", 100), 1200);
    assertEquals(List.of(rec("k7 0 108", 1999)), recordsOf(h.take()));
    // When the input ends, then the rest fires and every window's state is gone
    h.endInput();
    assertEquals(1000, recordsOf(h.take()).size());
    assertEquals(3000, SumAndClearLog.CLEARED.size());
    assertEquals(0, h.backend().size("window-accumulator"));
  }

  @Test
  void when_lateWithSideOutput_then_recordGoesThereWithItsTimestamp() throws Exception {
    // Given
    var late = new OutputTag<Ev>("late");
    var h = tumblingSum(0, late);
    h.processElement(new Ev("a", 1), 100).processWatermark(999);
    h.take();

    // When
    h.processElement(new Ev("a", 2), 200);

    // Then
    assertEquals(List.of(new Side("late", new Ev("a", 2), 200)), h.take());
    assertEquals(1, h.counter("w.late-records"));
  }

  @Test
  void when_onlySomeSlidingWindowsLate_then_recordCountsInTheOthersAndIsNotLate() throws Exception {
    // Given
    var late = new OutputTag<Ev>("late");
    var h = harness(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)), 0,
        late, SUM, null).open();
    h.processWatermark(9);

    // When: ts 7 is in [0,10) (already fired) and [5,15)
    h.processElement(new Ev("a", 1), 7).endInput();

    // Then
    assertEquals(List.of(wm(9), rec(new Ev("a", 1), 14), wm(MAX)), h.take());
    assertEquals(0, h.counter("w.late-records"));
  }

  @Test
  void when_processingTimeReachesWindowEnd_then_windowFires() throws Exception {
    // Given
    var h = harness(TumblingProcessingTimeWindows.of(Duration.ofSeconds(1)), 0, null, SUM, null)
        .startProcessingTime(100).open();
    h.processElement(new Ev("a", 1)).processElement(new Ev("a", 2));

    // When
    h.setProcessingTime(998);
    var early = h.take();
    h.setProcessingTime(999);
    var fired = h.take();
    h.setProcessingTime(1500).processElement(new Ev("a", 5)).endInput();

    // Then
    assertEquals(List.of(), early);
    assertEquals(List.of(rec(new Ev("a", 3), 999)), fired);
    assertEquals(List.of(rec(new Ev("a", 5), 1999), wm(MAX)), h.take(), "end of input fires it");
  }

  @Test
  void when_processingTimeSessionsMerge_then_firesAtMergedEnd() throws Exception {
    // Given
    var h = harness(ProcessingTimeSessionWindows.withGap(Duration.ofMillis(100)), 0, null, SUM,
        null).open();
    h.processElement(new Ev("a", 1));
    h.setProcessingTime(50).processElement(new Ev("a", 2));

    // When
    h.setProcessingTime(99);
    var early = h.take();
    h.setProcessingTime(149);

    // Then
    assertEquals(List.of(), early);
    assertEquals(List.of(rec(new Ev("a", 3), 149)), h.take());
  }

  @Test
  void when_batchMode_then_eventTimeWorksAsInStreamingIncludingLateRecords() throws Exception {
    for (RuntimeMode mode : List.of(RuntimeMode.BATCH, RuntimeMode.STREAMING)) {
      // Given
      var h = harness(TumblingEventTimeWindows.of(Duration.ofSeconds(1)), 0, null, SUM, null)
          .mode(mode).open();

      // When: the watermark passes the first window, then a late record for it arrives
      h.processElement(new Ev("a", 1), 100).processWatermark(999);
      var fired = h.take();
      h.processElement(new Ev("a", 2), 200).processElement(new Ev("a", 4), 1200).endInput();

      // Then: the same output in both modes
      assertEquals(List.of(rec(new Ev("a", 1), 999), wm(999)), fired, mode.toString());
      assertEquals(List.of(rec(new Ev("a", 4), 1999), wm(MAX)), h.take(), mode.toString());
      assertEquals(1, h.counter("w.late-records"), mode.toString());
    }
  }

  @Test
  void when_recordHasNoTimestamp_then_eventTimeWindowFailsClearly() throws Exception {
    // Given
    var h = tumblingSum(0, null);

    // When
    var e = assertThrows(IllegalStateException.class,
        () -> h.processElement(new Ev("a", 1), Output.NO_TIMESTAMP));

    // Then
    assertTrue(e.getMessage().contains("without a timestamp"), e.getMessage());
  }

  @Test
  void when_processFunctionAfterAggregate_then_itSeesOneResultAndTheWindowContext()
      throws Exception {
    // Given
    var info = new OutputTag<String>("info");
    var function = new ProcessWindowFunction<Long, String, String, TimeWindow>() {
      @Override
      public void process(String key, Context ctx, Iterable<Long> results, Collector<String> out) {
        List<Long> all = new ArrayList<>();
        results.forEach(all::add);
        out.collect(key + " " + all + " wm=" + ctx.currentWatermark());
        ctx.output(info, "fired " + ctx.window().start());
      }

      @Override
      public void clear(Context ctx) {
        ctx.output(info, "cleared " + ctx.window().start());
      }
    };
    var h = harness(TumblingEventTimeWindows.of(Duration.ofMillis(10)), 5, null,
        WindowAggregator.aggregating(new SumAggregate()), function).open();

    // When
    h.processElement(new Ev("k", 2), 1).processElement(new Ev("k", 3), 2).processWatermark(9);
    var fired = h.take();
    h.processWatermark(14);

    // Then
    assertEquals(List.of(rec("k [5] wm=9", 9), new Side("info", "fired 0", 9), wm(9)), fired);
    assertEquals(List.of(new Side("info", "cleared 0", 9), wm(14)), h.take());
  }
}
