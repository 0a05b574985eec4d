package io.vortex.api.client;

/** The root of Vortex's runtime failures, delivered as failed futures. */
public class VortexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VortexException(String message) {
    super(message);
  }

  public VortexException(String message, Throwable cause) {
    super(message, cause);
  }
}
