package io.vortex.taskmanager.network;

/** Control events in line with the records. They never need credit. */
public sealed interface ChannelEvent extends ChannelItem {
  /** Event time of the producer has reached {@code timestamp}. */
  record Watermark(long timestamp) implements ChannelEvent {}

  /** The producer is idle (holds no watermark back) or active again. */
  record IdleStatus(boolean idle) implements ChannelEvent {}

  /** The producer will send nothing more on this channel. */
  enum EndOfPartition implements ChannelEvent {
    INSTANCE
  }
}
