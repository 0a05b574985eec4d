package io.vortex.api.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.api.DataStream;
import io.vortex.api.OutputTag;
import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.function.Collector;
import io.vortex.api.function.ProcessFunction;
import io.vortex.api.graph.JobEdge;
import io.vortex.api.graph.JobGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Side-output edges name the chained operator that emits them. */
class SideOutputEdgesTest {
  static final OutputTag<String> NOTE = new OutputTag<>("note");

  static final class Noting extends ProcessFunction<Integer, Integer> {
    @Override
    public void processElement(Integer value, Context ctx, Collector<Integer> out) {
      out.collect(value);
      ctx.output(NOTE, "" + value);
    }
  }

  @Test
  void when_twoChainedOperatorsHaveEqualTags_then_eachSideEdgeNamesItsOperator() {
    // Given: source -> first -> second chained into one vertex
    var env = StreamEnvironment.create(graph -> {
      throw new UnsupportedOperationException("not submitted in this test");
    }).setParallelism(2).setRuntimeMode(RuntimeMode.STREAMING);
    DataStream<Integer> first = env.fromElements(1, 2).process(new Noting()).name("first");
    DataStream<Integer> second = first.process(new Noting()).name("second");
    first.getSideOutput(NOTE).collect("first-notes");
    second.getSideOutput(NOTE).collect("second-notes");
    second.collect("main");

    // When
    JobGraph graph = env.buildJobGraph("test");

    // Then: one chain "source -> first -> second"; its side edges come from positions 1 and 2
    var chain = graph.vertices().stream().filter(v -> v.name().contains("first")).findFirst().orElseThrow();
    assertEquals(List.of("first", "second"), chain.chain().subList(1, 3).stream().map(s -> s.name()).toList());
    List<Integer> sideSources = graph.outputsOf(chain.id()).stream()
        .filter(e -> e.sideOutput() != null).map(JobEdge::sourceOperator).sorted().toList();
    assertEquals(List.of(1, 2), sideSources);
  }
}
