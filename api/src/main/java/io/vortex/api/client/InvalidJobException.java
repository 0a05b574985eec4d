package io.vortex.api.client;

/** The JobManager refused a job graph; nothing was deployed. */
public final class InvalidJobException extends VortexException {
  private static final long serialVersionUID = 1L;

  public InvalidJobException(String message) {
    super(message);
  }
}
