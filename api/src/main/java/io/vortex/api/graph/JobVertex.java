package io.vortex.api.graph;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * A node of the job graph: a chain of operators run as one task per parallel subtask. The
 * first operator is the chain head (a source, or the operator that reads the vertex's inputs).
 */
public record JobVertex(
    int id, String name, int parallelism, int maxParallelism, List<OperatorSpec> chain) {
  public JobVertex {
    Objects.requireNonNull(name, "name");
    chain = List.copyOf(chain);
  }

  @JsonIgnore
  public OperatorSpec head() {
    return chain.get(0);
  }

  @JsonIgnore
  public boolean isSource() {
    return !chain.isEmpty() && head().kind() == OperatorKind.SOURCE;
  }

  public JobVertex withParallelism(int newParallelism) {
    return new JobVertex(id, name, newParallelism, maxParallelism, chain);
  }
}
