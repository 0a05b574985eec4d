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
    ParkDecision after = ParkDecision.decide(0, 5 * US);
    assertEquals(Kind.PRECISE_TIMER, after.kind());
    assertEquals(ParkDecision.SPIN_NANOS, after.delayNanos());
  }

  @Test
  void when_inputDueWithinAMillisecond_then_parkOnThePreciseTimer() {
    // When: a source paced at 50,000 records/s, 20 µs to its next record; and 1,000/s
    ParkDecision fast = ParkDecision.decide(20 * US, 0);
    ParkDecision slow = ParkDecision.decide(MS, 0);

    // Then: no spinning, a timer for exactly that long
    assertEquals(new ParkDecision(Kind.PRECISE_TIMER, 20 * US), fast);
    assertEquals(new ParkDecision(Kind.PRECISE_TIMER, MS), slow);
  }

  @Test
  void when_inputDueInTenMillisecondsOrMore_then_eventLoopTimer() {
    // When / Then
    assertEquals(new ParkDecision(Kind.EVENT_LOOP_TIMER, 10 * MS), ParkDecision.decide(10 * MS, 0));
    assertEquals(new ParkDecision(Kind.PRECISE_TIMER, 10 * MS - 1), ParkDecision.decide(10 * MS - 1, 0));
  }
}
