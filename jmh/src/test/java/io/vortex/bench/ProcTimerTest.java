package io.vortex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcTimerTest {

  @Test
  void when_instances_report_then_proc_spans_earliest_start_to_latest_end() {
    ProcTimer t = new ProcTimer();
    t.sourceStarted(2_000_000_000L);
    t.sourceStarted(1_000_000_000L);
    t.sinkEnded(3_000_000_000L);
    t.sinkEnded(3_500_000_000L);
    assertEquals(2.5, t.procSeconds(), 1e-9);
    assertEquals(1_000_000_000L, t.firstStartNanos());
  }

  @Test
  void when_no_sink_ended_then_proc_seconds_fails() {
    ProcTimer t = new ProcTimer();
    t.sourceStarted(1);
    assertThrows(IllegalStateException.class, t::procSeconds);
  }
}
