package io.vortex.taskmanager.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.Collector;
import io.vortex.api.function.KeySelector;
import io.vortex.api.function.ProcessWindowFunction;
import io.vortex.api.internal.operators.WindowAggregator;
import io.vortex.api.internal.operators.WindowDefinition;
import io.vortex.api.internal.operators.WindowFactories;
import io.vortex.api.internal.operators.WindowMergeOperator;
import io.vortex.api.internal.operators.WindowOperator;
import io.vortex.api.internal.operators.WindowPartial;
import io.vortex.api.window.SlidingEventTimeWindows;
import io.vortex.api.window.TimeWindow;
import io.vortex.api.window.TumblingEventTimeWindows;
import io.vortex.api.window.WindowAssigner;
import io.vortex.taskmanager.testing.OperatorTestHarness.Rec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The merge stage of two-stage window aggregation ({@link WindowMergeOperator}): partials and
 * forwarded records merged per window and key, tables that grow, colliding keys, many windows
 * open at once, late input, and the process function's calls.
 */
class WindowMergeOperatorTest {
  /** A test event with a long key (the key selector boxes it, as a user's {@code Event::key}). */
  record LEv(Object key, long value) {}

  static final KeySelector<LEv, Object> KEY = LEv::key;

  /** Sums values in a mutable accumulator. */
  static final class Sum implements AggregateFunction<LEv, long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(LEv value, long[] acc) {
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

  /** Emits "start key sum" and logs each clear as "start key @watermark". */
  static final class Labelled extends ProcessWindowFunction<Long, String, Object, TimeWindow> {
    final List<String> cleared = new ArrayList<>();

    @Override
    public void process(Object key, Context ctx, Iterable<Long> sums, Collector<String> out) {
      out.collect(ctx.window().start() + " " + key + " " + sums.iterator().next());
    }

    @Override
    public void clear(Context ctx) {
      cleared.add(ctx.window().start() + " @" + ctx.currentWatermark());
    }
  }

  static WindowDefinition definition(WindowAssigner<?, ?> assigner, long lateness, Labelled f) {
    return new WindowDefinition(
        assigner, KEY, lateness, null, WindowAggregator.aggregating(new Sum()), f);
  }

  static OperatorTestHarness mergeStage(WindowDefinition definition) throws Exception {
    return OperatorTestHarness.of(new WindowFactories.Keyed(definition, true)).name("w").open();
  }

  static WindowPartial partial(long start, long size, Object key, long sum, long count) {
    return new WindowPartial(new TimeWindow(start, start + size), key, new long[] {sum}, count);
  }

  static final TumblingEventTimeWindows SECONDS = TumblingEventTimeWindows.of(Duration.ofSeconds(1));

  @Test
  void when_translationsCaseIsBuilt_then_theMergeStageRunsIt_and_otherwiseTheGeneralWindow() {
    // Given / When
    var planned = new WindowFactories.Keyed(definition(SECONDS, 0, null), true).create();
    var withLateness = new WindowFactories.Keyed(definition(SECONDS, 10, null), true).create();
    // Then
    assertInstanceOf(WindowMergeOperator.class, planned);
    assertInstanceOf(WindowOperator.class, withLateness);
  }

  @Test
  void when_windowHoldsFarMoreKeysThanItsTableWasSizedFor_then_itGrowsAndEverySumIsExact()
      throws Exception {
    // Given 20,000 long keys (negative and extreme ones too) in one window, each from 3
    // partials and a forwarded record; then a second window of 3 keys
    var labelled = new Labelled();
    var h = mergeStage(definition(SECONDS, 0, labelled));
    Map<String, Long> expected = new HashMap<>();
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      long key = switch (i % 4) {
        case 0 -> i;
        case 1 -> -i;
        case 2 -> Long.MAX_VALUE - i;
        default -> Long.MIN_VALUE + i;
      };
      long total = 0;
      for (int p = 0; p < 3; p++) {
        long sum = random.nextInt(1000);
        h.processElement(partial(0, 1000, key, sum, 2), 999);
        total += sum;
      }
      h.processElement(new LEv(key, 5), 500);
      expected.put("0 " + key + " " + (total + 5), 999L);
    }
    for (long key = 0; key < 3; key++) {
      h.processElement(new LEv(key, key + 1), 1500);
      expected.put("1000 " + key + " " + (key + 1), 1999L);
    }

    // When
    h.processWatermark(999);
    var first = h.records();
    h.processWatermark(Long.MAX_VALUE);

    // Then every (window, key) fires once with its exact sum and the window's max timestamp
    assertEquals(20_000, first.size());
    Map<String, Long> actual = new HashMap<>();
    for (Rec r : h.records()) {
      assertEquals(null, actual.put((String) r.value(), r.timestamp()), "fired twice: " + r);
    }
    assertEquals(expected, actual);
    assertEquals(20_003, labelled.cleared.size());
    assertEquals(0, h.counter("w.late-records"));
  }

  @Test
  void when_keysCollideOrChangeType_then_eachKeepsItsOwnSum() throws Exception {
    // Given long keys, then strings that share one hash code ("Aa" and "BB" hash alike), a
    // boxed key equal to an earlier one
    var h = mergeStage(definition(SECONDS, 0, new Labelled()));
    for (int round = 0; round < 2; round++) {
      for (long k = 0; k < 8; k++) {
        h.processElement(partial(0, 1000, k << 32, 1, 1), 999);
      }
      for (String s : new String[] {"AaAa", "AaBB", "BBAa", "BBBB"}) {
        h.processElement(new LEv(s, 10), 10);
      }
      h.processElement(partial(0, 1000, Long.valueOf(3L << 32), 100, 1), 999);
    }

    // When
    h.processWatermark(Long.MAX_VALUE);

    // Then
    List<String> expected = new ArrayList<>();
    for (long k = 0; k < 8; k++) {
      expected.add("0 " + (k << 32) + " " + (k == 3 ? 202 : 2));
    }
    for (String s : new String[] {"AaAa", "AaBB", "BBAa", "BBBB"}) {
      expected.add("0 " + s + " 20");
    }
    assertEquals(expected.stream().sorted().toList(),
        h.<String>values().stream().sorted().toList());
  }

  @Test
  void when_manyWindowsAreOpenAtOnce_then_resultsAndOrderAreThoseOfTheGeneralWindow()
      throws Exception {
    // Given sliding windows of 5 s every 100 ms (50 open per key at once), and the same input
    // of partials and records to the merge stage and to the general window operator
    var sliding = SlidingEventTimeWindows.of(Duration.ofSeconds(5), Duration.ofMillis(100));
    var definition = definition(sliding, 0, null);
    var merge = mergeStage(definition);
    var general = OperatorTestHarness.of(new WindowOperator<>(definition, true), true).name("w").open();
    Random random = new Random(11);
    long watermark = Long.MIN_VALUE;

    // When records, partials (some for windows up to 8 s back) and watermarks arrive interleaved
    for (int i = 0; i < 3000; i++) {
      long ts = i * 10L - random.nextInt(400);
      long key = random.nextInt(20);
      Object in = random.nextBoolean()
          ? new LEv(key, 1 + random.nextInt(100))
          : partial(Math.floorDiv(ts, 100) * 100 - 100 * random.nextInt(80), 5000, key,
              random.nextInt(100), 1 + random.nextInt(3));
      merge.processElement(in, ts);
      general.processElement(in instanceof WindowPartial p ? copy(p) : in, ts);
      if (i % 25 == 0 && ts - 200 > watermark) {
        watermark = ts - 200;
        merge.processWatermark(watermark);
        general.processWatermark(watermark);
      }
    }
    merge.processWatermark(Long.MAX_VALUE);
    general.processWatermark(Long.MAX_VALUE);

    // Then the same results in the same window order, the same watermarks and late counts
    assertEquals(byTimestampThenValue(general.records()), byTimestampThenValue(merge.records()));
    assertEquals(general.watermarks(), merge.watermarks());
    assertTrue(general.counter("w.late-records") > 0, "some input was late");
    assertEquals(general.counter("w.late-records"), merge.counter("w.late-records"));
    long previous = Long.MIN_VALUE;
    for (Rec r : merge.records()) {
      assertTrue(r.timestamp() >= previous, "windows fire in time order");
      previous = r.timestamp();
    }
  }

  /** A partial with its own accumulator (each operator merges into what it is given). */
  private static WindowPartial copy(WindowPartial p) {
    return new WindowPartial(p.window(), p.key(), ((long[]) p.accumulator()).clone(), p.count());
  }

  private static List<String> byTimestampThenValue(List<Rec> records) {
    return records.stream().map(r -> r.timestamp() + " " + r.value()).sorted().toList();
  }

  @Test
  void when_inputComesForAWindowTheWatermarkHasReached_then_itIsDroppedAndCounted()
      throws Exception {
    // Given window [0,1000) fired for key 1
    var labelled = new Labelled();
    var h = mergeStage(definition(SECONDS, 0, labelled));
    h.processElement(new LEv(1L, 1), 100).processWatermark(999);
    assertEquals(List.of(new Rec("0 1 1", 999)), h.take().subList(0, 1));

    // When a partial of 7 records and a record come for it, and a record for the next window
    h.processElement(partial(0, 1000, 1L, 50, 7), 999);
    h.processElement(new LEv(1L, 2), 400);
    h.processElement(new LEv(1L, 4), 1000);
    h.processWatermark(Long.MAX_VALUE);

    // Then the late ones are dropped and counted by their records; the window does not fire again
    assertEquals(List.of(new Rec("1000 1 4", 1999)), h.records());
    assertEquals(8, h.counter("w.late-records"));
    assertEquals(List.of("0 @999", "1000 @" + Long.MAX_VALUE), labelled.cleared);
  }

  @Test
  void when_slidingRecordIsLateForSomeOfItsWindows_then_theRestTakeItAndItIsNotCounted()
      throws Exception {
    // Given windows of 2 s every 1 s; the watermark has passed [-1000, 1000) only
    var h = mergeStage(definition(
        SlidingEventTimeWindows.of(Duration.ofSeconds(2), Duration.ofSeconds(1)), 0, new Labelled()));
    h.processWatermark(999);

    // When a record at 500 ([-1000, 1000) and [0, 2000)) and one at 100 with a watermark past both
    h.processElement(new LEv(9L, 3), 500);
    h.processWatermark(2500);
    h.processElement(new LEv(9L, 5), 100);
    h.processWatermark(Long.MAX_VALUE);

    // Then the first counts in [0, 2000) only, the second is late for every window and counted
    assertEquals(List.of(new Rec("0 9 3", 1999)), h.records());
    assertEquals(1, h.counter("w.late-records"));
  }
}
