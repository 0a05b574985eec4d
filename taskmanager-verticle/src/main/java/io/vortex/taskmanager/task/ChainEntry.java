package io.vortex.taskmanager.task;

/** Where a task's input enters its operator chain. Threading: confined to the task's thread. */
interface ChainEntry {
  void processElement(int input, Object value, long timestamp) throws Exception;

  void processWatermark(long watermark) throws Exception;

  void processIdle(boolean idle);
}
