package io.vortex.taskmanager.network.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.DataStream;
import io.vortex.api.OutputTag;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.function.Collector;
import io.vortex.api.function.ProcessFunction;
import io.vortex.api.graph.JobEdge;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.VortexJson;
import io.vortex.api.internal.serialization.DataIn;
import io.vortex.api.internal.serialization.DataOut;
import io.vortex.cluster.DataAddress;
import io.vortex.cluster.TaskPlacement;
import io.vortex.taskmanager.network.ChannelId;
import io.vortex.taskmanager.network.RecordBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A typed side output's records cross TaskManagers with its class's serializer, as a typed main output's do. */
class SideOutputCodecTest {
  record Alert(String sensor, double value) {}

  static final OutputTag<Alert> ALERTS = new OutputTag<Alert>("alerts") {};

  static final class Alerting extends ProcessFunction<Integer, Integer> {
    @Override
    public void processElement(Integer value, Context ctx, Collector<Integer> out) {
      ctx.output(ALERTS, new Alert("s" + value, value));
    }
  }

  @Test
  void when_sideOutputTagIsTyped_then_itsChannelCodecWritesNoClassNameAndReadsTheRecordsBack() {
    // Given: the job graph as a TaskManager gets it (through its JSON), the side edge's channel remote
    var env = StreamEnvironment.create(g -> {
      throw new UnsupportedOperationException("not submitted");
    });
    DataStream<Integer> alerting = env.fromElements(1, 2).process(new Alerting()).name("alerting");
    alerting.getSideOutput(ALERTS).rebalance().collect("alerts");
    JobGraph graph = VortexJson.fromJson(VortexJson.toJson(env.buildJobGraph("alerts")), JobGraph.class);
    int edge = sideEdge(graph);
    JobEdge side = graph.edges().get(edge);
    List<TaskPlacement> placements = new ArrayList<>();
    graph.vertices().forEach(v -> placements.add(new TaskPlacement(v.id(), 0, new DataAddress("tm-" + v.id(), "127.0.0.1", 1))));
    var job = new JobPlacements(graph, 0, placements, getClass().getClassLoader());
    var channel = new ChannelId(graph.jobId(), 0, edge, 0, 0);
    var batch = new RecordBatch(2);
    batch.add(new Alert("s1", 1.5), 10);
    batch.add(new Alert("s2", -2), 11);
    var out = new DataOut();

    // When
    job.codec(channel).write(batch, 0, 2, out, Integer.MAX_VALUE);
    RecordBatch read = job.codec(channel).read(new DataIn(out.array(), 0, out.position()));

    // Then
    assertEquals(Alert.class.getName(), side.recordType());
    assertTrue(!new String(out.array(), 0, out.position(), StandardCharsets.ISO_8859_1).contains("Alert"), "no class name");
    assertEquals(List.of(new Alert("s1", 1.5), new Alert("s2", -2)), List.of(read.value(0), read.value(1)));
    assertEquals(List.of(10L, 11L), List.of(read.timestamp(0), read.timestamp(1)));
  }

  private static int sideEdge(JobGraph graph) {
    for (int i = 0; i < graph.edges().size(); i++) {
      if ("alerts".equals(graph.edges().get(i).sideOutput())) {
        return i;
      }
    }
    throw new AssertionError("no side edge in " + graph.edges());
  }
}
