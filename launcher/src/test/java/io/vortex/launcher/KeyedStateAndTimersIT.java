package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobCancelledException;
import io.vortex.api.client.JobClient;
import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.Collector;
import io.vortex.api.function.KeyedProcessFunction;
import io.vortex.api.function.ProcessFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.state.AggregatingState;
import io.vortex.api.state.ListState;
import io.vortex.api.state.MapState;
import io.vortex.api.state.ReducingState;
import io.vortex.api.state.StateDescriptor;
import io.vortex.api.state.ValueState;
import io.vortex.api.time.WatermarkStrategy;
import io.vortex.launcher.TestSources.Timestamped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** KeyedProcessFunction end to end: every kind of keyed state, event-time and processing-time timers. */
@Timeout(60)
class KeyedStateAndTimersIT {
  static MiniCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(2, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  /** The largest of the values added. */
  static final class Max implements AggregateFunction<Integer, int[], Integer> {
    @Override
    public int[] createAccumulator() {
      return new int[] {Integer.MIN_VALUE};
    }

    @Override
    public int[] add(Integer value, int[] acc) {
      acc[0] = Math.max(acc[0], value);
      return acc;
    }

    @Override
    public int[] merge(int[] a, int[] b) {
      return new int[] {Math.max(a[0], b[0])};
    }

    @Override
    public Integer getResult(int[] acc) {
      return acc[0];
    }
  }

  /**
   * Uses all five kinds of keyed state on records "key:value"; the value 0 clears the key's
   * state. Emits a summary per record.
   */
  static final class AllStates extends KeyedProcessFunction<String, String, String> {
    private ValueState<Integer> last;
    private ListState<Integer> all;
    private MapState<Integer, Integer> occurrences;
    private ReducingState<Integer> sum;
    private AggregatingState<Integer, Integer> max;

    @Override
    public void open(RuntimeContext context) {
      last = context.state().getState(StateDescriptor.value("last"));
      all = context.state().getState(StateDescriptor.list("all"));
      occurrences = context.state().getState(StateDescriptor.map("occurrences"));
      sum = context.state().getState(StateDescriptor.reducing("sum", Integer::sum));
      max = context.state().getState(StateDescriptor.aggregating("max", new Max()));
    }

    @Override
    public void processElement(String record, Context<String> ctx, Collector<String> out) throws Exception {
      int value = Integer.parseInt(record.split(":")[1]);
      if (value == 0) {
        last.clear();
        all.clear();
        occurrences.clear();
        sum.clear();
        max.clear();
        out.collect(ctx.getCurrentKey() + " cleared");
        return;
      }
      Integer previous = last.value();
      last.update(value);
      all.add(value);
      Integer seen = occurrences.get(value);
      occurrences.put(value, seen == null ? 1 : seen + 1);
      sum.add(value);
      max.add(value);
      out.collect(ctx.getCurrentKey() + " prev=" + previous + " all=" + all.get()
          + " occ=" + new TreeMap<>(occurrences.entries()) + " sum=" + sum.get() + " max=" + max.get());
    }
  }

  @Test
  void when_everyStateKindUsed_then_scopedToTheKeyAndExact() {
    // Given: keys spread over two subtasks, in input order per key
    var env = StreamEnvironment.create(cluster).setParallelism(2).setRuntimeMode(RuntimeMode.STREAMING);
    env.fromElements("a:1", "b:5", "a:3", "a:3", "b:2", "a:0", "a:7")
        .setParallelism(1)
        .keyBy(r -> r.split(":")[0])
        .process(new AllStates())
        .collect("out");

    // When
    var job = env.executeAsync("state kinds");
    job.result().await();

    // Then
    Map<String, List<String>> perKey = new TreeMap<>();
    job.<String>collected("out").forEach(s -> perKey.computeIfAbsent(s.substring(0, 1), k -> new ArrayList<>()).add(s));
    assertEquals(
        Map.of(
            "a", List.of(
                "a prev=null all=[1] occ={1=1} sum=1 max=1",
                "a prev=1 all=[1, 3] occ={1=1, 3=1} sum=4 max=3",
                "a prev=3 all=[1, 3, 3] occ={1=1, 3=2} sum=7 max=3",
                "a cleared",
                "a prev=null all=[7] occ={7=1} sum=7 max=7"),
            "b", List.of(
                "b prev=null all=[5] occ={5=1} sum=5 max=5",
                "b prev=5 all=[5, 2] occ={2=1, 5=1} sum=7 max=5")),
        perKey);
  }

  /**
   * On each "key:time" record registers an event-time timer 10 ms later (a duplicate collapses;
   * "key:-time" deletes one); emits "key@time" when it fires, with the timer's timestamp.
   */
  static final class EventTimers extends KeyedProcessFunction<String, String, String> {
    @Override
    public void processElement(String record, Context<String> ctx, Collector<String> out) {
      long t = Long.parseLong(record.split(":")[1]);
      if (t < 0) {
        ctx.timerService().deleteEventTimeTimer(-t + 10);
      } else {
        ctx.timerService().registerEventTimeTimer(t + 10);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
      boolean passed = ctx.timerService().currentWatermark() >= timestamp;
      out.collect(ctx.getCurrentKey() + "@" + timestamp + " " + ctx.timeDomain() + (passed ? " passed" : " EARLY"));
    }
  }

  /** Appends the record's timestamp. */
  static final class ShowTimestamp extends ProcessFunction<String, String> {
    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
      out.collect(value + " ts=" + ctx.timestamp());
    }
  }

  @Test
  void when_eventTimeTimers_then_fireInTimeOrderAsTheWatermarkPasses() {
    // Given: monotonous timestamps taken from the records
    var env = StreamEnvironment.create(cluster).setParallelism(1).setRuntimeMode(RuntimeMode.STREAMING);
    env.fromElements("a:1", "a:1", "b:3", "a:5", "c:6", "c:-6", "a:12", "b:20")
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<String>forMonotonousTimestamps()
                .withTimestampAssigner((r, ts) -> Math.abs(Long.parseLong(r.split(":")[1]))))
        .keyBy(r -> r.split(":")[0])
        .process(new EventTimers())
        .process(new ShowTimestamp())
        .collect("fired");

    // When
    var job = env.executeAsync("event-time timers");
    job.result().await();

    // Then: in time order, each only once the watermark passed it (a step's watermarks reach
    // the next task as the step's newest one, so several may fire on one watermark); c's timer
    // was deleted, a's duplicate fired once
    assertEquals(
        List.of(
            "a@11 EVENT_TIME passed ts=11",
            "b@13 EVENT_TIME passed ts=13",
            "a@15 EVENT_TIME passed ts=15",
            "a@22 EVENT_TIME passed ts=22",
            "b@30 EVENT_TIME passed ts=30"),
        job.collected("fired"));
  }

  /**
   * Registers processing-time timers: "a" twice at the same time (fires once), "b" registers and
   * deletes, "c" registers later than both; each firing emits "key fired DOMAIN late?".
   */
  static final class ProcessingTimers extends KeyedProcessFunction<String, String, String> {
    @Override
    public void processElement(String key, Context<String> ctx, Collector<String> out) {
      long now = ctx.timerService().currentProcessingTime();
      switch (key) {
        case "a" -> {
          ctx.timerService().registerProcessingTimeTimer(now + 20);
          ctx.timerService().registerProcessingTimeTimer(now + 20);
        }
        case "b" -> {
          ctx.timerService().registerProcessingTimeTimer(now + 20);
          ctx.timerService().deleteProcessingTimeTimer(now + 20);
        }
        default -> ctx.timerService().registerProcessingTimeTimer(now + 200);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext<String> ctx, Collector<String> out) {
      boolean onTime = ctx.timerService().currentProcessingTime() >= timestamp;
      out.collect(ctx.getCurrentKey() + " fired " + ctx.timeDomain() + (onTime ? "" : " EARLY"));
    }
  }

  @Test
  void when_processingTimeTimers_then_fireOnceAfterTheirTimeUnlessDeleted() {
    // Given: an unbounded source that goes quiet, so the job lives until the timers are due
    String sink = "processing-timers-" + UUID.randomUUID();
    var env = StreamEnvironment.create(cluster).setParallelism(2);
    env.fromSource(TestSources.<String>quiet(List.of(List.of("a", "b", "c"))), "keys")
        .keyBy(k -> k)
        .process(new ProcessingTimers())
        .sinkTo(TestSinks.toQueue(sink));

    // When
    JobClient job = env.executeAsync("processing-time timers");
    Await.until("c's timer", Duration.ofSeconds(10), () -> TestSinks.received(sink).contains("c fired PROCESSING_TIME"),
        () -> TestSinks.received(sink));
    job.cancel().await();

    // Then: b's deleted timer (due long before c's) never fired, a's fired once
    assertEquals(
        new TreeSet<>(List.of("a fired PROCESSING_TIME", "c fired PROCESSING_TIME")),
        new TreeSet<>(TestSinks.<String>received(sink)));
    assertEquals(2, TestSinks.received(sink).size());
    assertThrows(JobCancelledException.class, () -> job.result().await());
  }

  @Test
  void when_timersOnManyKeysOverSubtasks_then_eachFiresOnceForItsKey() {
    // Given: 200 keys over 4 subtasks, two timers per key
    var env = StreamEnvironment.create(cluster).setParallelism(4).setRuntimeMode(RuntimeMode.STREAMING);
    List<Timestamped<String>> input = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int k = 0; k < 200; k++) {
      input.add(new Timestamped<>("k" + k + ":" + k, k));
      input.add(new Timestamped<>("k" + k + ":" + (k + 1000), k + 1000));
      expected.add("k" + k + "@" + (k + 10));
      expected.add("k" + k + "@" + (k + 1010));
    }
    input.sort((x, y) -> Long.compare(x.timestamp(), y.timestamp()));
    env.fromCollection(input.stream().map(Timestamped::value).toList())
        .setParallelism(1)
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<String>forMonotonousTimestamps()
                .withTimestampAssigner((r, ts) -> Long.parseLong(r.split(":")[1])))
        .keyBy(r -> r.split(":")[0])
        .process(new EventTimers())
        .map(s -> s.split(" ")[0])
        .collect("fired");

    // When
    var job = env.executeAsync("timers on many keys");
    job.result().await();

    // Then
    List<String> fired = new ArrayList<>(job.collected("fired"));
    fired.sort(null);
    expected.sort(null);
    assertEquals(expected, fired);
  }
}
