package io.vortex.api.internal.operators;

import io.vortex.api.RuntimeMode;
import io.vortex.api.state.KeyedStateBackend;

/** What the task gives an operator instance. */
public interface OperatorContext {
  String operatorName();

  int subtaskIndex();

  int parallelism();

  int maxParallelism();

  /** BATCH or STREAMING, never AUTOMATIC. */
  RuntimeMode mode();

  /** Keyed state for this operator, or null on a non-keyed operator. */
  KeyedStateBackend stateBackend();

  ProcessingTimeService processingTime();

  void addToCounter(String name, long delta);
}
