package io.vortex.taskmanager.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

  private static Task task(PacedInput input, Task.Listener listener) throws Exception {
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
}
