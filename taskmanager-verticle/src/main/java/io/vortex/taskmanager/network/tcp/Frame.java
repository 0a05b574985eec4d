package io.vortex.taskmanager.network.tcp;

import io.vortex.taskmanager.network.ChannelEvent;
import io.vortex.taskmanager.network.ChannelId;
import java.util.Objects;

/**
 * One unit on a TaskManager-to-TaskManager connection. Channel frames name their logical channel,
 * so one connection carries every channel between the two TaskManagers.
 *
 * <p>Threading: immutable (a {@link Data} frame's array window is handed over, never changed).
 */
public sealed interface Frame {
  /** First frame on a connection: who dialled. */
  record Hello(String taskManagerId) implements Frame {
    public Hello {
      Objects.requireNonNull(taskManagerId, "taskManagerId");
    }
  }

  /** Serialized records (see {@link BatchCodec}), sent against one credit; {@code backlog} data frames wait behind it. */
  record Data(ChannelId channel, int backlog, byte[] bytes, int offset, int length) implements Frame {
    public Data(ChannelId channel, int backlog, byte[] records) {
      this(channel, backlog, records, 0, records.length);
    }
  }

  /** An in-line event: needs no credit, keeps its place among the data frames. */
  record Event(ChannelId channel, ChannelEvent event) implements Frame {}

  /** The consumer grants {@code credits} more buffers. */
  record Credit(ChannelId channel, int credits) implements Frame {}

  /** The other end of the channel failed: the task on this end must stop. */
  record Fail(ChannelId channel, String message) implements Frame {}

  /** Frame type bytes on the wire. */
  byte HELLO = 1;
  byte DATA = 2;
  byte EVENT = 3;
  byte CREDIT = 4;
  byte FAIL = 5;
}
