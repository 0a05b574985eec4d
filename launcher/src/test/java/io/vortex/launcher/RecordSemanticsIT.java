package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.function.Collector;
import io.vortex.api.function.KeyedProcessFunction;
import io.vortex.api.function.ReduceFunction;
import io.vortex.api.function.RichFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.time.WatermarkStrategy;
import io.vortex.api.window.TumblingEventTimeWindows;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No record lost or duplicated without an error: side outputs within a chain, watermarks of
 * operators that hold records, user-function life cycles, timers at the end of input, key
 * hashing and time arithmetic at the limits of {@code long}. Exact output, end to end.
 */
@Timeout(60)
class RecordSemanticsIT {
  static MiniCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(1, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static StreamEnvironment env(RuntimeMode mode) {
    return StreamEnvironment.create(cluster).setRuntimeMode(mode).setParallelism(2);
  }

  /** Runs the job to its end and returns what collect sink {@code sink} received, sorted. */
  private static <T extends Comparable<T>> List<T> run(StreamEnvironment env, String sink) {
    var job = env.executeAsync("record semantics");
    job.result().await();
    List<T> out = new ArrayList<>(job.collected(sink));
    out.sort(null);
    return out;
  }

  /** An event of {@code key} with {@code value} at event time {@code ts}. */
  record Ev(String key, long value, long ts) implements Serializable {}

  @Test
  void when_eventTimeWindowAfterKeyedReduce_then_batchGivesWhatStreamingGives() {
    // Given: key k<i>'s events all fall into the window [i s, (i+1) s), in time order
    List<Ev> input = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      for (int j = 0; j < 10; j++) {
        input.add(new Ev("k" + i, 1, i * 1000L + j * 10));
      }
      expected.add("k" + i + ",10");
    }

    for (RuntimeMode mode : List.of(RuntimeMode.STREAMING, RuntimeMode.BATCH)) {
      // When: a running count per key, then the largest count per key and window
      var env = env(mode);
      env.fromCollection(input).setParallelism(1)
          .assignTimestampsAndWatermarks(
              WatermarkStrategy.<Ev>forMonotonousTimestamps().withTimestampAssigner((e, t) -> e.ts()))
          .setParallelism(1)
          .keyBy(Ev::key)
          .reduce((a, b) -> new Ev(a.key(), a.value() + b.value(), Math.max(a.ts(), b.ts())))
          .keyBy(Ev::key)
          .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
          .reduce((a, b) -> a.value() >= b.value() ? a : b)
          .map(e -> e.key() + "," + e.value())
          .collect("out");

      // Then: nothing is dropped as late in either mode
      assertEquals(expected, run(env, "out"), mode.toString());
    }
  }

  /** A sum whose zero is set in {@code open}: a NullPointerException unless it was opened. */
  static final class OpenedSum implements ReduceFunction<Long>, RichFunction {
    private transient Long zero;

    @Override
    public void open(RuntimeContext context) {
      zero = 0L;
    }

    @Override
    public Long reduce(Long a, Long b) {
      return zero + a + b;
    }
  }

  @Test
  void when_richReduceInBatch_then_openedWhereverItRuns() {
    for (RuntimeMode mode : List.of(RuntimeMode.STREAMING, RuntimeMode.BATCH)) {
      // Given: BATCH also runs the reduce in the combiner before the shuffle
      var env = env(mode);
      env.fromCollection(LongStream.range(0, 30).boxed().toList()).setParallelism(1)
          .keyBy(x -> x % 3)
          .reduce(new OpenedSum())
          .collect("sums");

      // When
      List<Long> sums = run(env, "sums");

      // Then: STREAMING every running sum, BATCH each key's final sum
      List<Long> expected = new ArrayList<>();
      for (long k = 0; k < 3; k++) {
        long sum = 0;
        for (long x = k; x < 30; x += 3) {
          sum += x;
          if (mode == RuntimeMode.STREAMING || x + 3 >= 30) {
            expected.add(sum);
          }
        }
      }
      expected.sort(null);
      assertEquals(expected, sums, mode.toString());
    }
  }

  /** Registers a processing-time timer an hour ahead for each key; emits the key when it fires. */
  static final class HourLater extends KeyedProcessFunction<String, String, String> {
    @Override
    public void processElement(String key, Context<String> ctx, Collector<String> out) {
      ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 3_600_000);
    }

    @Override
    public void onTimer(long time, OnTimerContext<String> ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + " " + ctx.timeDomain());
    }
  }

  @Test
  void when_boundedInputEndsWithProcessingTimersPending_then_theyFire() {
    for (RuntimeMode mode : List.of(RuntimeMode.STREAMING, RuntimeMode.BATCH)) {
      // Given
      var env = env(mode);
      env.fromElements("a", "b", "c", "a").keyBy(k -> k).process(new HourLater()).collect("fired");

      // When
      List<String> fired = run(env, "fired");

      // Then: once per key, as windows fire theirs (Flink's FLIP-269 default)
      assertEquals(List.of("a PROCESSING_TIME", "b PROCESSING_TIME", "c PROCESSING_TIME"), fired, mode.toString());
    }
  }
}
