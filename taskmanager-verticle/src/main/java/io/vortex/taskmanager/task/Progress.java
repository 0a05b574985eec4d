package io.vortex.taskmanager.task;

/** What one {@link Task#runOnce} step achieved. */
public enum Progress {
  /** Processed input or changed state; call again soon. */
  MADE_PROGRESS,
  /** Waiting for input, output capacity, a timer or an async completion. */
  NO_PROGRESS,
  /** Finished, failed or cancelled: never call again. */
  DONE
}
