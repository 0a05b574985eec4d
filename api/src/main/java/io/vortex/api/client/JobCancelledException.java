package io.vortex.api.client;

/** The job was cancelled before it finished. */
public final class JobCancelledException extends VortexException {
  private static final long serialVersionUID = 1L;

  public JobCancelledException(String jobId) {
    super("job " + jobId + " was cancelled");
  }
}
