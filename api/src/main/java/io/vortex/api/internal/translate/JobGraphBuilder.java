package io.vortex.api.internal.translate;

import io.vortex.api.RuntimeMode;
import io.vortex.api.function.KeySelector;
import io.vortex.api.graph.JobConfig;
import io.vortex.api.graph.JobEdge;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.JobVertex;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.graph.OperatorSpec;
import io.vortex.api.graph.Partitioning;
import io.vortex.api.internal.KeyGroups;
import io.vortex.api.internal.RecordTypes;
import io.vortex.api.internal.UserCode;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.internal.operators.OperatorFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the logical plan into a {@link JobGraph}: resolves the runtime mode and parallelism,
 * puts a combiner before keyed aggregations in BATCH mode (two-stage aggregation), and chains
 * operators joined by a forward edge of equal parallelism into one vertex.
 */
public final class JobGraphBuilder {
  private final Map<Integer, Node> nodes = new LinkedHashMap<>();
  private int nextId;

  /** A transform during translation. Threading: confined to the building thread. */
  private static final class Node {
    final int id;
    final String name;
    OperatorFactory factory;
    final int parallelism;
    final int maxParallelism;
    /** The class name of its main output's records, or null when unknown (combiners). */
    String outputType;
    /** The transform it was made from (null for combiners), for its side outputs' types. */
    Transform transform;
    final List<TransformInput> inputs = new ArrayList<>();
    final List<NodeInput> resolvedInputs = new ArrayList<>();

    Node(int id, String name, OperatorFactory factory, int parallelism, int maxParallelism) {
      this.id = id;
      this.name = name;
      this.factory = factory;
      this.parallelism = parallelism;
      this.maxParallelism = maxParallelism;
    }
  }

  /** An input of a node, by node id. */
  private record NodeInput(
      int from, Partitioning partitioning, KeySelector<?, ?> key, int inputIndex, String side) {}

  /** Builds the graph of {@code transforms} (every transform of the job, in creation order). */
  public static JobGraph build(
      String jobId,
      String name,
      List<Transform> transforms,
      RuntimeMode requestedMode,
      int defaultParallelism,
      int batchSize,
      long bufferTimeoutMillis) {
    if (transforms.isEmpty()) {
      throw new IllegalStateException("the job has no operators: add a source and a sink");
    }
    RuntimeMode mode = resolveMode(transforms, requestedMode);
    var builder = new JobGraphBuilder();
    builder.addAll(WindowCombiners.insert(transforms), defaultParallelism);
    if (mode == RuntimeMode.BATCH) {
      builder.addCombiners();
    }
    return builder.toGraph(
        jobId, name, new JobConfig(requestedMode, mode, batchSize, bufferTimeoutMillis, allBounded(transforms)));
  }

  /** AUTOMATIC is BATCH when every source is bounded. BATCH with an unbounded source fails. */
  static RuntimeMode resolveMode(List<Transform> transforms, RuntimeMode requested) {
    boolean allBounded = allBounded(transforms);
    if (requested == RuntimeMode.BATCH && !allBounded) {
      throw new IllegalArgumentException(
          "BATCH mode needs bounded sources, but the job has an unbounded source");
    }
    if (requested == RuntimeMode.AUTOMATIC) {
      return allBounded ? RuntimeMode.BATCH : RuntimeMode.STREAMING;
    }
    return requested;
  }

  private static boolean allBounded(List<Transform> transforms) {
    for (Transform t : transforms) {
      if (t.factory() instanceof Factories.SourceFactory s && !s.source().isBounded()) {
        return false;
      }
    }
    return true;
  }

  private void addAll(List<Transform> transforms, int defaultParallelism) {
    for (Transform t : transforms) {
      int p = t.parallelism() > 0 ? t.parallelism() : defaultParallelism;
      int maxP = t.maxParallelism() > 0 ? t.maxParallelism() : Math.max(KeyGroups.DEFAULT_MAX_PARALLELISM, p);
      if (maxP < p) {
        throw new IllegalArgumentException(
            "operator '" + t.name() + "': maxParallelism " + maxP + " is below its parallelism " + p);
      }
      Node node = new Node(t.id(), t.name(), t.factory(), p, maxP);
      node.outputType = RecordTypes.edgeType(t.outputType());
      node.transform = t;
      node.inputs.addAll(t.inputs());
      nodes.put(t.id(), node);
      nextId = Math.max(nextId, t.id() + 1);
    }
    for (Node node : nodes.values()) {
      for (TransformInput in : node.inputs) {
        Node from = nodes.get(in.from().id());
        Partitioning p = in.partitioning();
        if (p == Partitioning.FORWARD && from.parallelism != node.parallelism) {
          p = Partitioning.REBALANCE;
        }
        node.resolvedInputs.add(new NodeInput(from.id, p, in.key(), in.inputIndex(), in.sideOutput()));
      }
    }
  }

  /** Puts a combiner, chained to the producer, before each BATCH keyed reduce/aggregate. */
  private void addCombiners() {
    for (Node node : new ArrayList<>(nodes.values())) {
      OperatorFactory local;
      OperatorFactory replacement;
      KeySelector<?, ?> newKey;
      if (node.factory instanceof Factories.KeyedReduce r) {
        // as an aggregate, so partials travel with their key (the reduced value may not keep it)
        var aggregate = new ReduceAggregate<>(r.function());
        local = new Factories.LocalAggregate(r.key(), null, aggregate);
        replacement = new Factories.KeyedAggregate(aggregate, r.key(), true);
        newKey = replacement.keySelector(0);
      } else if (node.factory instanceof Factories.KeyedAggregate a && !a.preAggregated()) {
        local = new Factories.LocalAggregate(a.key(), null, a.function());
        replacement = new Factories.KeyedAggregate(a.function(), a.key(), true);
        newKey = replacement.keySelector(0);
      } else {
        continue;
      }
      List<NodeInput> rewired = new ArrayList<>();
      for (NodeInput in : node.resolvedInputs) {
        Node from = nodes.get(in.from());
        Node combiner =
            new Node(nextId++, "combine " + node.name, local, from.parallelism, from.maxParallelism);
        combiner.resolvedInputs.add(new NodeInput(from.id, Partitioning.FORWARD, null, 0, in.side()));
        nodes.put(combiner.id, combiner);
        rewired.add(new NodeInput(combiner.id, in.partitioning(), newKey, in.inputIndex(), null));
      }
      node.resolvedInputs.clear();
      node.resolvedInputs.addAll(rewired);
      node.factory = replacement;
    }
  }

  /** The record class name on an edge from {@code from}'s main output (side null) or side output {@code side}; null when unknown. */
  private static String recordType(Node from, String side) {
    if (side == null) {
      return from.outputType;
    }
    return from.transform == null ? null : RecordTypes.edgeType(from.transform.sideOutputType(side));
  }

  private JobGraph toGraph(String jobId, String name, JobConfig config) {
    Map<Integer, List<Node>> mainConsumers = new LinkedHashMap<>();
    for (Node node : nodes.values()) {
      for (NodeInput in : node.resolvedInputs) {
        if (in.side() == null) {
          mainConsumers.computeIfAbsent(in.from(), k -> new ArrayList<>()).add(node);
        }
      }
    }
    Map<Integer, Integer> vertexOf = new LinkedHashMap<>();
    Map<Integer, Integer> positionOf = new LinkedHashMap<>(); // in its vertex's chain
    List<List<Node>> chains = new ArrayList<>();
    for (Node node : nodes.values()) {
      if (isChainedToPredecessor(node, mainConsumers)) {
        continue;
      }
      List<Node> chain = new ArrayList<>();
      Node current = node;
      while (true) {
        positionOf.put(current.id, chain.size());
        chain.add(current);
        vertexOf.put(current.id, node.id);
        List<Node> consumers = mainConsumers.getOrDefault(current.id, List.of());
        if (consumers.size() == 1 && isChainedToPredecessor(consumers.get(0), mainConsumers)) {
          current = consumers.get(0);
        } else {
          break;
        }
      }
      chains.add(chain);
    }
    List<JobVertex> vertices = new ArrayList<>();
    List<JobEdge> edges = new ArrayList<>();
    for (List<Node> chain : chains) {
      Node head = chain.get(0);
      List<OperatorSpec> specs = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Node n : chain) {
        specs.add(new OperatorSpec(n.name, n.factory.kind(), UserCode.serialize(n.factory, "operator '" + n.name + "'")));
        names.add(n.name);
      }
      vertices.add(new JobVertex(head.id, String.join(" -> ", names), head.parallelism, head.maxParallelism, specs));
      for (Node n : chain) {
        for (NodeInput in : n.resolvedInputs) {
          if (n != head && in.side() == null) {
            continue; // chained
          }
          byte[] key = in.key() == null ? null : UserCode.serialize(in.key(), "the key selector of '" + n.name + "'");
          String type = recordType(nodes.get(in.from()), in.side());
          edges.add(new JobEdge(vertexOf.get(in.from()), positionOf.get(in.from()), head.id,
              in.partitioning(), in.inputIndex(), in.side(), key, type));
        }
      }
    }
    return new JobGraph(jobId, name, vertices, edges, config);
  }

  private boolean isChainedToPredecessor(Node node, Map<Integer, List<Node>> mainConsumers) {
    if (node.resolvedInputs.size() != 1 || node.factory.kind() == OperatorKind.SOURCE) {
      return false;
    }
    NodeInput in = node.resolvedInputs.get(0);
    if (in.partitioning() != Partitioning.FORWARD || in.side() != null || in.inputIndex() != 0) {
      return false;
    }
    Node from = nodes.get(in.from());
    return from.parallelism == node.parallelism
        && from.maxParallelism == node.maxParallelism
        && mainConsumers.getOrDefault(from.id, List.of()).size() == 1;
  }

}
