package io.vortex.taskmanager.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The wait until a task's next tick, at the ends of {@code long}. */
class TaskClockTest {
  @Test
  void when_tickNearTheEndOfTime_then_waitIsPositiveAndBounded() {
    // Given: a timer "never" (Long.MAX_VALUE), whose wait in nanoseconds overflows a long
    var clock = new TaskClock();
    clock.requestTick(Long.MAX_VALUE);

    // When
    long nanos = clock.nanosUntilNextTick();

    // Then: not a wrapped (negative or zero) wait that would make the slot spin
    assertTrue(nanos > 0 && nanos <= 3_600_000_000_000L, "wait " + nanos + " ns");
  }

  @Test
  void when_tickAtTheBeginningOfTime_then_dueNow() {
    // Given
    var clock = new TaskClock();
    clock.requestTick(Long.MIN_VALUE + 5);

    // When / Then: long past, not wrapped into the far future
    assertEquals(0, clock.nanosUntilNextTick());
  }
}
