package io.vortex.api.function;

import io.vortex.api.state.KeyedStateStore;

/**
 * What a running function can see of its task: its position in the job, keyed state (on keyed
 * streams only) and counters that are summed over all subtasks into the job result.
 */
public interface RuntimeContext {
  String operatorName();

  int subtaskIndex();

  int parallelism();

  /** Keyed state, scoped to the key of the current record. Fails on a non-keyed stream. */
  KeyedStateStore state();

  /** Adds {@code delta} to the job-wide counter {@code name} (reported in the job result). */
  void addToCounter(String name, long delta);
}
