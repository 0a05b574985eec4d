package io.vortex.taskmanager.network;

import io.vortex.api.graph.JobGraph;
import io.vortex.cluster.TaskPlacement;
import java.util.List;

/**
 * Connects producer and consumer subtasks: in one JVM by handing objects over, between
 * TaskManagers over TCP. Either end may be opened first.
 */
public interface ChannelTransport {
  OutputChannel output(ChannelId id);

  InputChannel input(ChannelId id);

  /**
   * Where the job's subtasks run, given at deploy before its tasks open channels: a channel to a
   * subtask on another TaskManager then goes over TCP. Without placements everything is local.
   */
  default void placeJob(JobGraph graph, List<TaskPlacement> placements, ClassLoader loader) {
    placeJob(graph, 0, placements, loader);
  }

  /**
   * As {@link #placeJob(JobGraph, List, ClassLoader)}, for execution {@code attempt} of the job:
   * frames of its earlier attempts that still arrive are dropped.
   */
  default void placeJob(JobGraph graph, int attempt, List<TaskPlacement> placements, ClassLoader loader) {}

  /** The task failed: its channels fail, so the tasks at their other ends stop at once. */
  default void failTask(String jobId, int vertexId, int subtask, String cause) {}

  /** Drops every channel of the job (it has ended). */
  void release(String jobId);
}
