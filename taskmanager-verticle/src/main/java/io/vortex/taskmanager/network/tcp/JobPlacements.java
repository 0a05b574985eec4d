package io.vortex.taskmanager.network.tcp;

import io.vortex.api.graph.JobEdge;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.JobVertex;
import io.vortex.api.graph.Partitioning;
import io.vortex.cluster.DataAddress;
import io.vortex.cluster.TaskPlacement;
import io.vortex.taskmanager.network.ChannelId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each subtask of one job runs, and so which end of each channel is remote.
 *
 * <p>Threading: immutable.
 */
final class JobPlacements {
  private final JobGraph graph;
  private final Map<Long, DataAddress> bySubtask = new HashMap<>();
  final ClassLoader loader;
  /** The job's execution attempt placed here. */
  final int attempt;

  JobPlacements(JobGraph graph, int attempt, List<TaskPlacement> placements, ClassLoader loader) {
    this.graph = graph;
    this.attempt = attempt;
    this.loader = loader;
    for (TaskPlacement p : placements) {
      bySubtask.put(key(p.vertexId(), p.subtask()), p.address());
    }
  }

  private static long key(int vertex, int subtask) {
    return ((long) vertex << 32) | subtask;
  }

  /** The TaskManager of the channel's producer, or null when unknown (then it is local). */
  DataAddress producer(ChannelId id) {
    return bySubtask.get(key(edge(id).source(), id.producer()));
  }

  DataAddress consumer(ChannelId id) {
    return bySubtask.get(key(edge(id).target(), id.consumer()));
  }

  private JobEdge edge(ChannelId id) {
    if (id.edge() >= graph.edges().size()) {
      throw new IllegalArgumentException("no edge " + id.edge() + " in job " + id.jobId());
    }
    return graph.edges().get(id.edge());
  }

  /** A codec for the channel's records: typed by its edge when the job graph knows the type. */
  BatchCodec codec(ChannelId id) {
    JobEdge edge = edge(id);
    JobVertex source = graph.vertex(edge.source());
    String producer = edge.sourceOperator() < source.chain().size() ? source.chain().get(edge.sourceOperator()).name() : source.name();
    return new BatchCodec(loader, edge.recordType(), producer);
  }

  /** The other TaskManagers this job's channels reach from {@code self}. */
  Set<DataAddress> peers(String self) {
    Set<DataAddress> peers = new LinkedHashSet<>();
    for (DataAddress a : bySubtask.values()) {
      if (!a.taskManagerId().equals(self)) {
        peers.add(a);
      }
    }
    return peers;
  }

  /** Input channels on {@code self} whose producer runs elsewhere: each needs exclusive buffers. */
  int remoteInputs(String self) {
    int count = 0;
    List<JobEdge> edges = graph.edges();
    for (int e = 0; e < edges.size(); e++) {
      JobEdge edge = edges.get(e);
      int producers = graph.vertex(edge.source()).parallelism();
      int consumers = graph.vertex(edge.target()).parallelism();
      for (int c = 0; c < consumers; c++) {
        if (!isOn(self, edge.target(), c)) {
          continue;
        }
        for (int p = 0; p < producers; p++) {
          if (edge.partitioning() == Partitioning.FORWARD && p != c) {
            continue;
          }
          DataAddress producer = bySubtask.get(key(edge.source(), p));
          if (producer != null && !producer.taskManagerId().equals(self)) {
            count++;
          }
        }
      }
    }
    return count;
  }

  private boolean isOn(String self, int vertex, int subtask) {
    DataAddress a = bySubtask.get(key(vertex, subtask));
    return a != null && a.taskManagerId().equals(self);
  }

  /** True when the task (vertex, subtask) is an end of the channel. */
  boolean isEnd(ChannelId id, int vertex, int subtask) {
    JobEdge edge = edge(id);
    return (edge.source() == vertex && id.producer() == subtask) || (edge.target() == vertex && id.consumer() == subtask);
  }
}
