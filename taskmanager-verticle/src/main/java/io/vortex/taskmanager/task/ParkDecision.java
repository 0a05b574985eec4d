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
   * Short timed parks end on a grid of this period on {@code System.nanoTime()}, the same for
   * every slot of the machine: records due within one period share one wakeup (a source instance
   * at 50,000 records/s is woken about every 100 µs, not every 20 µs), which bounds the cost of
   * waking to about 10,000 wakeups a second per slot and adds at most this much latency. And
   * the slots wake together: a record one slot sends to another then mostly finds it running, so
   * the hand-over costs no extra thread wakeup (about a third of the CPU of W4 at 100,000
   * events/s, see jmh/README.md).
   */
  static final long GRID_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
  /**
   * Waits at least this long go to an event-loop timer: Netty's NIO loop waits in whole
   * milliseconds, so it wakes up to 1 ms late, but it costs one thread wakeup instead of the
   * {@link PreciseTimer}'s two. Shorter waits go to the {@link PreciseTimer}, unless the loop's
   * timers are precise (native epoll transport): then every wait goes to the event loop.
   */
  static final long EVENT_LOOP_TIMER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

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

  /** As {@link #decide(long, long, boolean, long)} on an event loop whose timers wait whole milliseconds (NIO). */
  static ParkDecision decide(long soonestNanos, long spunNanos, long nowNanos) {
    return decide(soonestNanos, spunNanos, false, nowNanos);
  }

  /**
   * @param soonestNanos nanoseconds until the soonest task has input due, or -1 when every task
   *     waits for a wakeup
   * @param spunNanos how long the slot has already been running its tasks without progress
   * @param preciseLoopTimers the event loop's timers are precise to microseconds (Netty's native
   *     epoll transport arms a timerfd): every timed park goes to the event loop, no thread hop
   * @param nowNanos {@code System.nanoTime()}: a short park ends at the next point of the grid
   */
  static ParkDecision decide(
      long soonestNanos, long spunNanos, boolean preciseLoopTimers, long nowNanos) {
    if (soonestNanos < 0) {
      return WAIT;
    }
    if (soonestNanos <= SPIN_NANOS && spunNanos < SPIN_NANOS) {
      return SPIN;
    }
    if (soonestNanos >= EVENT_LOOP_TIMER_NANOS) {
      return new ParkDecision(Kind.EVENT_LOOP_TIMER, soonestNanos);
    }
    // also when input is due now but spinning did not help: never a busy wait
    long delay = untilGridPoint(nowNanos, soonestNanos);
    return new ParkDecision(preciseLoopTimers ? Kind.EVENT_LOOP_TIMER : Kind.PRECISE_TIMER, delay);
  }

  /**
   * Nanoseconds from {@code now} to the first grid point at or after {@code now + soonest}, and
   * never 0: a park that ended at once could repeat without limit when nothing progresses.
   */
  static long untilGridPoint(long now, long soonest) {
    long due = now + soonest;
    long delay = soonest + Math.floorMod(-due, GRID_NANOS);
    return delay > 0 ? delay : GRID_NANOS;
  }
}
