package io.vortex.api.internal.translate;

import io.vortex.api.graph.Partitioning;
import io.vortex.api.internal.operators.WindowFactories;
import io.vortex.api.internal.operators.WindowLocalAggregateOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * Two-stage window aggregation, in both runtime modes: puts a combiner ({@link
 * WindowLocalAggregateOperator}), chained to each producer, before every keyed window
 * aggregation that can take one, and makes the window merge the combiners' partials.
 *
 * <p>Only when the results are the same as without combiners: an incremental aggregation
 * (reduce or aggregate, with or without a process function) of tumbling or sliding event-time
 * windows, with no allowed lateness and no late side output. Lateness and late side outputs are
 * left out because of idle inputs: an input marked idle lets the window's watermark run ahead of
 * that producer's, so records the combiner took as on time may be late at the window, and a
 * partial cannot be split back into its records (to side-output them, or to re-fire once per
 * record). Without lateness a late partial is only dropped and counted, which is what the window
 * would have done with its records had they been delayed in the network.
 */
public final class WindowCombiners {
  private WindowCombiners() {}

  /**
   * The plan with combiners inserted. Leaves {@code transforms} as they are: a rewired window is
   * a new transform with the same id, so consumers (which refer to it by id) read it unchanged.
   */
  public static List<Transform> insert(List<Transform> transforms) {
    int nextId = 0;
    for (Transform t : transforms) {
      nextId = Math.max(nextId, t.id() + 1);
    }
    List<Transform> planned = new ArrayList<>(transforms.size());
    for (Transform t : transforms) {
      if (!(t.factory() instanceof WindowFactories.Keyed window) || !applies(window, t)) {
        planned.add(t);
        continue;
      }
      WindowFactories.Keyed fed = window.withCombiners();
      List<TransformInput> rewired = new ArrayList<>();
      for (TransformInput in : t.inputs()) {
        Transform combiner =
            new Transform(
                nextId++,
                "combine " + t.name(),
                window.combiner(),
                List.of(new TransformInput(in.from(), Partitioning.FORWARD, null, 0, in.sideOutput())));
        copyParallelism(in.from(), combiner); // chains to its producer
        planned.add(combiner);
        rewired.add(
            new TransformInput(combiner, Partitioning.HASH, fed.keySelector(0), in.inputIndex(), null));
      }
      Transform replacement = new Transform(t.id(), t.name(), fed, rewired);
      copyParallelism(t, replacement);
      replacement.setOutputType(t.outputType()); // resolved through t's own inputs, not the combiners'
      replacement.copySideOutputTypes(t);
      planned.add(replacement);
    }
    return planned;
  }

  private static boolean applies(WindowFactories.Keyed window, Transform t) {
    var definition = window.definition();
    if (window.preAggregated()
        || definition.allowedLatenessMillis() != 0
        || definition.lateTag() != null
        || !WindowLocalAggregateOperator.supports(definition)) {
      return false;
    }
    for (TransformInput in : t.inputs()) {
      if (in.partitioning() != Partitioning.HASH) {
        return false;
      }
    }
    return true;
  }

  private static void copyParallelism(Transform from, Transform to) {
    if (from.parallelism() > 0) {
      to.setParallelism(from.parallelism());
    }
    if (from.maxParallelism() > 0) {
      to.setMaxParallelism(from.maxParallelism());
    }
  }
}
