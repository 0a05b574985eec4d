package io.vortex.taskmanager.network.tcp;

/** A job needs more network buffers than the TaskManager is configured with. */
public final class NetworkMemoryException extends RuntimeException {
  public NetworkMemoryException(String message) {
    super(message);
  }
}
