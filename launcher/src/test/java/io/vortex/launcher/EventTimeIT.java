package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobClient;
import io.vortex.api.function.Collector;
import io.vortex.api.function.KeyedProcessFunction;
import io.vortex.api.source.GeneratorSource;
import io.vortex.api.time.WatermarkStrategy;
import io.vortex.launcher.TestSources.Timestamped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timestamps and watermarks end to end: generators, the minimum over inputs, idleness. */
@Timeout(60)
class EventTimeIT {
  static MiniCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(2, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  /**
   * Emits "late ts" for every record at or behind the operator's watermark, and registers an
   * event-time timer at each record's timestamp, emitting "timer t" when it fires.
   */
  static final class LatenessProbe extends KeyedProcessFunction<Integer, Long, String> {
    @Override
    public void processElement(Long value, Context<Integer> ctx, Collector<String> out) {
      if (ctx.timestamp() <= ctx.timerService().currentWatermark()) {
        out.collect("late " + ctx.timestamp());
      }
      ctx.timerService().registerEventTimeTimer(ctx.timestamp());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<Integer> ctx, Collector<String> out) {
      out.collect("timer " + timestamp);
    }
  }

  private static List<String> lateRecords(List<Long> timestamps, WatermarkStrategy<Long> strategy) {
    var env = StreamEnvironment.create(cluster).setParallelism(1).setRuntimeMode(RuntimeMode.STREAMING);
    env.fromCollection(timestamps)
        .assignTimestampsAndWatermarks(strategy.withTimestampAssigner((t, previous) -> t))
        .keyBy(t -> 0)
        .process(new LatenessProbe())
        .filter(s -> s.startsWith("late"))
        .collect("late");
    var job = env.executeAsync("lateness");
    job.result().await();
    return job.collected("late");
  }

  @Test
  void when_boundedOutOfOrderness_then_onlyRecordsBeyondTheBoundAreLate() {
    // Given: watermark = max timestamp - 5 - 1
    List<Long> timestamps = List.of(10L, 7L, 12L, 6L, 7L, 20L, 15L, 14L, 21L);

    // When
    List<String> late = lateRecords(timestamps, WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(5)));

    // Then: after 12 the watermark is 6 (6 is late, 7 is not); after 20 it is 14
    assertEquals(List.of("late 6", "late 14"), late);
  }

  @Test
  void when_monotonousTimestamps_then_equalTimestampsOnTimeAndRegressionsLate() {
    // Given: watermark = max timestamp - 1
    List<Long> timestamps = List.of(1L, 2L, 2L, 3L, 1L, 5L, 4L, 5L);

    // When
    List<String> late = lateRecords(timestamps, WatermarkStrategy.forMonotonousTimestamps());

    // Then
    assertEquals(List.of("late 1", "late 4"), late);
  }

  @Test
  void when_parallelSourcesAtDifferentEventTimes_then_watermarkIsTheMinimum() {
    // Given: instance 0 of the source emits timestamps 0, 2, 4, ...; instance 1 emits 1_000_001,
    // 1_000_003, ...: if the slow instance did not hold the watermark back, its records would
    // be late and their timers would fire out of order
    int count = 20_000;
    var env = StreamEnvironment.create(cluster).setParallelism(2).setRuntimeMode(RuntimeMode.STREAMING).setBatchSize(64);
    env.fromSource(GeneratorSource.of(count, i -> i % 2 == 0 ? i : 1_000_000 + i), "two speeds")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((t, p) -> t))
        .keyBy(t -> 0)
        .process(new LatenessProbe())
        .setParallelism(1)
        .collect("out")
        .setParallelism(1);

    // When
    var job = env.executeAsync("watermark minimum");
    job.result().await();

    // Then: no late record, every timer in time order
    List<String> out = job.collected("out");
    List<String> expected = LongStream.range(0, count)
        .map(i -> i % 2 == 0 ? i : 1_000_000 + i)
        .sorted()
        .mapToObj(t -> "timer " + t)
        .toList();
    LongLists.assertSameList(expected, out);
  }

  /** Emits "timer t" for an event-time timer at each record's timestamp. */
  static final class TimerPerRecord extends KeyedProcessFunction<Integer, Long, String> {
    @Override
    public void processElement(Long value, Context<Integer> ctx, Collector<String> out) {
      ctx.timerService().registerEventTimeTimer(ctx.timestamp());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<Integer> ctx, Collector<String> out) {
      out.collect("timer " + timestamp);
    }
  }

  @Test
  void when_oneSourceInstanceIdle_then_eventTimeStillAdvances() {
    // Given: an endless, paced generator at parallelism 2 whose odd records (all of instance 1)
    // are filtered out before timestamps are assigned: instance 1 never sees a record
    String sink = "idle-" + UUID.randomUUID();
    var env = StreamEnvironment.create(cluster).setParallelism(2);
    env.fromSource(GeneratorSource.unbounded(i -> i).withRate(400), "endless")
        .filter(i -> i % 2 == 0)
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((t, p) -> t)
                .withIdleness(Duration.ofMillis(50)))
        .keyBy(t -> 0)
        .process(new TimerPerRecord())
        .setParallelism(1)
        .sinkTo(TestSinks.toQueue(sink))
        .setParallelism(1);

    // When
    JobClient job = env.executeAsync("idleness");
    Await.until("timers 0..20 to fire", Duration.ofSeconds(10),
        () -> TestSinks.received(sink).size() >= 11, () -> TestSinks.received(sink));
    job.cancel().await();

    // Then: timers fire in order while the source runs, although instance 1 sent no watermark
    List<String> fired = TestSinks.received(sink);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < fired.size(); i++) {
      expected.add("timer " + (2 * i));
    }
    assertEquals(expected, fired);
  }

  /** Like {@link TimerPerRecord}, and opens gate {@code gate} once it holds the timer at 0. */
  static final class TimerPerRecordOpeningGateAtZero extends KeyedProcessFunction<Integer, Long, String> {
    private final String gate;

    TimerPerRecordOpeningGateAtZero(String gate) {
      this.gate = gate;
    }

    @Override
    public void processElement(Long value, Context<Integer> ctx, Collector<String> out) {
      ctx.timerService().registerEventTimeTimer(ctx.timestamp());
      if (ctx.timestamp() == 0) {
        TestSources.open(gate);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<Integer> ctx, Collector<String> out) {
      out.collect("timer " + timestamp);
    }
  }

  @Test
  void when_everySourceInstanceGoesQuiet_then_watermarkOfTheLastRecordsGoesThrough() {
    // Given: instance 1 emits timestamp 0 (watermark -1) and goes quiet; instance 0 waits until
    // the timer at 0 is registered downstream (a gate, not a delay: under load instance 1 may
    // turn idle before its first record, and then 0 would come behind watermark 9), emits
    // timestamps 1..10 and goes quiet too. Neither ends. Once both are idle (100 ms), no open
    // input holds event time back, whichever turned idle first.
    String sink = "quiet-" + UUID.randomUUID();
    String gate = "timer-0-registered-" + UUID.randomUUID();
    List<Object> first = new ArrayList<>();
    first.add(new TestSources.Gate(gate));
    for (long t = 1; t <= 10; t++) {
      first.add(new Timestamped<>(t, t));
    }
    List<Object> second = List.of(new Timestamped<>(0L, 0L));
    var env = StreamEnvironment.create(cluster).setParallelism(2);
    env.fromSource(TestSources.<Long>quiet(List.of(first, second)), "quiet")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withIdleness(Duration.ofMillis(100)))
        .keyBy(t -> 0)
        .process(new TimerPerRecordOpeningGateAtZero(gate))
        .setParallelism(1)
        .sinkTo(TestSinks.toQueue(sink))
        .setParallelism(1);

    // When
    JobClient job = env.executeAsync("all idle");
    Await.until("timers 0..9 to fire", Duration.ofSeconds(10),
        () -> TestSinks.received(sink).size() >= 10, () -> TestSinks.received(sink));
    job.cancel().await();

    // Then: the highest watermark, 9 (monotonous: max 10 - 1), went through, no further
    List<String> expected = LongStream.rangeClosed(0, 9).mapToObj(t -> "timer " + t).toList();
    assertEquals(expected, TestSinks.received(sink));
    assertTrue(job.result().failed());
  }
}
