package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.api.DataStream;
import io.vortex.api.OutputTag;
import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.Collector;
import io.vortex.api.function.ProcessFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.tuple.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every stateless and keyed operator family end to end, with exact output. */
@Timeout(60)
class OperatorsIT {
  static MiniCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(2, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static StreamEnvironment env(RuntimeMode mode, int parallelism) {
    return StreamEnvironment.create(cluster).setRuntimeMode(mode).setParallelism(parallelism);
  }

  /** Runs the job to its end and returns what collect sink {@code sink} received. */
  private static <T> List<T> run(StreamEnvironment env, String sink) {
    var job = env.executeAsync("operators");
    job.result().await();
    return job.collected(sink);
  }

  private static <T extends Comparable<T>> List<T> sorted(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    copy.sort(null);
    return copy;
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

  @Test
  void when_mapFilterFlatMap_then_exactOutput() {
    // Given
    var env = env(RuntimeMode.STREAMING, 4);
    env.fromCollection(range(0, 1000))
        .map(x -> x * 3)
        .filter(x -> x % 2 == 0)
        .flatMap((Integer x, Collector<String> out) -> {
          out.collect("v" + x);
          if (x % 4 == 0) {
            out.collect("w" + x);
          }
        })
        .collect("out");

    // When
    List<String> out = run(env, "out");

    // Then
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int x = i * 3;
      if (x % 2 == 0) {
        expected.add("v" + x);
        if (x % 4 == 0) {
          expected.add("w" + x);
        }
      }
    }
    assertEquals(sorted(expected), sorted(out));
  }

  static final OutputTag<String> ODD = new OutputTag<>("odd");
  static final OutputTag<Integer> FIVES = new OutputTag<>("fives");

  /** Evens to the main output, odds (as text) and multiples of five to side outputs. */
  static final class Router extends ProcessFunction<Integer, Integer> {
    @Override
    public void processElement(Integer value, Context ctx, Collector<Integer> out) {
      if (value % 2 == 0) {
        out.collect(value);
      } else {
        ctx.output(ODD, "odd " + value);
      }
      if (value % 5 == 0) {
        ctx.output(FIVES, value);
      }
    }
  }

  @Test
  void when_processWithSideOutputs_then_eachOutputExact() {
    // Given
    var env = env(RuntimeMode.STREAMING, 3);
    DataStream<Integer> routed = env.fromCollection(range(1, 21)).process(new Router()).name("router");
    routed.map(x -> x * 100).collect("main");
    routed.getSideOutput(ODD).collect("odd");
    routed.getSideOutput(FIVES).map(x -> -x).collect("fives");

    // When
    var job = env.executeAsync("side outputs");
    job.result().await();

    // Then
    assertEquals(
        List.of(200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000),
        sorted(job.<Integer>collected("main")));
    assertEquals(
        sorted(List.of("odd 1", "odd 3", "odd 5", "odd 7", "odd 9", "odd 11", "odd 13", "odd 15", "odd 17", "odd 19")),
        sorted(job.<String>collected("odd")));
    assertEquals(List.of(-20, -15, -10, -5), sorted(job.<Integer>collected("fives")));
  }

  private static DataStream<Tuple2<String, Long>> wordCounts(StreamEnvironment env, List<String> lines) {
    return env.fromCollection(lines)
        .setParallelism(1)
        .flatMap((String line, Collector<Tuple2<String, Long>> out) ->
            Arrays.stream(line.split(" ")).forEach(w -> out.collect(Tuple2.of(w, 1L))))
        .keyBy(Tuple2::f0)
        .reduce((a, b) -> Tuple2.of(a.f0(), a.f1() + b.f1()));
  }

  private static final List<String> LINES = List.of("a b a", "c a b", "d");

  @Test
  void when_keyedReduceStreaming_then_everyUpdateInOrderPerKey() {
    // Given
    var env = env(RuntimeMode.STREAMING, 4);
    wordCounts(env, LINES).collect("counts");

    // When
    List<Tuple2<String, Long>> out = run(env, "counts");

    // Then: one update per word, in input order within each key
    Map<String, List<Long>> perKey = new TreeMap<>();
    out.forEach(t -> perKey.computeIfAbsent(t.f0(), k -> new ArrayList<>()).add(t.f1()));
    assertEquals(
        Map.of("a", List.of(1L, 2L, 3L), "b", List.of(1L, 2L), "c", List.of(1L), "d", List.of(1L)), perKey);
  }

  @Test
  void when_keyedReduceBatch_then_finalValuesOnly() {
    // Given
    var env = env(RuntimeMode.BATCH, 4);
    wordCounts(env, LINES).collect("counts");

    // When
    List<Tuple2<String, Long>> out = run(env, "counts");

    // Then
    assertEquals(
        List.of("a=3", "b=2", "c=1", "d=1"),
        sorted(out.stream().map(t -> t.f0() + "=" + t.f1()).toList()));
  }

  @Test
  void when_reduceDoesNotKeepTheKey_then_batchFinalValuesAreTheLastStreamingUpdates() {
    // Given: sums of 0..9999 by last digit; a sum does not have its key's last digit
    List<Long> expected = new ArrayList<>();
    for (long digit = 0; digit < 10; digit++) {
      expected.add(1000 * digit + 10 * (999L * 1000 / 2));
    }

    for (RuntimeMode mode : List.of(RuntimeMode.BATCH, RuntimeMode.STREAMING)) {
      var env = env(mode, 4);
      env.generate(10_000, i -> i).keyBy(i -> i % 10).reduce(Long::sum).collect("sums");

      // When
      List<Long> sums = run(env, "sums");

      // Then: BATCH emits the ten sums; STREAMING's largest ten updates are the same
      List<Long> finals = sorted(sums);
      finals = finals.subList(Math.max(0, finals.size() - 10), finals.size());
      assertEquals(expected, finals, "mode " + mode);
      assertEquals(mode == RuntimeMode.BATCH ? 10 : 10_000, sums.size(), "mode " + mode);
    }
  }

  /** The average of the values of a key, as "key:avg". */
  static final class Average implements AggregateFunction<Integer, long[], String> {
    @Override
    public long[] createAccumulator() {
      return new long[3]; // key, sum, count
    }

    @Override
    public long[] add(Integer value, long[] acc) {
      acc[0] = value % 3;
      acc[1] += value;
      acc[2]++;
      return acc;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0], a[1] + b[1], a[2] + b[2]};
    }

    @Override
    public String getResult(long[] acc) {
      return acc[0] + ":" + ((double) acc[1] / acc[2]);
    }
  }

  private static DataStream<String> averages(StreamEnvironment env) {
    return env.fromCollection(range(1, 10)).setParallelism(1).keyBy(x -> x % 3).aggregate(new Average());
  }

  @Test
  void when_keyedAggregateStreaming_then_everyUpdate() {
    // Given
    var env = env(RuntimeMode.STREAMING, 4);
    averages(env).collect("avg");

    // When
    List<String> out = run(env, "avg");

    // Then: key 0 sees 3, 6, 9; key 1 sees 1, 4, 7; key 2 sees 2, 5, 8
    Map<String, List<String>> perKey = new TreeMap<>();
    out.forEach(s -> perKey.computeIfAbsent(s.substring(0, 1), k -> new ArrayList<>()).add(s));
    assertEquals(
        Map.of(
            "0", List.of("0:3.0", "0:4.5", "0:6.0"),
            "1", List.of("1:1.0", "1:2.5", "1:4.0"),
            "2", List.of("2:2.0", "2:3.5", "2:5.0")),
        perKey);
  }

  @Test
  void when_keyedAggregateBatch_then_finalValuesOnlyMergedFromPartials() {
    // Given: the source at parallelism 4 so each key's partials come from several combiners
    var env = env(RuntimeMode.BATCH, 4);
    env.fromCollection(range(1, 10)).keyBy(x -> x % 3).aggregate(new Average()).collect("avg");

    // When
    List<String> out = run(env, "avg");

    // Then
    assertEquals(List.of("0:6.0", "1:4.0", "2:5.0"), sorted(out));
  }

  @Test
  void when_union_then_recordsOfAllInputs() {
    // Given
    var env = env(RuntimeMode.STREAMING, 2);
    var letters = env.fromElements("a", "b");
    var more = env.fromElements("c");
    var generated = env.generate(3, i -> "g" + i);
    letters.union(more, generated).map(String::toUpperCase).collect("all");

    // When
    List<String> out = run(env, "all");

    // Then
    assertEquals(List.of("A", "B", "C", "G0", "G1", "G2"), sorted(out));
  }

  /** Tags each record with the subtask that saw it. */
  static final class TagSubtask extends ProcessFunction<String, String> {
    private int subtask;

    @Override
    public void open(RuntimeContext context) {
      subtask = context.subtaskIndex();
    }

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
      out.collect(subtask + ":" + value);
    }
  }

  @Test
  void when_rebalance_then_roundRobinOverAllSubtasks() {
    // Given
    var env = env(RuntimeMode.STREAMING, 4);
    List<String> input = IntStream.range(0, 12).mapToObj(i -> "r" + i).toList();
    env.fromCollection(input).setParallelism(1).rebalance().process(new TagSubtask()).collect("tagged");

    // When
    List<String> out = run(env, "tagged");

    // Then: record i on subtask i mod 4
    List<String> expected = IntStream.range(0, 12).mapToObj(i -> (i % 4) + ":r" + i).toList();
    assertEquals(sorted(expected), sorted(out));
  }

  @Test
  void when_broadcast_then_everySubtaskSeesEveryRecord() {
    // Given
    var env = env(RuntimeMode.STREAMING, 3);
    env.fromElements("x", "y").setParallelism(1).broadcast().process(new TagSubtask()).collect("tagged");

    // When
    List<String> out = run(env, "tagged");

    // Then
    assertEquals(List.of("0:x", "0:y", "1:x", "1:y", "2:x", "2:y"), sorted(out));
  }

  /** Word counts and per-key averages over a bounded input: the same pipeline for every run. */
  private static void pipeline(StreamEnvironment env) {
    var words = env.generate(20_000, i -> "w" + (i * 7919 % 101));
    words.map(w -> Tuple2.of(w, 1L))
        .keyBy(Tuple2::f0)
        .reduce((a, b) -> Tuple2.of(a.f0(), a.f1() + b.f1()))
        .map(t -> t.f0() + "=" + t.f1())
        .collect("counts");
    env.generate(5_000, i -> (int) (i % 1000)).keyBy(x -> x % 3).aggregate(new Average()).collect("avg");
  }

  /** The last value per key: the final result in STREAMING (updates of a key come in order). */
  private static List<String> finalValues(List<String> updates, String separator) {
    Map<String, String> last = new LinkedHashMap<>();
    for (String u : updates) {
      last.put(u.substring(0, u.indexOf(separator)), u);
    }
    return sorted(new ArrayList<>(last.values()));
  }

  private static List<List<String>> finalResults(RuntimeMode mode, int parallelism) {
    var env = env(mode, parallelism);
    pipeline(env);
    var job = env.executeAsync("equality " + mode + " p=" + parallelism);
    job.result().await();
    return List.of(
        finalValues(job.collected("counts"), "="), finalValues(job.collected("avg"), ":"));
  }

  @Test
  void when_boundedInputInStreamingAndBatch_then_sameFinalResults() {
    // Given / When
    List<List<String>> streaming = finalResults(RuntimeMode.STREAMING, 4);
    List<List<String>> batch = finalResults(RuntimeMode.BATCH, 4);

    // Then
    assertEquals(batch, streaming);
    assertEquals(101, batch.get(0).size());
    assertEquals(20_000L, batch.get(0).stream().mapToLong(s -> Long.parseLong(s.split("=")[1])).sum());
    assertEquals(List.of("0:499.5", "1:499.0", "2:500.0"), batch.get(1));
  }

  @Test
  void when_parallelismOneOrFour_then_sameFinalResults() {
    for (RuntimeMode mode : List.of(RuntimeMode.BATCH, RuntimeMode.STREAMING)) {
      // Given / When
      List<List<String>> one = finalResults(mode, 1);
      List<List<String>> four = finalResults(mode, 4);

      // Then
      assertEquals(one, four, "mode " + mode);
      assertEquals(101, four.get(0).size(), "mode " + mode);
    }
  }
}
