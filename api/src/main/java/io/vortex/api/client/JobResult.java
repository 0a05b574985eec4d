package io.vortex.api.client;

import java.util.Map;

/** A finished job: how long it ran and its counters summed over all subtasks. */
public record JobResult(String jobId, String name, long durationMillis, Map<String, Long> counters) {
  public JobResult {
    counters = Map.copyOf(counters);
  }

  /** A counter's value, 0 when no subtask added to it. */
  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }
}
