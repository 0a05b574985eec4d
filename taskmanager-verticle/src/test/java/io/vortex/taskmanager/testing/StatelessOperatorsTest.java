package io.vortex.taskmanager.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.api.OutputTag;
import io.vortex.api.function.FilterFunction;
import io.vortex.api.function.FlatMapFunction;
import io.vortex.api.function.IterableFlatMapFunction;
import io.vortex.api.function.MapFunction;
import io.vortex.api.function.ProcessFunction;
import io.vortex.api.function.Collector;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.internal.operators.FilterOperator;
import io.vortex.api.internal.operators.FlatMapOperator;
import io.vortex.api.internal.operators.IterableFlatMapOperator;
import io.vortex.api.internal.operators.MapOperator;
import io.vortex.api.internal.operators.ProcessOperator;
import io.vortex.api.internal.operators.TimestampsAndWatermarksOperator;
import io.vortex.api.sink.Sink;
import io.vortex.api.sink.SinkWriter;
import io.vortex.api.time.WatermarkStrategy;
import io.vortex.taskmanager.testing.OperatorTestHarness.Rec;
import io.vortex.taskmanager.testing.OperatorTestHarness.Side;
import io.vortex.taskmanager.testing.OperatorTestHarness.Watermark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The per-record operators and sinks, driven through the harness. */
class StatelessOperatorsTest {
  static final OutputTag<String> ODD = new OutputTag<>("odd");

  /** Even numbers to the main output, odd ones (as text) to the side output "odd". */
  static final class SplitByParity extends ProcessFunction<Integer, Integer> {
    @Override
    public void processElement(Integer value, Context ctx, Collector<Integer> out) {
      if (value % 2 == 0) {
        out.collect(value);
      } else {
        ctx.output(ODD, "odd " + value + " at " + ctx.timestamp());
      }
    }
  }

  /** Records what it is given, with timestamps; finishes and commits at once. */
  static final class ListSink implements Sink<Object> {
    final List<String> written = new ArrayList<>();

    @Override
    public SinkWriter<Object> createWriter(io.vortex.api.sink.SinkContext context) {
      return (value, timestamp) -> written.add(value + "@" + timestamp);
    }
  }

  @Test
  void when_mapAndFilter_then_oneOutputPerAcceptedRecordWithItsTimestamp() throws Exception {
    // Given
    MapFunction<Integer, Integer> square = x -> x * x;
    FilterFunction<Integer> small = x -> x < 10;
    var map = OperatorTestHarness.of(Factories.of(OperatorKind.MAP, () -> new MapOperator<>(square))).open();
    var filter = OperatorTestHarness.of(Factories.of(OperatorKind.FILTER, () -> new FilterOperator<>(small))).open();

    // When
    map.processElement(2, 20).processElement(3, 30).processWatermark(30);
    filter.processElement(4, 1).processElement(12, 2).processElement(9, 3).processWatermark(3);

    // Then
    assertEquals(List.of(new Rec(4, 20), new Rec(9, 30), new Watermark(30)), map.take());
    assertEquals(List.of(new Rec(4, 1), new Rec(9, 3), new Watermark(3)), filter.take());
  }

  @Test
  void when_flatMapEmitsMany_then_allInOrderWithTheInputTimestampBeforeTheWatermark() throws Exception {
    // Given
    FlatMapFunction<Integer, Integer> repeat = (x, out) -> {
      for (int i = 0; i < x; i++) {
        out.collect(x);
      }
    };
    var h = OperatorTestHarness.of(Factories.of(OperatorKind.FLAT_MAP, () -> new FlatMapOperator<>(repeat))).open();

    // When
    h.processElement(3, 7).processElement(0, 8).processElement(1, 9).processWatermark(9);

    // Then
    assertEquals(
        List.of(new Rec(3, 7), new Rec(3, 7), new Rec(3, 7), new Rec(1, 9), new Watermark(9)), h.take());
  }

  @Test
  void when_flatMapCollectsBeyondTheRoom_then_theOverflowIsHeldAndComesOutInOrderBeforeTheWatermark() throws Exception {
    // Given: one input record collects 1000 records
    FlatMapFunction<Integer, Integer> fanOut = (x, out) -> {
      for (int i = 0; i < 1000; i++) {
        out.collect(x * 1000 + i);
      }
    };
    var h = OperatorTestHarness.of(Factories.of(OperatorKind.FLAT_MAP, () -> new FlatMapOperator<>(fanOut))).open();

    // When
    h.processElement(1, 5).processElement(2, 6).processWatermark(6);

    // Then: exactly the records, in order, stamped, the watermark last (refusing, the harness
    // held every other record and resumed them piece by piece)
    List<Object> expected = new ArrayList<>();
    for (int x = 1; x <= 2; x++) {
      for (int i = 0; i < 1000; i++) {
        expected.add(new Rec(x * 1000 + i, 4 + x));
      }
    }
    expected.add(new Watermark(6));
    assertEquals(expected, h.take());
  }

  @Test
  void when_iterableFlatMap_then_itsRecordsArePulledInOrderWithTheInputTimestampBeforeTheWatermark() throws Exception {
    // Given: x becomes 0..x-1 (none for 0), null becomes nothing
    IterableFlatMapFunction<Integer, Integer> upTo = x -> x == null ? null : () -> IntStream.range(0, x).iterator();
    var h = OperatorTestHarness.of(Factories.of(OperatorKind.FLAT_MAP, () -> new IterableFlatMapOperator<>(upTo))).open();

    // When
    h.processElement(3, 7).processElement(0, 8).processElement(null, 9).processElement(1, 9).processWatermark(9);

    // Then
    assertEquals(
        List.of(new Rec(0, 7), new Rec(1, 7), new Rec(2, 7), new Rec(0, 9), new Watermark(9)), h.take());
  }

  @Test
  void when_iterableFlatMapFansOutAMillion_then_theyGoOutOnePerPieceAndTheEndFollows() throws Exception {
    // Given: one record becomes 1,000,000, computed lazily
    IterableFlatMapFunction<Integer, Long> many = n -> () -> LongStream.range(0, n).iterator();
    var h = OperatorTestHarness.of(Factories.of(OperatorKind.FLAT_MAP, () -> new IterableFlatMapOperator<>(many))).open();

    // When
    h.processElement(1_000_000, 3).endInput();

    // Then: count and sum exact, each stamped 3, the final watermark after all
    List<OperatorTestHarness.Emitted> out = h.take();
    assertEquals(1_000_001, out.size());
    long sum = 0;
    for (int i = 0; i < 1_000_000; i++) {
      Rec r = (Rec) out.get(i);
      assertEquals(3L, r.timestamp());
      sum += (Long) r.value();
    }
    assertEquals(999_999L * 1_000_000L / 2, sum);
    assertEquals(new Watermark(Long.MAX_VALUE), out.get(1_000_000));
  }

  @Test
  void when_iterableFlatMapsIteratorFails_then_theErrorReachesTheTask() throws Exception {
    // Given: the second record of the iterator throws
    IterableFlatMapFunction<Integer, Integer> failing = x -> () -> new java.util.Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Integer next() {
        if (next == 1) {
          throw new IllegalStateException("broken iterator");
        }
        return next++;
      }
    };
    var h = OperatorTestHarness.of(Factories.of(OperatorKind.FLAT_MAP, () -> new IterableFlatMapOperator<>(failing))).open();

    // When / Then
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> h.processElement(1, 1));
    assertEquals("broken iterator", e.getMessage());
    assertEquals(List.of(new Rec(0, 1)), h.take());
  }

  @Test
  void when_processFunctionUsesSideOutput_then_sideRecordsKeepTheirPlaceAndTimestamp() throws Exception {
    // Given
    var h = OperatorTestHarness.of(
        Factories.of(OperatorKind.PROCESS, () -> new ProcessOperator<>(new SplitByParity()))).open();

    // When
    h.processElement(1, 10).processElement(2, 20).processElement(3, 30).processWatermark(30);

    // Then
    assertEquals(
        List.of(new Side("odd", "odd 1 at 10", 10), new Rec(2, 20), new Side("odd", "odd 3 at 30", 30),
            new Watermark(30)),
        h.take());
  }

  @Test
  void when_timestampsAssigned_then_watermarksTrailTheNewestAndUpstreamOnesAreReplaced() throws Exception {
    // Given: watermark = newest timestamp - 5 - 1
    WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(5))
        .withTimestampAssigner((value, previous) -> value);
    var h = OperatorTestHarness.of(
        Factories.of(OperatorKind.TIMESTAMPS, () -> new TimestampsAndWatermarksOperator<>(strategy))).open();

    // When
    h.processElement(100L).processElement(90L).processWatermark(1_000).processElement(110L).endInput();

    // Then
    assertEquals(
        List.of(new Rec(100L, 100), new Watermark(94), new Rec(90L, 90), new Rec(110L, 110), new Watermark(104),
            new Watermark(Long.MAX_VALUE)),
        h.take());
  }

  @Test
  void when_sinkWrites_then_everyRecordReachesTheWriterAndNothingIsEmitted() throws Exception {
    // Given
    var sink = new ListSink();
    var h = OperatorTestHarness.of(new Factories.SinkFactory(sink)).open();

    // When
    h.processElement("a", 1).processElement("b", 2).processWatermark(2).endInput();
    h.close();

    // Then
    assertEquals(List.of("a@1", "b@2"), sink.written);
    assertEquals(List.of(), h.take());
  }
}
