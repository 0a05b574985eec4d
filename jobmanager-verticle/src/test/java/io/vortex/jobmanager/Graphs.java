package io.vortex.jobmanager;

import io.vortex.api.RuntimeMode;
import io.vortex.api.graph.JobConfig;
import io.vortex.api.graph.JobEdge;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.JobVertex;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.graph.OperatorSpec;
import io.vortex.api.graph.Partitioning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Hand-built job graphs for validation and scheduling tests (operators are never run). */
public final class Graphs {
  private final List<JobVertex> vertices = new ArrayList<>();
  private final List<JobEdge> edges = new ArrayList<>();

  public static Graphs graph() {
    return new Graphs();
  }

  public static OperatorSpec op(String name, OperatorKind kind) {
    return new OperatorSpec(name, kind, new byte[0]);
  }

  public Graphs vertex(int id, String name, int parallelism, OperatorKind... chain) {
    return vertex(id, name, parallelism, 128, chain);
  }

  public Graphs vertex(int id, String name, int parallelism, int maxParallelism, OperatorKind... chain) {
    List<OperatorSpec> specs = Arrays.stream(chain).map(k -> op(name + "-" + k, k)).toList();
    vertices.add(new JobVertex(id, name, parallelism, maxParallelism, specs));
    return this;
  }

  public Graphs edge(int from, int to, Partitioning partitioning) {
    return edge(from, to, partitioning, 0);
  }

  public Graphs edge(int from, int to, Partitioning partitioning, int targetInput) {
    byte[] key = partitioning == Partitioning.HASH ? new byte[] {1} : null;
    edges.add(new JobEdge(from, 0, to, partitioning, targetInput, null, key));
    return this;
  }

  public Graphs unkeyedHashEdge(int from, int to) {
    edges.add(new JobEdge(from, 0, to, Partitioning.HASH, 0, null, null));
    return this;
  }

  public JobGraph build() {
    return build("job-" + UUID.randomUUID());
  }

  public JobGraph build(String jobId) {
    return new JobGraph(jobId, "test job", vertices, edges,
        new JobConfig(RuntimeMode.STREAMING, RuntimeMode.STREAMING, 16, 10, false));
  }

  /** source(p) -> map(p), forward, then keyed into reduce+sink(p). */
  public static JobGraph pipeline(int parallelism) {
    return graph()
        .vertex(1, "source", parallelism, OperatorKind.SOURCE, OperatorKind.MAP)
        .vertex(2, "reduce", parallelism, OperatorKind.KEYED_REDUCE, OperatorKind.SINK)
        .edge(1, 2, Partitioning.HASH)
        .build();
  }
}
