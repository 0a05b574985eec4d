package io.vortex.taskmanager.task;

import io.vortex.api.internal.TimeMath;
import io.vortex.api.internal.operators.ProcessingTimeService;
import java.util.TreeSet;

/**
 * A task's processing-time service: operators ask for ticks; the task fires due ticks at the
 * start of its next step and tells its runner when the next one is due.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class TaskClock implements ProcessingTimeService {
  private static final long MAX_WAIT_MILLIS = 3_600_000;
  private final TreeSet<Long> ticks = new TreeSet<>(); // duplicates collapse
  private Runnable wakeup = () -> {};

  void setWakeup(Runnable wakeup) {
    this.wakeup = wakeup;
  }

  @Override
  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public void requestTick(long timeMillis) {
    Long head = ticks.isEmpty() ? null : ticks.first();
    ticks.add(timeMillis);
    if (head == null || timeMillis < head) {
      wakeup.run(); // the runner may be idle with a later (or no) timer
    }
  }

  /** Calls the chain's processing-time hooks if a tick is due; true if it did. */
  boolean fireDue(OperatorChain chain) {
    if (ticks.isEmpty()) {
      return false;
    }
    long now = currentTimeMillis();
    if (ticks.first() > now) {
      return false;
    }
    ticks.headSet(now, true).clear();
    chain.onProcessingTime(now);
    return true;
  }

  /**
   * Nanoseconds to the next tick, or -1 when none is requested. A tick more than an hour ahead
   * counts as an hour (the runner looks again then): nanoseconds to a tick near {@link
   * Long#MAX_VALUE} would overflow, and a wrapped, negative wait would make the runner spin.
   */
  long nanosUntilNextTick() {
    if (ticks.isEmpty()) {
      return -1;
    }
    long millis = TimeMath.subtract(ticks.first(), currentTimeMillis());
    return millis <= 0 ? 0 : Math.min(millis, MAX_WAIT_MILLIS) * 1_000_000L;
  }
}
