package io.vortex.jobmanager.scheduler;

import io.vortex.api.client.JobStatus;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.JobVertex;
import io.vortex.cluster.TaskState;
import java.util.HashMap;
import java.util.Map;

/**
 * The running state of one job: the state of every subtask, the job's status, and the counters
 * of finished subtasks. The one mutable state machine of a job.
 *
 * <p>Threading: confined to the JobManager's event loop.
 */
public final class ExecutionGraph {
  /** Subtask {@code subtask} of vertex {@code vertexId}. */
  public record SubtaskId(int vertexId, int subtask) {}

  private final JobGraph graph;
  private final Map<SubtaskId, TaskState> states = new HashMap<>();
  private final Map<String, Long> counters = new HashMap<>();
  private final long startMillis = System.currentTimeMillis();
  private JobStatus status = JobStatus.SUBMITTED;
  private int finished;

  public ExecutionGraph(JobGraph graph) {
    this.graph = graph;
    for (JobVertex v : graph.vertices()) {
      for (int i = 0; i < v.parallelism(); i++) {
        states.put(new SubtaskId(v.id(), i), TaskState.DEPLOYING);
      }
    }
  }

  public JobGraph graph() {
    return graph;
  }

  public JobStatus status() {
    return status;
  }

  public void setStatus(JobStatus status) {
    this.status = status;
  }

  public int subtaskCount() {
    return states.size();
  }

  /**
   * Records a subtask's new state; returns the job status it leads to (FINISHED once every
   * subtask finished, FAILED on a failure or on a subtask cancelled while the job was not, e.g.
   * by its TaskManager stopping; else unchanged). Ignored once the job is terminal.
   */
  public JobStatus update(int vertexId, int subtask, TaskState state, Map<String, Long> taskCounters) {
    if (status.isTerminal()) {
      return status;
    }
    SubtaskId id = new SubtaskId(vertexId, subtask);
    TaskState previous = states.get(id);
    if (previous == null || previous.isTerminal()) {
      return status; // unknown or duplicate report
    }
    states.put(id, state);
    if (state == TaskState.RUNNING && status == JobStatus.SUBMITTED) {
      status = JobStatus.RUNNING;
    } else if (state == TaskState.FINISHED) {
      taskCounters.forEach((k, v) -> counters.merge(k, v, Long::sum));
      if (++finished == states.size()) {
        status = JobStatus.FINISHED;
      }
    } else if (state == TaskState.FAILED || state == TaskState.CANCELED) {
      status = JobStatus.FAILED;
    }
    return status;
  }

  public Map<String, Long> counters() {
    return Map.copyOf(counters);
  }

  public long durationMillis() {
    return System.currentTimeMillis() - startMillis;
  }
}
