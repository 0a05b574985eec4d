package io.vortex.taskmanager.task;

import io.vortex.taskmanager.network.InputGate;

/** Where a task's records come from: its input gate or a source reader. */
interface TaskInput {
  /** Feeds up to about {@code maxRecords} records into {@code entry}. */
  InputGate.Status read(ChainEntry entry, int maxRecords) throws Exception;

  /** After NOTHING_AVAILABLE: nanoseconds until input is due, or -1 to wait for a wakeup. */
  default long nanosUntilAvailable() {
    return -1;
  }

  default void close() throws Exception {}
}
