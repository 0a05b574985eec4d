package io.vortex.taskmanager.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.taskmanager.task.ParkDecision.Kind;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParkDecisionTest {
  private static final long US = TimeUnit.MICROSECONDS.toNanos(1);
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void when_noTaskHasInputDue_then_waitForAWakeup() {
    // When / Then
    assertEquals(new ParkDecision(Kind.WAIT, -1), ParkDecision.decide(-1, 0, 0));
  }

  @Test
  void when_inputDueWithinMicroseconds_then_spinButOnlyBriefly() {
    // When / Then: due in 2 µs, not spun yet: run again
    assertEquals(Kind.SPIN, ParkDecision.decide(2 * US, 0, 0).kind());
    // already spun 5 µs: park even though input is due (nothing may ever make it progress)
    assertEquals(new ParkDecision(Kind.PRECISE_TIMER, 100 * US), ParkDecision.decide(0, 5 * US, 0));
  }

  @Test
  void when_inputDueWithinAMillisecond_then_parkOnThePreciseTimerUntilTheNextGridPoint() {
    // When: a source paced at 50,000 records/s, 20 µs to its next record; one at 2,000/s
    ParkDecision fast = ParkDecision.decide(20 * US, 0, 0);
    ParkDecision slow = ParkDecision.decide(500 * US, 0, 0);

    // Then: no spinning; records due within one 100 µs period share one wakeup
    assertEquals(new ParkDecision(Kind.PRECISE_TIMER, 100 * US), fast);
    assertEquals(new ParkDecision(Kind.PRECISE_TIMER, 500 * US), slow);
  }

  @Test
  void when_inputDueInAMillisecondOrMore_then_eventLoopTimer() {
    // When / Then
    assertEquals(new ParkDecision(Kind.EVENT_LOOP_TIMER, MS), ParkDecision.decide(MS, 0, 0));
    assertEquals(new ParkDecision(Kind.EVENT_LOOP_TIMER, 100 * MS), ParkDecision.decide(100 * MS, 0, 0));
    // just under 1 ms: a short park, to the grid point at 1 ms
    assertEquals(new ParkDecision(Kind.PRECISE_TIMER, MS), ParkDecision.decide(MS - 1, 0, 0));
  }

  @Test
  void when_eventLoopTimersArePrecise_then_shortWaitsGoToTheEventLoopToo() {
    // Given / When: native epoll transport (timerfd), input due in 20 µs, in 500 µs, in 2 ms
    ParkDecision fast = ParkDecision.decide(20 * US, 0, true, 0);
    ParkDecision slow = ParkDecision.decide(500 * US, 0, true, 0);
    ParkDecision late = ParkDecision.decide(2 * MS, 0, true, 0);

    // Then: no hop through the precise timer thread; close records still share a wakeup
    assertEquals(new ParkDecision(Kind.EVENT_LOOP_TIMER, 100 * US), fast);
    assertEquals(new ParkDecision(Kind.EVENT_LOOP_TIMER, 500 * US), slow);
    assertEquals(new ParkDecision(Kind.EVENT_LOOP_TIMER, 2 * MS), late);
    assertEquals(Kind.SPIN, ParkDecision.decide(2 * US, 0, true, 0).kind());
    assertEquals(Kind.WAIT, ParkDecision.decide(-1, 0, true, 0).kind());
  }

  @Test
  void when_slotsParkAtDifferentTimes_then_theirShortParksEndTogetherOnTheGrid() {
    // Given: two slots deciding 30 µs apart, input due 20 µs and 45 µs later (both before the
    // grid point at 1,000 µs); a third whose input is due exactly on the grid point
    long now = 900 * US;

    // When
    long first = ParkDecision.decide(20 * US, 0, true, now).delayNanos();
    long second = ParkDecision.decide(45 * US, 0, true, now + 30 * US).delayNanos();
    long onGrid = ParkDecision.decide(100 * US, 0, true, now).delayNanos();

    // Then: all wake at 1,000 µs, never before their input is due
    assertEquals(1000 * US, now + first);
    assertEquals(1000 * US, now + 30 * US + second);
    assertEquals(1000 * US, now + onGrid);
  }

  @Test
  void when_inputIsDueNowOnAGridPoint_then_theParkStillLastsUntilTheNextOne() {
    // When: spun without progress although input is due, at a grid point and just after one
    long atPoint = ParkDecision.decide(0, 5 * US, true, 1000 * US).delayNanos();
    long after = ParkDecision.decide(0, 5 * US, true, 1000 * US + 1).delayNanos();

    // Then: never a zero wait that could repeat without end; the next grid point
    assertEquals(100 * US, atPoint);
    assertEquals(100 * US - 1, after);
  }

  @Test
  void when_nanoTimeIsNegative_then_theGridStillHolds() {
    // When / Then: System.nanoTime() may be negative
    assertEquals(30 * US, ParkDecision.decide(10 * US, 0, true, -130 * US).delayNanos());
  }
}
