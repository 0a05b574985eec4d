package io.vortex.taskmanager.network;

import java.util.Objects;

/**
 * One logical channel: from a producer subtask to a consumer subtask along one job edge, in one
 * execution {@code attempt} of the job (0 first; a restart deploys the next), so a frame still on
 * its way from an earlier attempt never reaches a channel of a later one.
 */
public record ChannelId(String jobId, int attempt, int edge, int producer, int consumer) {
  public ChannelId {
    Objects.requireNonNull(jobId, "jobId");
    if (attempt < 0) {
      throw new IllegalArgumentException("negative attempt " + attempt);
    }
  }

  /** A channel of the job's first attempt. */
  public ChannelId(String jobId, int edge, int producer, int consumer) {
    this(jobId, 0, edge, producer, consumer);
  }
}
