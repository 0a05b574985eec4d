package io.vortex.taskmanager.network.tcp;

/** A frame that breaks the protocol: the connection carrying it is closed. */
public final class FrameException extends RuntimeException {
  public FrameException(String message) {
    super(message);
  }

  public FrameException(String message, Throwable cause) {
    super(message, cause);
  }
}
