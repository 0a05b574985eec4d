package io.vortex.cluster;

import java.util.Objects;

/**
 * Subtask {@code subtask} of vertex {@code vertexId} runs on the TaskManager at {@code address}:
 * the data plane connects a channel's producer to its consumer from these.
 */
public record TaskPlacement(int vertexId, int subtask, DataAddress address) {
  public TaskPlacement {
    Objects.requireNonNull(address, "address");
  }
}
