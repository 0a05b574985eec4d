package io.vortex.jobmanager;

import static io.vortex.api.graph.OperatorKind.FILTER;
import static io.vortex.api.graph.OperatorKind.KEYED_REDUCE;
import static io.vortex.api.graph.OperatorKind.MAP;
import static io.vortex.api.graph.OperatorKind.SINK;
import static io.vortex.api.graph.OperatorKind.SOURCE;
import static io.vortex.api.graph.OperatorKind.WINDOW_JOIN;
import static io.vortex.api.graph.Partitioning.FORWARD;
import static io.vortex.api.graph.Partitioning.HASH;
import static io.vortex.api.graph.Partitioning.REBALANCE;
import static io.vortex.jobmanager.Graphs.graph;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vortex.api.client.InvalidJobException;
import io.vortex.api.graph.JobGraph;
import org.junit.jupiter.api.Test;

class JobValidatorTest {
  private static String refusal(JobGraph graph, int slots) {
    return assertThrows(InvalidJobException.class, () -> JobValidator.validate(graph, slots)).getMessage();
  }

  @Test
  void when_wellFormedPipelineFitsTheSlots_then_accepted() {
    assertDoesNotThrow(() -> JobValidator.validate(Graphs.pipeline(4), 4));
  }

  @Test
  void when_noOperators_then_refused() {
    assertEquals("job 'test job' is invalid: it has no operators", refusal(graph().build(), 4));
  }

  @Test
  void when_noSource_then_refused() {
    // Given: a map whose input edge comes from... nowhere but another map
    JobGraph g = graph().vertex(1, "a", 1, MAP).vertex(2, "b", 1, SINK).edge(1, 2, FORWARD).build();

    // Then
    assertEquals("job 'test job' is invalid: it has no source", refusal(g, 4));
  }

  @Test
  void when_twoVerticesShareAnId_then_refused() {
    JobGraph g = graph().vertex(1, "a", 1, SOURCE).vertex(1, "b", 1, SINK).build();
    assertEquals("job 'test job' is invalid: two vertices have the id 1", refusal(g, 4));
  }

  @Test
  void when_vertexHasAnEmptyChain_then_refused() {
    JobGraph g = graph().vertex(1, "src", 1, SOURCE).vertex(2, "empty", 1).edge(1, 2, FORWARD).build();
    assertEquals("job 'test job' is invalid: vertex 2 has no operators", refusal(g, 4));
  }

  @Test
  void when_parallelismBelowOne_then_refusedNamingTheOperator() {
    JobGraph g = graph().vertex(1, "src", 0, SOURCE, SINK).build();
    assertEquals("job 'test job' is invalid: operator 'src' has parallelism 0; it must be at least 1", refusal(g, 4));
  }

  @Test
  void when_maxParallelismBelowParallelismOrAboveTheBound_then_refused() {
    JobGraph below = graph().vertex(1, "src", 4, 2, SOURCE, SINK).build();
    JobGraph above = graph().vertex(1, "src", 4, 1 << 16, SOURCE, SINK).build();
    assertEquals("job 'test job' is invalid: operator 'src' has max parallelism 2; it must be between its parallelism 4 and 32768",
        refusal(below, 4));
    assertEquals("job 'test job' is invalid: operator 'src' has max parallelism 65536; it must be between its parallelism 4 and 32768",
        refusal(above, 4));
  }

  @Test
  void when_sourceInsideAChain_then_refused() {
    JobGraph g = graph().vertex(1, "src", 1, SOURCE, SOURCE, SINK).build();
    assertEquals("job 'test job' is invalid: source 'src-SOURCE' is not at the start of its chain", refusal(g, 4));
  }

  @Test
  void when_keyedOperatorChainedBehindAnother_then_refused() {
    JobGraph g = graph().vertex(1, "src", 1, SOURCE, KEYED_REDUCE).build();
    assertEquals("job 'test job' is invalid: keyed operator 'src-KEYED_REDUCE' is chained instead of reading a keyed edge",
        refusal(g, 4));
  }

  @Test
  void when_edgeConnectsAMissingVertex_then_refused() {
    JobGraph g = graph().vertex(1, "src", 1, SOURCE).vertex(2, "sink", 1, SINK).edge(1, 3, FORWARD).build();
    assertEquals("job 'test job' is invalid: edge JobEdge[1 -FORWARD-> 3.0] connects a vertex that does not exist", refusal(g, 4));
  }

  @Test
  void when_hashEdgeHasNoKeySelector_then_refused() {
    JobGraph g = graph().vertex(1, "src", 1, SOURCE).vertex(2, "sum", 1, KEYED_REDUCE).unkeyedHashEdge(1, 2).build();
    assertEquals("job 'test job' is invalid: the keyed edge into 'sum' has no key selector", refusal(g, 4));
  }

  @Test
  void when_forwardEdgeJoinsDifferentParallelism_then_refused() {
    JobGraph g = graph().vertex(1, "src", 2, SOURCE).vertex(2, "sink", 1, SINK).edge(1, 2, FORWARD).build();
    assertEquals("job 'test job' is invalid: a forward edge joins vertices of different parallelism: JobEdge[1 -FORWARD-> 2.0]",
        refusal(g, 4));
  }

  @Test
  void when_sourceHasAnInput_then_refused() {
    JobGraph g = graph().vertex(1, "src", 1, SOURCE).vertex(2, "other", 1, SOURCE).edge(1, 2, FORWARD).build();
    assertEquals("job 'test job' is invalid: source 'other' has inputs", refusal(g, 4));
  }

  @Test
  void when_operatorHasNoInput_then_refused() {
    JobGraph g = graph().vertex(1, "src", 1, SOURCE, SINK).vertex(2, "orphan", 1, MAP, SINK).build();
    assertEquals("job 'test job' is invalid: operator 'orphan' has no input", refusal(g, 4));
  }

  @Test
  void when_keyedOperatorReadsAnUnkeyedEdge_then_refusedSuggestingKeyBy() {
    JobGraph g = graph().vertex(1, "src", 1, SOURCE).vertex(2, "sum", 1, KEYED_REDUCE).edge(1, 2, REBALANCE).build();
    assertEquals("job 'test job' is invalid: keyed operator 'sum-KEYED_REDUCE' reads a REBALANCE edge; it needs a key selector (use keyBy)",
        refusal(g, 4));
  }

  @Test
  void when_joinHasOneInput_then_refused() {
    JobGraph g = graph().vertex(1, "src", 1, SOURCE).vertex(2, "join", 1, WINDOW_JOIN).edge(1, 2, HASH, 0).build();
    assertEquals("job 'test job' is invalid: 'join-WINDOW_JOIN' needs two inputs", refusal(g, 4));
  }

  @Test
  void when_oneInputOperatorFedOnItsSecondInput_then_refused() {
    JobGraph g = graph().vertex(1, "src", 1, SOURCE).vertex(2, "map", 1, MAP).edge(1, 2, REBALANCE, 1).build();
    assertEquals("job 'test job' is invalid: 'map-MAP' has one input but an edge targets its second", refusal(g, 4));
  }

  @Test
  void when_noTaskManagerRegistered_then_refused() {
    assertEquals("job 'test job' is invalid: no TaskManager has registered any slots", refusal(Graphs.pipeline(1), 0));
  }

  @Test
  void when_parallelismAboveEverySlot_then_refusedWithWhatToDo() {
    assertEquals("job 'test job' is invalid: its parallelism 5 is above the 4 slots the cluster has"
        + " (add TaskManagers or slots, or lower the parallelism)", refusal(Graphs.pipeline(5), 4));
  }

  @Test
  void when_edgesFormACycle_then_refused() {
    // Given: src -> a -> b -> a (every vertex has an input, a source exists)
    JobGraph g = graph()
        .vertex(1, "src", 1, SOURCE)
        .vertex(2, "a", 1, MAP)
        .vertex(3, "b", 1, FILTER)
        .edge(1, 2, REBALANCE)
        .edge(2, 3, REBALANCE)
        .edge(3, 2, REBALANCE)
        .build();

    // Then: refused before anything is deployed (it could never end)
    assertEquals("job 'test job' is invalid: its edges form a cycle through 'a', 'b'", refusal(g, 4));
  }
}
