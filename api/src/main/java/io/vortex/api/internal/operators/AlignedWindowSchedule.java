package io.vortex.api.internal.operators;

import io.vortex.api.window.Window;
import java.util.Map;
import java.util.TreeMap;

/**
 * The windows of an aligned assigner (tumbling or sliding event time, where every key has the
 * same windows) that hold contents for some key, and what each is due for: firing at its max
 * timestamp, and dropping its state at its cleanup time (max timestamp plus allowed lateness).
 * One entry per window instead of a timer per key and window: when a window is due, the window
 * operator walks the window's keys. Due actions come in time order, as timers would fire.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class AlignedWindowSchedule<W extends Window> {
  /** A due window: fire it, drop it, or both (when the allowed lateness is zero). */
  record Due<W>(W window, boolean fire, boolean cleanup) {}

  /** Cleanup time of a window (saturating), given by the operator. */
  @FunctionalInterface
  interface CleanupTime<W> {
    long of(W window);
  }

  private final CleanupTime<W> cleanupTime;
  private final TreeMap<Long, W> unfired = new TreeMap<>(); // by max timestamp
  private final TreeMap<Long, W> live = new TreeMap<>(); // every window not yet dropped
  private W lastAdded;

  AlignedWindowSchedule(CleanupTime<W> cleanupTime) {
    this.cleanupTime = cleanupTime;
  }

  /**
   * A key's window got contents. {@code alreadyFired}: its max timestamp is at or before the
   * watermark (a record within the allowed lateness fired it at once), so it is only dropped.
   */
  void add(W window, boolean alreadyFired) {
    if (window == lastAdded) {
      return;
    }
    Long max = window.maxTimestamp();
    if (live.putIfAbsent(max, window) == null && !alreadyFired) {
      unfired.put(max, window);
    }
    lastAdded = window;
  }

  /** The earliest action due at or before {@code watermark}, or null; see {@link #done}. */
  Due<W> next(long watermark) {
    Map.Entry<Long, W> fire = unfired.firstEntry();
    Map.Entry<Long, W> drop = live.firstEntry();
    boolean fireDue = fire != null && fire.getKey() <= watermark;
    boolean dropDue = drop != null && cleanupTime.of(drop.getValue()) <= watermark;
    if (fireDue && (!dropDue || fire.getKey() <= cleanupTime.of(drop.getValue()))) {
      W window = fire.getValue();
      return new Due<>(window, true, cleanupTime.of(window) == fire.getKey());
    }
    return dropDue ? new Due<>(drop.getValue(), false, true) : null;
  }

  /** The action {@link #next} returned has been carried out for every key. */
  void done(Due<W> due) {
    Long max = due.window().maxTimestamp();
    if (due.fire()) {
      unfired.remove(max);
    }
    if (due.cleanup()) {
      live.remove(max);
      if (lastAdded != null && lastAdded.maxTimestamp() == max) {
        lastAdded = null;
      }
    }
  }

  /** Windows not yet dropped. */
  int size() {
    return live.size();
  }
}
