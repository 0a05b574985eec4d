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
    assertEquals(new ParkDecision(Kind.WAIT, -1), ParkDecision.decide(-1, 0));
  }

  @Test
  void when_inputDueWithinMicroseconds_then_spinButOnlyBriefly() {
    // When / Then: due in 2 µs, not spun yet: run again
    assertEquals(Kind.SPIN, ParkDecision.decide(2 * US, 0).kind());
    // already spun 5 µs: park even though input is due (nothing may ever make it progress)
    assertEquals(new ParkDecision(Kind.PRECISE_TIMER, 100 * US), ParkDecision.decide(0, 5 * US));
  }

  @Test
  void when_inputDueWithinAMillisecond_then_parkOnThePreciseTimerAtLeast100Microseconds() {
    // When: a source paced at 50,000 records/s, 20 µs to its next record; one at 2,000/s
    ParkDecision fast = ParkDecision.decide(20 * US, 0);
    ParkDecision slow = ParkDecision.decide(500 * US, 0);

    // Then: no spinning; records due within 100 µs share one wakeup
    assertEquals(new ParkDecision(Kind.PRECISE_TIMER, 100 * US), fast);
    assertEquals(new ParkDecision(Kind.PRECISE_TIMER, 500 * US), slow);
  }

  @Test
  void when_inputDueInAMillisecondOrMore_then_eventLoopTimer() {
    // When / Then
    assertEquals(new ParkDecision(Kind.EVENT_LOOP_TIMER, MS), ParkDecision.decide(MS, 0));
    assertEquals(new ParkDecision(Kind.EVENT_LOOP_TIMER, 100 * MS), ParkDecision.decide(100 * MS, 0));
    assertEquals(new ParkDecision(Kind.PRECISE_TIMER, MS - 1), ParkDecision.decide(MS - 1, 0));
  }

  @Test
  void when_eventLoopTimersArePrecise_then_shortWaitsGoToTheEventLoopToo() {
    // Given / When: native epoll transport (timerfd), input due in 20 µs, in 500 µs, in 2 ms
    ParkDecision fast = ParkDecision.decide(20 * US, 0, true);
    ParkDecision slow = ParkDecision.decide(500 * US, 0, true);
    ParkDecision late = ParkDecision.decide(2 * MS, 0, true);

    // Then: no hop through the precise timer thread; close records still share a wakeup
    assertEquals(new ParkDecision(Kind.EVENT_LOOP_TIMER, 100 * US), fast);
    assertEquals(new ParkDecision(Kind.EVENT_LOOP_TIMER, 500 * US), slow);
    assertEquals(new ParkDecision(Kind.EVENT_LOOP_TIMER, 2 * MS), late);
    assertEquals(Kind.SPIN, ParkDecision.decide(2 * US, 0, true).kind());
    assertEquals(Kind.WAIT, ParkDecision.decide(-1, 0, true).kind());
  }
}
