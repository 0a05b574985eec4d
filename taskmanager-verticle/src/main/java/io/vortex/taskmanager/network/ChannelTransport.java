package io.vortex.taskmanager.network;

/**
 * Connects producer and consumer subtasks: in one JVM by handing objects over, between
 * TaskManagers over TCP. Either end may be opened first.
 */
public interface ChannelTransport {
  OutputChannel output(ChannelId id);

  InputChannel input(ChannelId id);

  /** Drops every channel of the job (it has ended). */
  void release(String jobId);
}
