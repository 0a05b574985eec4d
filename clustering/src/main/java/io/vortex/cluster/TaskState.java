package io.vortex.cluster;

/** The life cycle of one subtask. */
public enum TaskState {
  DEPLOYING,
  RUNNING,
  FINISHED,
  FAILED,
  CANCELED;

  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == CANCELED;
  }
}
