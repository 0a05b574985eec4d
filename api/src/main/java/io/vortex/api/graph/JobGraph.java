package io.vortex.api.graph;

import java.util.List;
import java.util.Objects;

/** What the client submits: vertices, edges and config. Serializable to JSON ({@link VortexJson}). */
public record JobGraph(
    String jobId, String name, List<JobVertex> vertices, List<JobEdge> edges, JobConfig config) {
  public JobGraph {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    vertices = List.copyOf(vertices);
    edges = List.copyOf(edges);
  }

  public JobVertex vertex(int id) {
    for (JobVertex v : vertices) {
      if (v.id() == id) {
        return v;
      }
    }
    throw new IllegalArgumentException("no vertex " + id + " in job " + name);
  }

  public List<JobEdge> inputsOf(int vertexId) {
    return edges.stream().filter(e -> e.target() == vertexId).toList();
  }

  public List<JobEdge> outputsOf(int vertexId) {
    return edges.stream().filter(e -> e.source() == vertexId).toList();
  }

  /** Slots the job needs: with slot sharing, its largest parallelism. */
  public int slotsNeeded() {
    return vertices.stream().mapToInt(JobVertex::parallelism).max().orElse(0);
  }
}
