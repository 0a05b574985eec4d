package io.vortex.api.client;

/** The life cycle of a job. */
public enum JobStatus {
  SUBMITTED,
  RUNNING,
  FINISHED,
  FAILED,
  CANCELED;

  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == CANCELED;
  }
}
