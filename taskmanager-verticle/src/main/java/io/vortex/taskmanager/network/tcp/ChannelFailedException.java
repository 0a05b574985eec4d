package io.vortex.taskmanager.network.tcp;

/** The channel cannot carry records any more: its other end or its connection failed. */
public final class ChannelFailedException extends RuntimeException {
  public ChannelFailedException(String message) {
    super(message);
  }

  public ChannelFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
