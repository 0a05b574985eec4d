package io.vortex.api.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.OutputTag;
import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobClient;
import io.vortex.api.client.JobExecutor;
import io.vortex.api.function.Collector;
import io.vortex.api.function.ProcessFunction;
import io.vortex.api.internal.UserCode;
import io.vortex.api.internal.operators.OperatorFactory;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JobGraphJsonTest {
  /** Builds graphs only: nothing is ever submitted. */
  private static final JobExecutor NO_CLUSTER =
      new JobExecutor() {
        @Override
        public JobClient submit(JobGraph graph) {
          throw new UnsupportedOperationException("not submitted in this test");
        }

        @Override
        public int totalSlots() {
          return 4;
        }
      };

  private static final OutputTag<String> ODD = new OutputTag<>("odd");

  /** Sends odd numbers to a side output. */
  static final class SplitOdd extends ProcessFunction<Integer, Integer> {
    @Override
    public void processElement(Integer value, Context ctx, Collector<Integer> out) {
      if (value % 2 == 0) {
        out.collect(value);
      } else {
        ctx.output(ODD, "odd " + value);
      }
    }
  }

  private static JobGraph pipeline(RuntimeMode mode) {
    var env = StreamEnvironment.create(NO_CLUSTER).setRuntimeMode(mode).setParallelism(3).setBatchSize(64);
    var numbers = env.fromElements(1, 2, 3, 4, 5, 6).setParallelism(1).name("numbers");
    var more = env.generate(10, i -> (int) i).name("more");
    var split = numbers.union(more).rebalance().process(new SplitOdd()).name("split");
    split.getSideOutput(ODD).broadcast().map(s -> s.toUpperCase()).name("upper").collect("odd");
    split
        .map(i -> i * 10)
        .filter(i -> i > 0)
        .keyBy(i -> i % 3)
        .reduce(Integer::sum)
        .name("sum")
        .setMaxParallelism(64)
        .writeAsText("/tmp/unused");
    return env.buildJobGraph("json round trip");
  }

  @Test
  void when_graphOfRealPipelineToJsonAndBack_then_equal() {
    for (RuntimeMode mode : RuntimeMode.values()) {
      // Given
      JobGraph graph = pipeline(mode);

      // When
      String json = VortexJson.toJson(graph);
      JobGraph back = VortexJson.fromJson(json, JobGraph.class);

      // Then
      assertEquals(graph, back, "mode " + mode);
      assertEquals(json, VortexJson.toJson(back), "the JSON is stable, mode " + mode);
    }
  }

  @Test
  void when_graphBuilt_then_itHasTheExpectedShape() {
    // Given
    JobGraph graph = pipeline(RuntimeMode.BATCH);

    // When
    Set<Partitioning> partitionings = graph.edges().stream().map(JobEdge::partitioning).collect(Collectors.toSet());
    Set<OperatorKind> kinds =
        graph.vertices().stream().flatMap(v -> v.chain().stream()).map(OperatorSpec::kind).collect(Collectors.toSet());

    // Then: in BATCH the reduce runs as a two-stage aggregation (its partials carry their keys)
    assertEquals(RuntimeMode.BATCH, graph.config().mode());
    assertEquals(64, graph.config().batchSize());
    // FORWARD: the sink keeps the default max parallelism, so it is not chained to "sum" (64)
    assertEquals(
        Set.of(Partitioning.REBALANCE, Partitioning.BROADCAST, Partitioning.HASH, Partitioning.FORWARD),
        partitionings);
    assertTrue(kinds.containsAll(List.of(
        OperatorKind.SOURCE, OperatorKind.PROCESS, OperatorKind.MAP, OperatorKind.FILTER,
        OperatorKind.LOCAL_AGGREGATE, OperatorKind.KEYED_AGGREGATE, OperatorKind.SINK)), kinds.toString());
    assertTrue(graph.edges().stream().anyMatch(e -> "odd".equals(e.sideOutput())), graph.edges().toString());
    assertEquals(3, graph.slotsNeeded());
  }

  @Test
  void when_graphReadBack_then_userCodeStillLoads() {
    // Given
    JobGraph back = VortexJson.fromJson(VortexJson.toJson(pipeline(RuntimeMode.STREAMING)), JobGraph.class);

    // When / Then
    for (JobVertex v : back.vertices()) {
      for (OperatorSpec spec : v.chain()) {
        OperatorFactory factory = UserCode.deserialize(spec.factory(), getClass().getClassLoader());
        assertNotNull(factory, spec.name());
        assertEquals(spec.kind(), factory.kind(), spec.name());
      }
    }
  }

  @Test
  void when_malformedJson_then_clearError() {
    // When
    var e = assertThrows(IllegalArgumentException.class, () -> VortexJson.fromJson("{\"jobId\": 1,", JobGraph.class));

    // Then
    assertTrue(e.getMessage().startsWith("malformed JobGraph JSON"), e.getMessage());
  }

  @Test
  void when_edgeHasARecordType_then_itRoundTripsAndAnOlderClientsEdgeDecodesUntyped() {
    // Given
    JobEdge typed = new JobEdge(0, 1, 2, Partitioning.HASH, 0, null, new byte[] {7}, "com.acme.Point");
    String olderClient = "{\"source\":0,\"sourceOperator\":0,\"target\":1,\"partitioning\":\"FORWARD\","
        + "\"targetInput\":0,\"sideOutput\":null,\"keySelector\":null}";

    // When
    JobEdge back = VortexJson.fromJson(VortexJson.toJson(typed), JobEdge.class);
    JobEdge old = VortexJson.fromJson(olderClient, JobEdge.class);

    // Then
    assertEquals(typed, back);
    assertEquals("com.acme.Point", back.recordType());
    assertEquals(new JobEdge(0, 0, 1, Partitioning.FORWARD, 0, null, null), old);
    assertNull(old.recordType());
  }

  @Test
  void when_pipelineBuilt_then_itsMainEdgesCarryTheirRecordTypesThroughJson() {
    // Given
    JobGraph graph = pipeline(RuntimeMode.STREAMING);

    // When
    JobGraph back = VortexJson.fromJson(VortexJson.toJson(graph), JobGraph.class);

    // Then: the union of Integer sources feeds "split", whose mapped output reaches "sum"
    assertTrue(back.edges().stream().anyMatch(e -> "java.lang.Integer".equals(e.recordType())), back.edges().toString());
    assertEquals(graph.edges(), back.edges());
  }
}
