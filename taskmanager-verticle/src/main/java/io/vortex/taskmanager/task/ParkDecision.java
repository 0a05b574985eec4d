package io.vortex.taskmanager.task;

import java.util.concurrent.TimeUnit;

/**
 * What a slot does after a round in which no task made progress: run the tasks again at once
 * (input is due within microseconds), wait for a timer, or wait for a wakeup (data, capacity, an
 * async completion). Never a busy wait longer than {@link #SPIN_NANOS} in a row: a slot with
 * nothing to do costs nothing.
 *
 * <p>Threading: immutable.
 *
 * @param kind what to do
 * @param delayNanos for a timer: how long to wait
 */
record ParkDecision(Kind kind, long delayNanos) {
  /** Input due this soon is waited for by running the tasks again: parking would cost more. */
  static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(5);
  /**
   * Waits at least this long go to an event-loop timer (millisecond resolution: at most 10 %
   * late); shorter ones to the {@link PreciseTimer}.
   */
  static final long EVENT_LOOP_TIMER_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  /** The choices. */
  enum Kind {
    /** Run the tasks again now. */
    SPIN,
    /** Park; a timer of the {@link PreciseTimer} wakes the slot after {@code delayNanos}. */
    PRECISE_TIMER,
    /** Park; an event-loop timer wakes the slot after {@code delayNanos}. */
    EVENT_LOOP_TIMER,
    /** Park until a wakeup. */
    WAIT
  }

  private static final ParkDecision SPIN = new ParkDecision(Kind.SPIN, 0);
  private static final ParkDecision WAIT = new ParkDecision(Kind.WAIT, -1);

  /**
   * @param soonestNanos nanoseconds until the soonest task has input due, or -1 when every task
   *     waits for a wakeup
   * @param spunNanos how long the slot has already been running its tasks without progress
   */
  static ParkDecision decide(long soonestNanos, long spunNanos) {
    if (soonestNanos < 0) {
      return WAIT;
    }
    if (soonestNanos <= SPIN_NANOS && spunNanos < SPIN_NANOS) {
      return SPIN;
    }
    if (soonestNanos >= EVENT_LOOP_TIMER_NANOS) {
      return new ParkDecision(Kind.EVENT_LOOP_TIMER, soonestNanos);
    }
    // due now but spun long enough (a task's clock says "due" yet it cannot run): still park
    return new ParkDecision(Kind.PRECISE_TIMER, Math.max(soonestNanos, SPIN_NANOS));
  }
}
