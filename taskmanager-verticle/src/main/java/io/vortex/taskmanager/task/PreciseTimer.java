package io.vortex.taskmanager.task;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs wakeups after short waits that an event-loop timer would get wrong: Netty's NIO loop
 * waits in whole milliseconds, so a 200 µs wait there lasts 1 ms. One daemon thread for the JVM
 * parks until the earliest deadline (a few tens of µs late on Linux) and runs the wakeup, which
 * must be cheap and thread-safe ({@link SlotRunner#wakeup} only schedules a round on the slot's
 * event loop). Parked, the thread costs nothing; it holds nothing but pending wakeups.
 *
 * <p>Threading: thread-safe.
 */
final class PreciseTimer {
  private static final ScheduledThreadPoolExecutor EXECUTOR = executor();

  private PreciseTimer() {}

  private static ScheduledThreadPoolExecutor executor() {
    var executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "vortex-precise-timer");
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /** Runs {@code wakeup} on the timer thread once {@code delayNanos} have passed. */
  static void schedule(long delayNanos, Runnable wakeup) {
    EXECUTOR.schedule(wakeup, delayNanos, TimeUnit.NANOSECONDS);
  }
}
