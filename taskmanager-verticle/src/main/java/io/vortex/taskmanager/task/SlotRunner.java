package io.vortex.taskmanager.task;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tasks of one slot on the slot's event loop, cooperatively: rounds of {@code
 * runOnce} over all tasks, yielding to the event loop about every millisecond. When no task can
 * make progress the slot parks (see {@link ParkDecision}): it returns to the event loop until a
 * wakeup (data, capacity, an async completion) or, when a task said when its input is due (a
 * paced source, a processing-time timer), a timer. It never busy-waits longer than a few µs.
 *
 * <p>A wakeup that finds the slot parked on a timer due within {@link #COALESCE_NANOS} leaves
 * the work to that timer: a thread wakeup is the main cost of a lightly loaded slot (W4 at
 * 100,000 events/s spent most of its CPU switching threads), and records that one slot hands to
 * another paced one then cost no wakeup of their own. It adds at most that much latency, the
 * bound records due close together already share (see {@link ParkDecision#GRID_NANOS}).
 *
 * <p>Threading: tasks, the task list and {@code timerDueNanos} are confined to the slot's event
 * loop; {@link #wakeup} may be called from any thread and touches only the atomic {@code
 * state} and the volatile {@code parkedUntilNanos}.
 */
public final class SlotRunner {
  /** Records per task step: big enough to amortise, small enough to share the loop. */
  static final int STEP_RECORDS = 1024;
  static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  /** A wakeup this close to the parked slot's timer waits for the timer. */
  static final long COALESCE_NANOS = ParkDecision.GRID_NANOS;
  static final long NO_TIMER = Long.MAX_VALUE;

  private static final int IDLE = 0;
  private static final int SCHEDULED = 1;
  private static final int RUNNING = 2;
  private static final int RUNNING_WOKEN = 3;

  private final Context context;
  /** The event loop's timers are precise to microseconds (native transport), not milliseconds. */
  private final boolean preciseLoopTimers;
  private final AtomicInteger state = new AtomicInteger(IDLE);
  private final List<Task> tasks = new ArrayList<>();
  private long timerDueNanos = Long.MAX_VALUE;
  /**
   * While the slot is parked: when its timer is due ({@link #NO_TIMER}: none). Written before
   * the state becomes IDLE, so a wakeup that sees IDLE sees the park's timer.
   */
  private volatile long parkedUntilNanos = NO_TIMER;
  /** Whether the last {@link #stepAll} made progress. */
  private boolean progressed;
  private final Handler<Void> round = v -> runRound(); // one instance: rounds are frequent
  private final Runnable timerWakeup = this::wakeupNow; // one instance: timers are frequent

  public SlotRunner(Context context) {
    this.context = context;
    this.preciseLoopTimers = context.owner().isNativeTransportEnabled();
  }

  public Context context() {
    return context;
  }

  /** Adds a task; call on the slot's event loop. */
  public void add(Task task) {
    task.setWakeup(this::wakeup);
    tasks.add(task);
    wakeup();
  }

  /** Cancels every task of {@code jobId}; call on the slot's event loop. */
  public void cancel(String jobId) {
    for (Task task : new ArrayList<>(tasks)) {
      if (task.id().jobId().equals(jobId)) {
        task.cancel();
        tasks.remove(task);
      }
    }
  }

  /** Cancels every task; call on the slot's event loop. */
  public void cancelAll() {
    for (Task task : new ArrayList<>(tasks)) {
      task.cancel();
    }
    tasks.clear();
  }

  public int taskCount() {
    return tasks.size();
  }

  /**
   * Makes the runner do a round soon: now, or at its timer when that is due within {@link
   * #COALESCE_NANOS}. Thread-safe and cheap when already running.
   */
  public void wakeup() {
    wakeup(true);
  }

  /** Makes the runner do a round now (a timer fired). */
  private void wakeupNow() {
    wakeup(false);
  }

  private void wakeup(boolean coalesce) {
    while (true) {
      int s = state.get();
      if (s == IDLE) {
        if (coalesce && leavesWakeupToTimer(parkedUntilNanos, System.nanoTime())) {
          return; // the timer is due (or firing): its round sees what this wakeup announced
        }
        if (state.compareAndSet(IDLE, SCHEDULED)) {
          context.runOnContext(round);
          return;
        }
      } else if (s == RUNNING) {
        if (state.compareAndSet(RUNNING, RUNNING_WOKEN)) {
          return;
        }
      } else {
        return; // SCHEDULED or already woken
      }
    }
  }

  /** Whether a wakeup of a slot parked until {@code timerNanos} ({@link #NO_TIMER}: none) waits for it. */
  static boolean leavesWakeupToTimer(long timerNanos, long nowNanos) {
    return timerNanos != NO_TIMER && timerNanos - nowNanos <= COALESCE_NANOS;
  }

  private void runRound() {
    parkedUntilNanos = NO_TIMER;
    state.set(RUNNING);
    ParkDecision park = runUntilIdle();
    if (park == null) {
      state.set(SCHEDULED);
      context.runOnContext(round); // the slice is used up: let the event loop run, then go on
      return;
    }
    switch (park.kind()) {
      case PRECISE_TIMER -> scheduleTimer(park.delayNanos(), true);
      case EVENT_LOOP_TIMER -> scheduleTimer(park.delayNanos(), false);
      default -> {} // a wakeup will come
    }
    parkedUntilNanos = timerDueNanos - System.nanoTime() > 0 ? timerDueNanos : NO_TIMER;
    if (!state.compareAndSet(RUNNING, IDLE)) {
      state.set(SCHEDULED); // woken during the round: go again
      context.runOnContext(round);
    }
  }

  /** Steps the tasks until none makes progress (how to park) or the slice is used up (null). */
  private ParkDecision runUntilIdle() {
    long start = System.nanoTime();
    long idleSince = -1; // when the steps stopped making progress
    while (true) {
      long soonest = stepAll();
      long now = System.nanoTime();
      if (progressed) {
        if (now - start >= SLICE_NANOS) {
          return null;
        }
        idleSince = -1;
        continue;
      }
      if (idleSince < 0) {
        idleSince = now;
      }
      ParkDecision park = ParkDecision.decide(soonest, now - idleSince, preciseLoopTimers, now);
      if (park.kind() != ParkDecision.Kind.SPIN) {
        return park;
      }
      Thread.onSpinWait(); // input is due within microseconds
    }
  }

  /**
   * Steps every task once; sets {@link #progressed}. Returns the nanoseconds until the soonest
   * task has input due, or -1 when all wait for a wakeup.
   */
  private long stepAll() {
    progressed = false;
    long soonest = -1;
    for (int i = 0; i < tasks.size(); i++) {
      Task task = tasks.get(i);
      Progress p = task.runOnce(STEP_RECORDS);
      if (p == Progress.DONE) {
        tasks.remove(i--);
        continue;
      }
      if (p == Progress.MADE_PROGRESS) {
        progressed = true;
      }
      long ready = task.nanosUntilReady();
      if (ready >= 0 && (soonest < 0 || ready < soonest)) {
        soonest = ready;
      }
    }
    return soonest;
  }

  private void scheduleTimer(long delayNanos, boolean precise) {
    long due = System.nanoTime() + delayNanos;
    if (due >= timerDueNanos && timerDueNanos > System.nanoTime()) {
      return; // an earlier timer is already set
    }
    timerDueNanos = due;
    if (precise) {
      PreciseTimer.schedule(delayNanos, timerWakeup);
    } else {
      context.owner().timer(delayNanos, TimeUnit.NANOSECONDS).onComplete(v -> wakeupNow());
    }
  }
}
