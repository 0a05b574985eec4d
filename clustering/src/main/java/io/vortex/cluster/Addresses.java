package io.vortex.cluster;

/** Event-bus addresses of the control plane. */
public final class Addresses {
  /** The JobManager: job submission, cancellation, TaskManager registration, task states. */
  public static final String JOB_MANAGER = "vortex.jobmanager";

  /** Where TaskManagers fetch job jars (the JobManager's gRPC service keeps them). */
  public static final String JOB_JARS = "vortex.jobmanager.jars";

  private Addresses() {}

  /** A TaskManager: task deployment and cancellation. */
  public static String taskManager(String taskManagerId) {
    return "vortex.taskmanager." + taskManagerId;
  }

  /** Where a job's events go: the client that submitted it listens here. */
  public static String jobEvents(String jobId) {
    return "vortex.job." + jobId + ".events";
  }
}
