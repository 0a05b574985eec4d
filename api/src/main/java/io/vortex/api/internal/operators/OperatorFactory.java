package io.vortex.api.internal.operators;

import io.vortex.api.graph.OperatorKind;
import java.io.Serializable;

/**
 * Creates one runtime operator per subtask. Factories travel inside the JobGraph as serialized
 * bytes, carrying the user functions.
 */
public interface OperatorFactory extends Serializable {
  StreamOperator<?> create();

  /** The operator kind shown in the graph and checked by the JobManager. */
  OperatorKind kind();

  /** The key selector of a keyed operator's input(s), or null. Input index 0 or 1. */
  default io.vortex.api.function.KeySelector<?, ?> keySelector(int input) {
    return null;
  }
}
