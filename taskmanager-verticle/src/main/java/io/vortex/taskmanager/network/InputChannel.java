package io.vortex.taskmanager.network;

/** The consuming end of a channel. Threading: used by the consuming task only. */
public interface InputChannel {
  /** The next item, or null when none is ready. */
  ChannelItem poll();

  /** Called (from any thread) when an item arrives on an empty channel. */
  void onData(Runnable wakeup);
}
