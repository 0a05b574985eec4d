package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.DataStream;
import io.vortex.api.OutputTag;
import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.TaskFailureException;
import io.vortex.api.function.Collector;
import io.vortex.api.function.KeyedProcessFunction;
import io.vortex.api.function.ProcessFunction;
import io.vortex.api.function.ReduceFunction;
import io.vortex.api.function.RichFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.time.WatermarkStrategy;
import io.vortex.api.window.TumblingEventTimeWindows;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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

  static final OutputTag<String> NOTE = new OutputTag<>("note");

  /** Passes records on and notes each one, with its own name, to the side output "note". */
  static final class Noting extends ProcessFunction<Integer, Integer> {
    private final String name;

    Noting(String name) {
      this.name = name;
    }

    @Override
    public void processElement(Integer value, Context ctx, Collector<Integer> out) {
      out.collect(value);
      ctx.output(NOTE, name + " " + value);
    }
  }

  @Test
  void when_chainedOperatorsUseEqualTags_then_eachSideOutputHasOnlyItsOperatorsRecords() {
    // Given: two chained process functions, each with a side output "note"
    var env = env(RuntimeMode.STREAMING);
    DataStream<Integer> first = env.fromElements(1, 2, 3).process(new Noting("first")).name("first");
    DataStream<Integer> second = first.process(new Noting("second")).name("second");
    first.getSideOutput(NOTE).collect("first-notes");
    second.getSideOutput(NOTE).collect("second-notes");
    second.collect("main");

    // When
    var job = env.executeAsync("side outputs in a chain");
    job.result().await();

    // Then: a side record belongs to the operator that emitted it (as in Flink)
    assertEquals(List.of("first 1", "first 2", "first 3"), sorted(job.<String>collected("first-notes")));
    assertEquals(List.of("second 1", "second 2", "second 3"), sorted(job.<String>collected("second-notes")));
    assertEquals(List.of(1, 2, 3), sorted(job.<Integer>collected("main")));
  }

  private static <T extends Comparable<T>> List<T> sorted(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    copy.sort(null);
    return copy;
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

  /** Registers a processing-time timer in the year 2096 for each key; emits the key when it fires. */
  static final class FarFuture extends KeyedProcessFunction<String, String, String> {
    @Override
    public void processElement(String key, Context<String> ctx, Collector<String> out) {
      ctx.timerService().registerProcessingTimeTimer(4_000_000_000_000L); // one per key
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
      env.fromElements("a", "b", "c", "a").keyBy(k -> k).process(new FarFuture()).collect("fired");

      // When
      List<String> fired = run(env, "fired");

      // Then: once per key, as windows fire theirs (Flink's FLIP-269 default)
      assertEquals(List.of("a PROCESSING_TIME", "b PROCESSING_TIME", "c PROCESSING_TIME"), fired, mode.toString());
    }
  }

  @Test
  void when_keyIsAnArrayKnownOnlyAtRunTime_then_jobFailsNamingTheOperatorAndTheKeyType() {
    // Given: a selector whose declared key type (Object) says nothing; its keys are arrays
    var env = env(RuntimeMode.STREAMING);
    env.fromElements(1, 2, 3, 1).map(x -> x).name("numbers")
        .keyBy(x -> (Object) new int[] {x})
        .reduce((a, b) -> a + b)
        .collect("never");

    // When
    var job = env.executeAsync("array keys");
    var failure = assertThrows(TaskFailureException.class, () -> job.result().await());

    // Then: refused, not every record its own key
    assertEquals("numbers", failure.operator());
    assertTrue(failure.getMessage().contains("int[]") && failure.getMessage().contains("keyBy"),
        failure.getMessage());
  }

  @TempDir Path dir;

  @Test
  void when_fraudTimestampsNearTheLimitsOfLong_then_noOverflow() throws Exception {
    // Given: a small then a large transaction 10^19 ms apart (their difference overflows a long),
    // and a pair starting at Long.MIN_VALUE, 60 s apart
    Path input = dir.resolve("transactions.csv");
    Files.write(input, List.of(
        "-5000000000000000000,far,0.50",
        "5000000000000000000,far,900.00",
        Long.MIN_VALUE + ",early,0.50",
        (Long.MIN_VALUE + 60_000) + ",early,600.00"), StandardCharsets.UTF_8);

    for (String mode : List.of("streaming", "batch")) {
      // When
      Path output = dir.resolve("alerts-" + mode);
      ExamplesIT.runCommand("local", "--example", "fraud-detection", "--input", input.toString(),
          "--output", output.toString(), "--parallelism", "2", "--mode", mode);

      // Then: no alert for the pair 10^19 ms apart; Long.MIN_VALUE is an ordinary, early time
      assertEquals(List.of("early," + (Long.MIN_VALUE + 60_000) + ",600.00"), ExamplesIT.readLines(output), mode);
    }
  }
}
