package io.vortex.taskmanager.task;

import io.vortex.api.graph.JobGraph;
import io.vortex.cluster.ControlMessage.Failure;

/** Describes why a task could not even start. */
public final class TaskFailures {
  private TaskFailures() {}

  public static Failure of(JobGraph graph, int vertexId, Throwable e) {
    if (e instanceof OperatorException oe) {
      return Task.failure(oe.operator(), oe.getCause());
    }
    return Task.failure(graph.vertex(vertexId).name(), e);
  }
}
