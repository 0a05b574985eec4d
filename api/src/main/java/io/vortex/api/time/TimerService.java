package io.vortex.api.time;

/** Timers and clocks of a keyed operator, scoped to the current key. */
public interface TimerService {
  /** The current processing time, epoch milliseconds. */
  long currentProcessingTime();

  /** The operator's current event-time watermark ({@link Long#MIN_VALUE} before the first). */
  long currentWatermark();

  /** Fires {@code onTimer} once the watermark reaches {@code time}. Duplicates collapse. */
  void registerEventTimeTimer(long time);

  /** Fires {@code onTimer} once the wall clock reaches {@code time}. Duplicates collapse. */
  void registerProcessingTimeTimer(long time);

  void deleteEventTimeTimer(long time);

  void deleteProcessingTimeTimer(long time);
}
