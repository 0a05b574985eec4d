package io.vortex.taskmanager.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.OutputTag;
import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.KeySelector;
import io.vortex.api.internal.operators.WindowAggregator;
import io.vortex.api.internal.operators.WindowDefinition;
import io.vortex.api.internal.operators.WindowFactories;
import io.vortex.api.internal.operators.WindowPartial;
import io.vortex.api.window.SlidingEventTimeWindows;
import io.vortex.api.window.TumblingEventTimeWindows;
import io.vortex.api.window.WindowAssigner;
import io.vortex.taskmanager.testing.OperatorTestHarness.Emitted;
import io.vortex.taskmanager.testing.OperatorTestHarness.Rec;
import io.vortex.taskmanager.testing.OperatorTestHarness.Watermark;
import io.vortex.taskmanager.testing.WindowOperatorTest.Ev;
import io.vortex.taskmanager.testing.WindowOperatorTest.SumAggregate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two-stage window aggregation gives what one stage gives: several producers, each with its own
 * watermark, feed a window through a simulated input gate (combined watermark = minimum over
 * channels), once directly and once through a combiner per producer, in the same interleaving.
 */
class TwoStageWindowTest {
  private static final long MAX = Long.MAX_VALUE;

  /** The window operator's input gate: per-channel watermarks, forwarding their minimum. */
  private static final class Gate {
    final OperatorTestHarness target;
    final long[] watermarks;
    long combined = Long.MIN_VALUE;

    Gate(OperatorTestHarness target, int channels) {
      this.target = target;
      this.watermarks = new long[channels];
      Arrays.fill(watermarks, Long.MIN_VALUE);
    }

    void deliver(int channel, Emitted e) throws Exception {
      if (e instanceof Rec r) {
        target.processElement(r.value(), r.timestamp());
      } else if (e instanceof Watermark w) {
        watermarks[channel] = Math.max(watermarks[channel], w.watermark());
        long min = Arrays.stream(watermarks).min().orElseThrow();
        if (min > combined) {
          combined = min;
          target.processWatermark(min);
        }
      }
    }
  }

  /** Both pipelines side by side. */
  private static final class Pipelines {
    final OperatorTestHarness single;
    final OperatorTestHarness twoStage;
    final OperatorTestHarness[] combiners;
    final Gate singleGate;
    final Gate twoStageGate;
    int forwardedRaw;
    int partials;

    Pipelines(WindowDefinition definition, int producers) throws Exception {
      single = OperatorTestHarness.of(new WindowFactories.Keyed(definition, false)).name("w").open();
      twoStage = OperatorTestHarness.of(new WindowFactories.Keyed(definition, true)).name("w").open();
      combiners = new OperatorTestHarness[producers];
      for (int i = 0; i < producers; i++) {
        combiners[i] = OperatorTestHarness.of(new WindowFactories.Combiner(definition)).open();
      }
      singleGate = new Gate(single, producers);
      twoStageGate = new Gate(twoStage, producers);
    }

    void send(int producer, Emitted e) throws Exception {
      singleGate.deliver(producer, e);
      var combiner = combiners[producer];
      if (e instanceof Rec r) {
        combiner.processElement(r.value(), r.timestamp());
      } else if (e instanceof Watermark w) {
        combiner.processWatermark(w.watermark());
      }
      for (Emitted out : combiner.take()) {
        if (out instanceof Rec r) {
          if (r.value() instanceof WindowPartial) {
            partials++;
          } else {
            forwardedRaw++;
          }
        }
        twoStageGate.deliver(producer, out);
      }
    }

    void assertSameResults(OutputTag<?> late) {
      assertEquals(
          WindowOperatorTest.sorted(single.records()), WindowOperatorTest.sorted(twoStage.records()));
      assertEquals(single.watermarks(), twoStage.watermarks());
      assertEquals(single.counter("w.late-records"), twoStage.counter("w.late-records"));
      if (late != null) {
        assertEquals(
            WindowOperatorTest.sorted(single.sideOutput(late)),
            WindowOperatorTest.sorted(twoStage.sideOutput(late)));
      }
    }
  }

  /**
   * Each producer's stream: records with out-of-order timestamps and its own bounded
   * out-of-orderness watermark (some records are late for it), then the final watermark.
   */
  private static List<List<Emitted>> producerStreams(Random random, int producers, int records) {
    List<List<Emitted>> streams = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      List<Emitted> stream = new ArrayList<>();
      long maxTs = Long.MIN_VALUE;
      long emitted = Long.MIN_VALUE;
      for (int i = 0; i < records; i++) {
        long ts = i * 3L - random.nextInt(100);
        stream.add(new Rec(new Ev("k" + random.nextInt(5), 1 + random.nextInt(100)), ts));
        maxTs = Math.max(maxTs, ts);
        long watermark = maxTs - 10 - 1;
        if (watermark > emitted) {
          emitted = watermark;
          stream.add(new Watermark(watermark));
        }
      }
      stream.add(new Watermark(MAX));
      streams.add(stream);
    }
    return streams;
  }

  /** Sends the streams in a random interleaving, producers at uneven speeds. */
  private static void interleave(Random random, List<List<Emitted>> streams, Pipelines pipelines)
      throws Exception {
    int[] next = new int[streams.size()];
    int remaining = streams.stream().mapToInt(List::size).sum();
    while (remaining > 0) {
      int p = random.nextInt(streams.size() * 2) % (streams.size());
      p = random.nextInt(4) == 0 ? streams.size() - 1 : p; // the last producer runs ahead
      if (next[p] == streams.get(p).size()) {
        continue;
      }
      pipelines.send(p, streams.get(p).get(next[p]++));
      remaining--;
    }
  }

  private static void runRandomized(WindowAssigner<?, ?> assigner, long lateness, boolean aggregate,
      boolean sideOutput) throws Exception {
    var late = sideOutput ? new OutputTag<Ev>("late") : null;
    WindowAggregator<?, ?, ?> aggregator =
        aggregate ? WindowAggregator.aggregating(new SumAggregate()) : WindowOperatorTest.SUM;
    var definition =
        new WindowDefinition(assigner, WindowOperatorTest.KEY, lateness, late, aggregator, null);
    int raw = 0;
    int partials = 0;
    long lateRecords = 0;
    for (int seed = 0; seed < 40; seed++) {
      // Given
      var random = new Random(seed);
      var pipelines = new Pipelines(definition, 3);
      var streams = producerStreams(random, 3, 200);

      // When
      interleave(random, streams, pipelines);

      // Then
      pipelines.assertSameResults(late);
      raw += pipelines.forwardedRaw;
      partials += pipelines.partials;
      lateRecords += pipelines.single.counter("w.late-records");
    }
    assertTrue(partials > 0, "the combiners pre-aggregated");
    assertTrue(raw > 0, "some records were late for their producer and went through as they are");
    assertTrue(lateRecords > 0, "some records were late for the window");
  }

  @Test
  void when_tumblingReduceThroughCombiners_then_sameResultsAsOneStage() throws Exception {
    runRandomized(TumblingEventTimeWindows.of(Duration.ofMillis(50)), 0, false, false);
  }

  @Test
  void when_slidingAggregateThroughCombiners_then_sameResultsAsOneStage() throws Exception {
    runRandomized(
        SlidingEventTimeWindows.of(Duration.ofMillis(60), Duration.ofMillis(20)), 0, true, false);
  }

  @Test
  void when_noIdleInputs_then_sameResultsEvenWithLatenessAndSideOutput() throws Exception {
    // Not used by translation (idle inputs would break it), but holds without idleness
    runRandomized(TumblingEventTimeWindows.of(Duration.ofMillis(50)), 30, false, true);
  }

  @Test
  void when_recordLateForItsProducerButNotForTheWindow_then_itStillCounts() throws Exception {
    // Given: producer 0 is past the window [0,1000); producer 1 holds the window's watermark back
    var definition = new WindowDefinition(TumblingEventTimeWindows.of(Duration.ofSeconds(1)),
        WindowOperatorTest.KEY, 0, null, WindowOperatorTest.SUM, null);
    var pipelines = new Pipelines(definition, 2);
    pipelines.send(0, new Rec(new Ev("a", 1), 100));
    pipelines.send(0, new Watermark(999));

    // When
    pipelines.send(0, new Rec(new Ev("a", 2), 200));
    pipelines.send(1, new Watermark(999));

    // Then
    assertEquals(1, pipelines.forwardedRaw);
    assertEquals(List.of(new Rec(new Ev("a", 3), 999)), pipelines.twoStage.records());
    pipelines.assertSameResults(null);
  }

  @Test
  void when_combinerWatermarkPassesWindow_then_partialsPrecedeTheWatermark() throws Exception {
    // Given
    var definition = new WindowDefinition(TumblingEventTimeWindows.of(Duration.ofSeconds(1)),
        WindowOperatorTest.KEY, 0, null, WindowOperatorTest.SUM, null);
    var combiner = OperatorTestHarness.of(new WindowFactories.Combiner(definition)).open();
    combiner.processElement(new Ev("a", 1), 100)
        .processElement(new Ev("a", 2), 900)
        .processElement(new Ev("a", 4), 1100);

    // When
    combiner.processWatermark(999);

    // Then
    var window = new io.vortex.api.window.TimeWindow(0, 1000);
    assertEquals(
        List.of(new Rec(new WindowPartial(window, "a", new Ev("a", 3), 2), 999), new Watermark(999)),
        combiner.take());
  }

  /** An event with a long key, as in W2. */
  record LongEv(long key, long value) {}

  /** Sums values into a mutable accumulator. */
  static final class LongSum implements AggregateFunction<LongEv, long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(LongEv value, long[] acc) {
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

  @Test
  void when_manyLongKeysFillWindowsOfChangingSizes_then_sameResultsAsOneStage() throws Exception {
    // Given windows of thousands of long keys, then of a few hundred (the combiners' and the
    // merge stage's tables of fired windows are cleared and reused, or left for new ones)
    KeySelector<LongEv, Long> key = LongEv::key;
    var definition = new WindowDefinition(TumblingEventTimeWindows.of(Duration.ofMillis(1000)),
        key, 0, null, WindowAggregator.aggregating(new LongSum()), null);
    for (int seed = 0; seed < 3; seed++) {
      var random = new Random(seed);
      var pipelines = new Pipelines(definition, 2);
      List<List<Emitted>> streams = new ArrayList<>();
      for (int p = 0; p < 2; p++) {
        List<Emitted> stream = new ArrayList<>();
        long maxTs = Long.MIN_VALUE;
        long emitted = Long.MIN_VALUE;
        for (int i = 0; i < 12_000; i++) {
          long ts = i - random.nextInt(50);
          int keys = (ts / 1000) % 3 == 0 ? 5_000 : 300;
          stream.add(new Rec(new LongEv(random.nextInt(keys), 1 + random.nextInt(1000)), ts));
          maxTs = Math.max(maxTs, ts);
          long watermark = maxTs - 100 - 1;
          if (watermark > emitted) {
            emitted = watermark;
            stream.add(new Watermark(watermark));
          }
        }
        stream.add(new Watermark(MAX));
        streams.add(stream);
      }

      // When
      interleave(random, streams, pipelines);

      // Then
      pipelines.assertSameResults(null);
      assertTrue(pipelines.single.records().size() > 5_000, "windows of many keys fired");
      assertTrue(pipelines.partials > 0, "the combiners pre-aggregated");
    }
  }
}
