package io.vortex.taskmanager.network;

/** The producing end of a channel. Threading: used by the producing task only. */
public interface OutputChannel {
  /** Sends a batch or event. Never refuses: callers check {@link #hasCapacity()} before taking input. */
  void send(ChannelItem item);

  /** False when the consumer has not caught up: the producer must stop taking input. */
  boolean hasCapacity();

  /** Called (from any thread) when capacity frees up after {@link #hasCapacity()} was false. */
  void onCapacity(Runnable wakeup);

  /** Whether the consumer runs in another process: each batch sent costs a frame on a socket. */
  default boolean isRemote() {
    return false;
  }
}
