package io.vortex.taskmanager.task;

/** Subtask {@code subtask} of vertex {@code vertexId} of job {@code jobId}, in the job's execution {@code attempt}. */
public record TaskId(String jobId, int attempt, int vertexId, int subtask) {
  /** A task of the job's first attempt. */
  public TaskId(String jobId, int vertexId, int subtask) {
    this(jobId, 0, vertexId, subtask);
  }
}
