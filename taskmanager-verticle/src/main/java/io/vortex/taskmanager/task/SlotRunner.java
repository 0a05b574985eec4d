package io.vortex.taskmanager.task;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tasks of one slot on the slot's event loop, cooperatively: rounds of {@code
 * runOnce} over all tasks, yielding to the event loop about every millisecond, parking when no
 * task can make progress until a wakeup (data, capacity, a timer) arrives.
 *
 * <p>Threading: tasks and the task list are confined to the slot's event loop; {@link #wakeup}
 * may be called from any thread and touches only the atomic {@code state}.
 */
public final class SlotRunner {
  /** Records per task step: big enough to amortise, small enough to share the loop. */
  static final int STEP_RECORDS = 1024;
  static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  /** Waits shorter than this spin on the event loop instead of a timer (timers have ms granularity). */
  static final long SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private static final int IDLE = 0;
  private static final int SCHEDULED = 1;
  private static final int RUNNING = 2;
  private static final int RUNNING_WOKEN = 3;

  private final Context context;
  private final AtomicInteger state = new AtomicInteger(IDLE);
  private final List<Task> tasks = new ArrayList<>();
  private long timerDueNanos = Long.MAX_VALUE;
  private final Handler<Void> round = v -> runRound(); // one instance: rounds are frequent

  public SlotRunner(Context context) {
    this.context = context;
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

  /** Makes the runner do a round soon. Thread-safe and cheap when already running. */
  public void wakeup() {
    while (true) {
      int s = state.get();
      if (s == IDLE) {
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

  private void runRound() {
    state.set(RUNNING);
    long start = System.nanoTime();
    boolean progress;
    long soonest;
    boolean spin;
    do {
      progress = false;
      soonest = Long.MAX_VALUE;
      for (int i = 0; i < tasks.size(); i++) {
        Task task = tasks.get(i);
        Progress p = task.runOnce(STEP_RECORDS);
        if (p == Progress.DONE) {
          tasks.remove(i--);
          continue;
        }
        if (p == Progress.MADE_PROGRESS) {
          progress = true;
        }
        long ready = task.nanosUntilReady();
        if (ready >= 0) {
          soonest = Math.min(soonest, ready);
        }
      }
      spin = !progress && soonest < SPIN_NANOS;
      if (spin) {
        // input is due within microseconds: wait here rather than through a timer, but let
        // other threads (GC, JIT) run now instead of preempting us later
        Thread.yield();
      }
    } while ((progress || spin) && System.nanoTime() - start < SLICE_NANOS);
    if (progress || spin) {
      state.set(SCHEDULED);
      context.runOnContext(round); // yield, then continue
      return;
    }
    if (soonest != Long.MAX_VALUE) {
      scheduleTimer(soonest);
    }
    if (!state.compareAndSet(RUNNING, IDLE)) {
      state.set(SCHEDULED); // woken during the round: go again
      context.runOnContext(round);
    }
  }

  private void scheduleTimer(long delayNanos) {
    long due = System.nanoTime() + delayNanos;
    if (due >= timerDueNanos && timerDueNanos > System.nanoTime()) {
      return; // an earlier timer is already set
    }
    timerDueNanos = due;
    long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos));
    context.owner().setTimer(millis, id -> {
      timerDueNanos = Long.MAX_VALUE;
      wakeup();
    });
  }
}
