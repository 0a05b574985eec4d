package io.vortex.taskmanager.network;

import java.util.Objects;

/** One logical channel: from a producer subtask to a consumer subtask along one job edge. */
public record ChannelId(String jobId, int edge, int producer, int consumer) {
  public ChannelId {
    Objects.requireNonNull(jobId, "jobId");
  }
}
