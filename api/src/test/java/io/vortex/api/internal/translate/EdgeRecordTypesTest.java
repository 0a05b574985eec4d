package io.vortex.api.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vortex.api.DataStream;
import io.vortex.api.OutputTag;
import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.Collector;
import io.vortex.api.function.MapFunction;
import io.vortex.api.function.ProcessFunction;
import io.vortex.api.graph.JobEdge;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.tuple.Tuple2;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each edge's record type: captured from the producing function where Java keeps it, declared
 * with {@code returns}, known for the built-in sources, and null (unknown) otherwise.
 */
class EdgeRecordTypesTest {
  record Point(int x, int y) {}

  /** A named function class: its generic interface says Integer. */
  static final class Length implements MapFunction<String, Integer> {
    @Override
    public Integer map(String value) {
      return value.length();
    }
  }

  /** A generic base bound by a subclass: the type is found through the superclass. */
  static class Identity<T> implements MapFunction<T, T> {
    @Override
    public T map(T value) {
      return value;
    }
  }

  static final class StringIdentity extends Identity<String> {}

  /** Anonymous classes made in static methods, so they capture no test instance. */
  static MapFunction<String, Long> anonymousToLong() {
    return new MapFunction<String, Long>() {
      @Override
      public Long map(String value) {
        return 1L;
      }
    };
  }

  static ProcessFunction<Integer, String> anonymousProcess() {
    return new ProcessFunction<Integer, String>() {
      @Override
      public void processElement(Integer value, Context ctx, Collector<String> out) {
        out.collect("" + value);
      }
    };
  }

  static ProcessFunction<Integer, Integer> noting(OutputTag<String> tag) {
    return new ProcessFunction<Integer, Integer>() {
      @Override
      public void processElement(Integer value, Context ctx, Collector<Integer> out) {
        ctx.output(tag, "n");
      }
    };
  }

  /** The average of Integers, as a Double. */
  static final class Average implements AggregateFunction<Integer, long[], Double> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Integer value, long[] acc) {
      acc[0] += value;
      acc[1]++;
      return acc;
    }

    @Override
    public Double getResult(long[] acc) {
      return (double) acc[0] / acc[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }
  }

  static <T> MapFunction<T, T> genericLambda() {
    return v -> v;
  }

  private static StreamEnvironment env() {
    return StreamEnvironment.create(graph -> {
      throw new UnsupportedOperationException("not submitted in this test");
    }).setParallelism(2).setRuntimeMode(RuntimeMode.STREAMING);
  }

  /** The record type of the one edge into the sink of {@code stream} (rebalanced, so it is an edge). */
  private static String typeInto(DataStream<?> stream) {
    StreamEnvironment env = stream.environment();
    stream.rebalance().collect("out");
    JobGraph graph = env.buildJobGraph("types");
    int sink = graph.vertices().stream().filter(v -> v.name().equals("collect out")).findFirst().orElseThrow().id();
    List<JobEdge> in = graph.edges().stream().filter(e -> e.target() == sink).toList();
    assertEquals(1, in.size(), graph.edges().toString());
    return in.get(0).recordType();
  }

  @Test
  void when_namedAnonymousOrInheritedFunctionClass_then_itsGenericOutputTypes() {
    assertEquals("java.lang.Integer", typeInto(env().fromElements("a").map(new Length())));
    assertEquals("java.lang.Long", typeInto(env().fromElements("a").map(anonymousToLong())));
    assertEquals("java.lang.String", typeInto(env().fromElements("a").map(new StringIdentity())));
    assertNull(typeInto(env().fromElements("a").map(new Identity<>())), "a type variable stays unknown");
  }

  @Test
  void when_lambdaWithConcreteTypes_then_itsReturnTypeBoxed() {
    assertEquals("java.lang.Integer", typeInto(env().fromElements("abc").map((String s) -> s.length())));
    assertEquals(Point.class.getName(), typeInto(env().fromElements(1).map(i -> new Point(i, i))));
    assertEquals(Tuple2.class.getName(), typeInto(env().fromElements("w").map(w -> Tuple2.of(w, 1))));
    assertEquals("java.lang.String", typeInto(env().fromElements(1).map(String::valueOf)), "a method reference");
  }

  @Test
  void when_genericLambdaOrErasedOutput_then_unknown() {
    assertNull(typeInto(env().fromElements("a").map(EdgeRecordTypesTest.<String>genericLambda())));
    assertNull(typeInto(env().fromElements("a b").flatMap((String line, Collector<String> out) -> out.collect(line))),
        "a flatMap lambda's output is only in its erased Collector");
    assertNull(typeInto(env().fromElements("a").map(s -> (CharSequence) s)), "an interface types no edge");
    assertNull(typeInto(env().fromElements(1, 2L)), "Integer and Long share only the abstract Number");
  }

  @Test
  void when_returnsDeclared_then_itOverridesAndFillsIn() {
    assertEquals("java.lang.String",
        typeInto(env().fromElements("a b").flatMap((String line, Collector<String> out) -> out.collect(line)).returns(String.class)));
    assertEquals("java.lang.String", typeInto(env().fromElements("a").map(EdgeRecordTypesTest.<String>genericLambda()).returns(String.class)));
    assertEquals("java.lang.Integer", typeInto(env().fromElements(1).map(i -> i).returns(int.class)), "primitives are boxed");
    @SuppressWarnings({"unchecked", "rawtypes"})
    DataStream<Object> raw = (DataStream) env().fromElements(1);
    assertThrows(IllegalArgumentException.class, () -> raw.returns((Class) Void.class));
  }

  @Test
  void when_sources_then_elementsLinesAndGeneratorsTyped() {
    assertEquals("java.lang.Integer", typeInto(env().fromElements(1, 2, 3)));
    assertEquals(Point.class.getName(), typeInto(env().fromCollection(List.of(new Point(1, 2)))));
    assertEquals("java.lang.String", typeInto(env().readTextFile("/no/such/file/needed/to/build")));
    assertEquals("java.lang.Long", typeInto(env().generate(3, i -> i)));
    assertEquals("java.lang.String", typeInto(env().generate(3, i -> "n" + i)));
  }

  @Test
  void when_operatorsKeepTheirInputType_then_itFlowsThrough() {
    var env = env();
    DataStream<Integer> numbers = env.fromElements(1, 2, 3);
    assertEquals("java.lang.Integer", typeInto(numbers.filter(i -> i > 1).keyBy(i -> i % 2).reduce(Integer::sum)));
    var e2 = env();
    DataStream<Integer> a = e2.fromElements(1);
    assertEquals("java.lang.Integer", typeInto(a.union(e2.fromElements(2)).filter(i -> true)));
  }

  @Test
  void when_aggregateOrProcessFunctionClass_then_itsOutputTypeParameter() {
    var average = new Average();
    for (RuntimeMode mode : RuntimeMode.values()) {
      var env = env().setRuntimeMode(mode);
      assertEquals("java.lang.Double", typeInto(env.fromElements(1, 2).keyBy(i -> i % 2).aggregate(average)), "mode " + mode);
    }
    assertEquals("java.lang.String", typeInto(env().fromElements(1).process(anonymousProcess())));
  }

  @Test
  void when_sideOutputTagDeclaresOrCapturesItsClass_then_itsEdgeCarriesIt() {
    // Given: one tag with a declared class, one capturing it from an anonymous subclass, one without
    var env = env();
    OutputTag<String> declared = new OutputTag<>("declared", String.class);
    OutputTag<Point> captured = new OutputTag<Point>("captured") {};
    OutputTag<String> unknown = new OutputTag<>("unknown");
    DataStream<Integer> noting = env.fromElements(1).process(noting(declared));
    noting.getSideOutput(declared).collect("declared");
    noting.getSideOutput(captured).collect("captured");
    noting.getSideOutput(unknown).collect("unknown");

    // When
    JobGraph graph = env.buildJobGraph("sides");

    // Then
    java.util.Map<String, String> types = new java.util.HashMap<>();
    graph.edges().stream().filter(e -> e.sideOutput() != null).forEach(e -> types.put(e.sideOutput(), e.recordType()));
    assertEquals(String.class.getName(), types.get("declared"));
    assertEquals(Point.class.getName(), types.get("captured"));
    assertEquals(3, types.size());
    assertNull(types.get("unknown"));
    assertEquals(declared, new OutputTag<Integer>("declared") {}, "tags are equal by id");
  }

  @Test
  void when_batchCombinerOrUntypedSideOutput_then_thoseEdgesUntyped() {
    // Given: in BATCH a keyed reduce gets a combiner whose partials feed the shuffle
    var env = env().setRuntimeMode(RuntimeMode.BATCH);
    env.fromElements(1, 2, 3).keyBy(i -> i % 2).reduce(Integer::sum).collect("sums");
    OutputTag<String> tag = new OutputTag<>("notes");
    DataStream<Integer> noting = env.fromElements(1).process(noting(tag));
    noting.getSideOutput(tag).collect("notes");

    // When
    JobGraph graph = env.buildJobGraph("batch");

    // Then
    JobEdge shuffle = graph.edges().stream().filter(e -> e.keySelector() != null).findFirst().orElseThrow();
    assertNull(shuffle.recordType(), "partials of the combiner: " + shuffle);
    JobEdge side = graph.edges().stream().filter(e -> e.sideOutput() != null).findFirst().orElseThrow();
    assertNull(side.recordType(), side.toString());
  }
}
