package io.vortex.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.graph.JobEdge;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.JobVertex;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.graph.OperatorSpec;
import io.vortex.api.graph.Partitioning;
import io.vortex.api.internal.UserCode;
import io.vortex.api.function.KeySelector;
import io.vortex.api.internal.operators.WindowFactories;
import io.vortex.api.internal.operators.WindowPartial;
import io.vortex.api.window.TimeWindow;
import io.vortex.api.time.WatermarkStrategy;
import io.vortex.api.window.EventTimeSessionWindows;
import io.vortex.api.window.SlidingEventTimeWindows;
import io.vortex.api.window.TumblingEventTimeWindows;
import io.vortex.api.window.TumblingProcessingTimeWindows;
import io.vortex.api.window.WindowAssigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The window API builds the graph a Flink user expects, with combiners only where safe. */
class WindowedStreamTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  private static StreamEnvironment env() {
    return StreamEnvironment.create(graph -> {
      throw new UnsupportedOperationException("not submitted in this test");
    }).setParallelism(2).setRuntimeMode(RuntimeMode.STREAMING);
  }

  private static KeyedStream<Long, Long> keyed(StreamEnvironment env) {
    return env.fromElements(1L, 2L, 3L)
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, t) -> v))
        .keyBy(v -> v % 2);
  }

  private static JobGraph graph(Function<KeyedStream<Long, Long>, DataStream<?>> windowed) {
    var env = env();
    windowed.apply(keyed(env)).collect("out");
    return env.buildJobGraph("test");
  }

  private static List<OperatorSpec> specs(JobGraph graph) {
    List<OperatorSpec> all = new ArrayList<>();
    for (JobVertex v : graph.vertices()) {
      all.addAll(v.chain());
    }
    return all;
  }

  private static OperatorSpec only(JobGraph graph, OperatorKind kind) {
    List<OperatorSpec> found = specs(graph).stream().filter(s -> s.kind() == kind).toList();
    assertEquals(1, found.size(), "one " + kind + " in " + graph.vertices());
    return found.get(0);
  }

  private static JobVertex vertexOf(JobGraph graph, OperatorKind kind) {
    return graph.vertices().stream()
        .filter(v -> v.chain().stream().anyMatch(s -> s.kind() == kind))
        .findFirst()
        .orElseThrow();
  }

  private static WindowFactories.Keyed windowFactory(JobGraph graph) {
    return UserCode.deserialize(only(graph, OperatorKind.WINDOW).factory(), WindowedStreamTest.class.getClassLoader());
  }

  private static boolean hasCombiner(JobGraph graph) {
    return specs(graph).stream().anyMatch(s -> s.kind() == OperatorKind.LOCAL_AGGREGATE);
  }

  @Test
  void when_tumblingEventTimeReduce_then_combinerChainedBeforeTheKeyedExchange() {
    // Given / When
    var graph = graph(k -> k.window(TumblingEventTimeWindows.of(SECOND)).reduce(Long::sum));

    // Then
    JobVertex source = vertexOf(graph, OperatorKind.SOURCE);
    assertEquals(
        List.of(OperatorKind.SOURCE, OperatorKind.TIMESTAMPS, OperatorKind.LOCAL_AGGREGATE),
        source.chain().stream().map(OperatorSpec::kind).toList());
    JobVertex window = vertexOf(graph, OperatorKind.WINDOW);
    List<JobEdge> in = graph.inputsOf(window.id());
    assertEquals(1, in.size());
    assertEquals(Partitioning.HASH, in.get(0).partitioning());
    assertEquals(source.id(), in.get(0).source());
    assertTrue(windowFactory(graph).preAggregated());
  }

  @Test
  void when_combinersFeedTheWindow_then_edgeKeysBothPartialsAndRecords() throws Exception {
    // Given
    var graph = graph(k -> k.window(TumblingEventTimeWindows.of(SECOND)).reduce(Long::sum));
    JobEdge edge = graph.inputsOf(vertexOf(graph, OperatorKind.WINDOW).id()).get(0);

    // When
    KeySelector<Object, Object> key =
        UserCode.deserialize(edge.keySelector(), WindowedStreamTest.class.getClassLoader());

    // Then
    var partial = new WindowPartial(new TimeWindow(0, 1000), 1L, 5L, 2);
    assertEquals(1L, key.getKey(partial));
    assertEquals(0L, key.getKey(4L), "a record the combiner passed on is keyed by the user's key");
  }

  @Test
  void when_slidingAggregateWithProcessFunction_then_combinerToo() {
    // Given / When
    var graph = graph(k -> k.window(SlidingEventTimeWindows.of(SECOND, Duration.ofMillis(500)))
        .aggregate(new CountAggregate(), new Describe()));

    // Then
    assertTrue(hasCombiner(graph));
  }

  @Test
  void when_latenessSideOutputSessionsProcessingTimeOrProcess_then_noCombiner() {
    // Given
    List<Function<KeyedStream<Long, Long>, DataStream<?>>> cases = List.of(
        k -> k.window(TumblingEventTimeWindows.of(SECOND)).allowedLateness(SECOND).reduce(Long::sum),
        k -> k.window(TumblingEventTimeWindows.of(SECOND))
            .sideOutputLateData(new OutputTag<>("late")).reduce(Long::sum),
        k -> k.window(EventTimeSessionWindows.withGap(SECOND)).reduce(Long::sum),
        k -> k.window(TumblingProcessingTimeWindows.of(SECOND)).reduce(Long::sum),
        k -> k.window(TumblingEventTimeWindows.of(SECOND)).process(new CountAll()));

    for (var windowed : cases) {
      // When
      var graph = graph(windowed);

      // Then
      assertFalse(hasCombiner(graph), graph.vertices().toString());
      assertFalse(windowFactory(graph).preAggregated());
    }
  }

  @Test
  void when_graphBuiltTwice_then_samePlanAndTheEnvironmentIsUnchanged() {
    // Given
    var env = env();
    keyed(env).window(TumblingEventTimeWindows.of(SECOND)).reduce(Long::sum).collect("out");

    // When
    var first = env.buildJobGraph("a");
    var second = env.buildJobGraph("b");

    // Then
    assertEquals(first.vertices(), second.vertices());
    assertEquals(first.edges(), second.edges());
  }

  @Test
  void when_lateDataTagged_then_sideOutputReadableFromTheWindowResult() {
    // Given
    var env = env();
    var late = new OutputTag<Long>("late");
    var result = keyed(env).window(TumblingEventTimeWindows.of(SECOND))
        .sideOutputLateData(late).reduce(Long::sum);

    // When
    result.getSideOutput(late).collect("late");
    result.collect("out");
    var graph = env.buildJobGraph("test");

    // Then
    JobVertex window = vertexOf(graph, OperatorKind.WINDOW);
    assertTrue(graph.outputsOf(window.id()).stream().anyMatch(e -> "late".equals(e.sideOutput())));
  }

  @Test
  void when_negativeLatenessOrNulls_then_rejectedAtOnce() {
    // Given
    var windowed = keyed(env()).window(TumblingEventTimeWindows.of(SECOND));

    // When / Then
    assertThrows(IllegalArgumentException.class, () -> windowed.allowedLateness(Duration.ofMillis(-1)));
    assertThrows(NullPointerException.class, () -> windowed.sideOutputLateData(null));
    assertThrows(NullPointerException.class, () -> windowed.reduce(null));
    assertThrows(NullPointerException.class,
        () -> keyed(env()).window((WindowAssigner<Object, io.vortex.api.window.TimeWindow>) null));
  }

  @Test
  void when_join_then_twoKeyedInputsIntoOneWindowJoin() {
    // Given
    var env = env();
    var orders = env.fromElements(1L, 2L);
    var visits = env.fromElements("1", "2");

    // When
    orders.join(visits).where(o -> o).equalTo(Long::parseLong)
        .window(TumblingEventTimeWindows.of(SECOND))
        .apply((o, v) -> o + v)
        .collect("out");
    var graph = env.buildJobGraph("join");

    // Then
    JobVertex join = vertexOf(graph, OperatorKind.WINDOW_JOIN);
    List<JobEdge> in = graph.inputsOf(join.id());
    assertEquals(List.of(0, 1), in.stream().map(JobEdge::targetInput).sorted().toList());
    assertTrue(in.stream().allMatch(e -> e.partitioning() == Partitioning.HASH && e.keySelector() != null));
  }

  /** Counts elements. */
  static final class CountAggregate implements io.vortex.api.function.AggregateFunction<Long, long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(Long value, long[] acc) {
      acc[0]++;
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

  /** Describes a count. */
  static final class Describe extends io.vortex.api.function.ProcessWindowFunction<Long, String, Long,
      io.vortex.api.window.TimeWindow> {
    @Override
    public void process(Long key, Context ctx, Iterable<Long> counts,
        io.vortex.api.function.Collector<String> out) {
      out.collect(key + "=" + counts.iterator().next());
    }
  }

  /** Counts a window's elements. */
  static final class CountAll
      extends io.vortex.api.function.ProcessWindowFunction<Long, Long, Long, io.vortex.api.window.TimeWindow> {
    @Override
    public void process(Long key, Context ctx, Iterable<Long> elements,
        io.vortex.api.function.Collector<Long> out) {
      long n = 0;
      for (Long ignored : elements) {
        n++;
      }
      out.collect(n);
    }
  }
}
