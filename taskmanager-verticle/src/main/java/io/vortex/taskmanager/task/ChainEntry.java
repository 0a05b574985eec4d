package io.vortex.taskmanager.task;

/** Where a task's input enters its operator chain. Threading: confined to the task's thread. */
interface ChainEntry {
  void processElement(int input, Object value, long timestamp) throws Exception;

  void processWatermark(long watermark) throws Exception;

  void processIdle(boolean idle);

  /**
   * True when the chain must take no more input now: an operator holds output (a burst that did
   * not fit) or a writer is full. Cheap: inputs ask after every record.
   */
  boolean isBlocked();
}
