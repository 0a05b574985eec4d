package io.vortex.jobmanager;

import io.vortex.api.client.InvalidJobException;
import io.vortex.api.graph.JobEdge;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.JobVertex;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.graph.OperatorSpec;
import io.vortex.api.graph.Partitioning;
import io.vortex.api.internal.KeyGroups;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Checks a submitted job graph before anything is deployed; explains what is wrong. */
final class JobValidator {
  private JobValidator() {}

  /** Throws {@link InvalidJobException} naming the first problem found, slots included. */
  static void validate(JobGraph graph, int totalSlots) {
    validate(graph);
    checkSlots(graph, totalSlots);
  }

  /**
   * Throws {@link InvalidJobException} when the cluster has too few slots for the job (used
   * when jobs do not wait for TaskManagers to join).
   */
  static void checkSlots(JobGraph graph, int totalSlots) {
    int needed = graph.slotsNeeded();
    if (totalSlots == 0) {
      throw invalid(graph, "no TaskManager has registered any slots");
    }
    if (needed > totalSlots) {
      throw invalid(
          graph,
          "its parallelism " + needed + " is above the " + totalSlots
              + " slots the cluster has (add TaskManagers or slots, or lower the parallelism)");
    }
  }

  /** Throws {@link InvalidJobException} naming the first problem of the graph's structure. */
  static void validate(JobGraph graph) {
    if (graph.vertices().isEmpty()) {
      throw invalid(graph, "it has no operators");
    }
    Set<Integer> ids = new HashSet<>();
    boolean hasSource = false;
    for (JobVertex v : graph.vertices()) {
      if (!ids.add(v.id())) {
        throw invalid(graph, "two vertices have the id " + v.id());
      }
      checkVertex(graph, v);
      hasSource |= v.isSource();
    }
    if (!hasSource) {
      throw invalid(graph, "it has no source");
    }
    for (JobEdge e : graph.edges()) {
      if (!ids.contains(e.source()) || !ids.contains(e.target())) {
        throw invalid(graph, "edge " + e + " connects a vertex that does not exist");
      }
      if (e.partitioning() == Partitioning.HASH && e.keySelector() == null) {
        throw invalid(graph, "the keyed edge into '" + graph.vertex(e.target()).name() + "' has no key selector");
      }
      if (e.partitioning() == Partitioning.FORWARD
          && graph.vertex(e.source()).parallelism() != graph.vertex(e.target()).parallelism()) {
        throw invalid(graph, "a forward edge joins vertices of different parallelism: " + e);
      }
    }
    for (JobVertex v : graph.vertices()) {
      checkInputs(graph, v);
    }
    checkAcyclic(graph);
  }

  private static void checkVertex(JobGraph graph, JobVertex v) {
    if (v.chain().isEmpty()) {
      throw invalid(graph, "vertex " + v.id() + " has no operators");
    }
    if (v.parallelism() < 1) {
      throw invalid(graph, "operator '" + v.name() + "' has parallelism " + v.parallelism() + "; it must be at least 1");
    }
    if (v.maxParallelism() < v.parallelism() || v.maxParallelism() > KeyGroups.UPPER_BOUND_MAX_PARALLELISM) {
      throw invalid(graph, "operator '" + v.name() + "' has max parallelism " + v.maxParallelism()
          + "; it must be between its parallelism " + v.parallelism() + " and " + KeyGroups.UPPER_BOUND_MAX_PARALLELISM);
    }
    List<OperatorSpec> chain = v.chain();
    for (int i = 1; i < chain.size(); i++) {
      if (chain.get(i).kind() == OperatorKind.SOURCE) {
        throw invalid(graph, "source '" + chain.get(i).name() + "' is not at the start of its chain");
      }
      if (chain.get(i).kind().isKeyed()) {
        throw invalid(graph, "keyed operator '" + chain.get(i).name() + "' is chained instead of reading a keyed edge");
      }
    }
  }

  private static void checkInputs(JobGraph graph, JobVertex v) {
    List<JobEdge> inputs = graph.inputsOf(v.id());
    if (v.isSource()) {
      if (!inputs.isEmpty()) {
        throw invalid(graph, "source '" + v.name() + "' has inputs");
      }
      return;
    }
    if (inputs.isEmpty()) {
      throw invalid(graph, "operator '" + v.name() + "' has no input");
    }
    OperatorKind head = v.head().kind();
    if (head.isKeyed()) {
      for (JobEdge e : inputs) {
        if (e.partitioning() != Partitioning.HASH) {
          throw invalid(graph, "keyed operator '" + v.head().name() + "' reads a " + e.partitioning()
              + " edge; it needs a key selector (use keyBy)");
        }
      }
    }
    boolean twoInputs = head == OperatorKind.WINDOW_JOIN;
    boolean hasSecond = inputs.stream().anyMatch(e -> e.targetInput() == 1);
    boolean hasFirst = inputs.stream().anyMatch(e -> e.targetInput() == 0);
    if (twoInputs && !(hasFirst && hasSecond)) {
      throw invalid(graph, "'" + v.head().name() + "' needs two inputs");
    }
    if (!twoInputs && hasSecond) {
      throw invalid(graph, "'" + v.head().name() + "' has one input but an edge targets its second");
    }
  }

  /**
   * Refuses cycles (their tasks would wait on each other's end of input forever): peels off
   * vertices with no input left, then with no output left; what remains lies on a cycle.
   */
  private static void checkAcyclic(JobGraph graph) {
    Set<Integer> remaining = new TreeSet<>();
    graph.vertices().forEach(v -> remaining.add(v.id()));
    boolean peeled = true;
    while (peeled) {
      peeled = remaining.removeIf(id -> graph.inputsOf(id).stream().noneMatch(e -> remaining.contains(e.source())))
          | remaining.removeIf(id -> graph.outputsOf(id).stream().noneMatch(e -> remaining.contains(e.target())));
    }
    if (!remaining.isEmpty()) {
      throw invalid(graph, "its edges form a cycle through "
          + remaining.stream().map(id -> "'" + graph.vertex(id).name() + "'").collect(Collectors.joining(", ")));
    }
  }

  private static InvalidJobException invalid(JobGraph graph, String why) {
    return new InvalidJobException("job '" + graph.name() + "' is invalid: " + why);
  }
}
