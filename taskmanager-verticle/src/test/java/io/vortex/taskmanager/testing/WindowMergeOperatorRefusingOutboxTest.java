package io.vortex.taskmanager.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.taskmanager.testing.OperatorTestHarness.OutboxMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every test of {@link WindowMergeOperatorTest}, against an outbox that refuses every other piece of a burst. */
@ExtendWith(RefusingOutbox.class)
class WindowMergeOperatorRefusingOutboxTest extends WindowMergeOperatorTest {
  @Test
  void when_theTwinRuns_then_itsHarnessesRefuseByDefault() {
    // the inherited tests prove the refusing contract only if their harnesses really refuse
    assertEquals(OutboxMode.REFUSING, OperatorTestHarness.DEFAULT_MODE.get());
  }
}
