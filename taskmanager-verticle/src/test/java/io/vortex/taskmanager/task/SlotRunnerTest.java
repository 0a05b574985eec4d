package io.vortex.taskmanager.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vortex.api.RuntimeMode;
import io.vortex.cluster.TaskState;
import io.vortex.taskmanager.network.InputGate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A slot runner on a real event loop, counting how often it steps its task. */
@ExtendWith(VertxExtension.class)
class SlotRunnerTest {

  /**
   * Emits record i once {@code i * period} has passed since the first read, says when the next
   * one is due, and counts the reads (the runner's steps of the task).
   *
   * <p>Threading: confined to the slot's event loop; {@code reads} is read by the test after.
   */
  private static final class PacedInput implements TaskInput {
    private final int records;
    private final long periodNanos;
    private final AtomicInteger reads = new AtomicInteger();
    private long startNanos = -1;
    private int emitted;

    PacedInput(int records, long periodNanos) {
      this.records = records;
      this.periodNanos = periodNanos;
    }

    @Override
    public InputGate.Status read(ChainEntry entry, int maxRecords) throws Exception {
      reads.incrementAndGet();
      long now = System.nanoTime();
      if (startNanos < 0) {
        startNanos = now;
      }
      int n = 0;
      while (emitted < records && n < maxRecords && now >= due(emitted)) {
        entry.processElement(0, emitted++, 0);
        n++;
      }
      if (emitted == records) {
        return InputGate.Status.END_OF_INPUT;
      }
      return n > 0 ? InputGate.Status.MORE_AVAILABLE : InputGate.Status.NOTHING_AVAILABLE;
    }

    private long due(int record) {
      return startNanos + record * periodNanos;
    }

    @Override
    public long nanosUntilAvailable() {
      return Math.max(0, due(emitted) - System.nanoTime());
    }
  }

  /**
   * Takes what another thread queued (announced by a wakeup of the runner) until it takes -1.
   *
   * <p>Threading: {@code queue} is fed by the test's thread; the rest is confined to the slot.
   */
  private static final class QueueInput implements TaskInput {
    final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
    int taken;

    @Override
    public InputGate.Status read(ChainEntry entry, int maxRecords) {
      for (int n = 0; n < maxRecords; n++) {
        Integer item = queue.poll();
        if (item == null) {
          return n > 0 ? InputGate.Status.MORE_AVAILABLE : InputGate.Status.NOTHING_AVAILABLE;
        }
        if (item < 0) {
          return InputGate.Status.END_OF_INPUT;
        }
        taken++;
      }
      return InputGate.Status.MORE_AVAILABLE;
    }

    @Override
    public long nanosUntilAvailable() {
      return -1; // only a wakeup brings input
    }
  }

  private static Task task(TaskInput input, Task.Listener listener) throws Exception {
    var clock = new TaskClock();
    Map<String, Long> counters = new HashMap<>();
    var services = new TaskServices(
        "job", 0, 1, 128, RuntimeMode.STREAMING, null, SlotRunnerTest.class.getClassLoader(), clock, counters,
        (s, i, r) -> Future.succeededFuture(), () -> {});
    var chain = new OperatorChain(List.of(), new TaskOutput(List.of()), services);
    return new Task(new TaskId("job", 0, 0), "paced (1/1)", input, chain, List.of(), clock, counters, 100, listener);
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void when_sourcePacedAt500PerSecond_then_aboutOneStepPerRecordNoSpinning(Vertx vertx, VertxTestContext ctx)
      throws Exception {
    // Given: 100 records, one every 2 ms, on a slot of its own
    int records = 100;
    var input = new PacedInput(records, TimeUnit.MILLISECONDS.toNanos(2));
    Context context = vertx.getOrCreateContext();
    var runner = new SlotRunner(context);
    Task task = task(input, (t, state, failure, counters) -> {
      if (state == TaskState.FINISHED) {
        ctx.verify(() -> {
          // Then: every record was read, with a step for it and a few for timers that fired
          // a little early or late, not the thousands of a slot spinning until input is due
          assertEquals(records, input.emitted);
          assertTrue(input.reads.get() <= 3 * records, "steps: " + input.reads.get());
        });
        ctx.completeNow();
      }
    });

    // When
    context.runOnContext(v -> runner.add(task));
  }

  @Test
  void when_theParkedSlotsTimerIsDueWithinTheCoalescingBound_then_aWakeupWaitsForIt() {
    long now = 1_000_000;
    // When / Then: due within 100 µs (or overdue, so firing now): the timer's round will come
    assertTrue(SlotRunner.leavesWakeupToTimer(now + 60_000, now));
    assertTrue(SlotRunner.leavesWakeupToTimer(now + SlotRunner.COALESCE_NANOS, now));
    assertTrue(SlotRunner.leavesWakeupToTimer(now - 5_000, now));
    // further away, or no timer at all: a round at once
    assertFalse(SlotRunner.leavesWakeupToTimer(now + SlotRunner.COALESCE_NANOS + 1, now));
    assertFalse(SlotRunner.leavesWakeupToTimer(SlotRunner.NO_TIMER, now));
    assertFalse(SlotRunner.leavesWakeupToTimer(SlotRunner.NO_TIMER, -now)); // no overflow
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void when_anotherThreadHandsOverWorkWhileAPacedTaskKeepsTimersNear_then_noWakeupIsLost(
      Vertx vertx, VertxTestContext ctx) throws Exception {
    // Given: a slot with a source paced at 50,000 records/s for 0.2 s (its parks end within
    // 100 µs, so wakeups are left to its timers) and a task fed by this thread
    var paced = new PacedInput(10_000, TimeUnit.MICROSECONDS.toNanos(20));
    var queued = new QueueInput();
    int items = 20_000;
    Context context = vertx.getOrCreateContext();
    var runner = new SlotRunner(context);
    var finished = new AtomicInteger();
    Task.Listener listener = (t, state, failure, counters) -> {
      if (state == TaskState.FINISHED && finished.incrementAndGet() == 2) {
        ctx.verify(() -> assertEquals(items, queued.taken)); // Then: every item was taken
        ctx.completeNow();
      }
    };
    Task pacedTask = task(paced, listener);
    Task queueTask = task(queued, listener);
    context.runOnContext(v -> {
      runner.add(pacedTask);
      runner.add(queueTask);
    });

    // When: items handed over one by one with a wakeup each, while the paced task runs and
    // after it has ended (then no timer is near and a wakeup must run a round at once)
    for (int i = 0; i < items; i++) {
      queued.queue.add(i);
      runner.wakeup();
      if (i % 100 == 0) {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50)); // let the slot park
      }
    }
    queued.queue.add(-1);
    runner.wakeup();
  }
}
