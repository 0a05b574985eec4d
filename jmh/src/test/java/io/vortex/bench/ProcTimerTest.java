package io.vortex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void when_instances_report_then_cpu_spans_the_first_start_to_the_latest_end() {
    // Given two sources and two sinks reporting with the process CPU time of their moment
    ProcTimer t = new ProcTimer();
    t.sourceStarted(2_000, 10_000_000_000L);
    t.sourceStarted(1_000, 11_000_000_000L); // an earlier record, reported later
    t.sinkEnded(5_000, 14_000_000_000L);
    t.sinkEnded(4_000, 15_000_000_000L); // ended earlier, reported later
    // Then cpu_s runs from the first report of a start to the report of the latest end
    assertEquals(4.0, t.cpuSeconds(), 1e-9);
  }

  @Test
  void when_the_process_cpu_time_is_read_then_it_advances_with_work() {
    ProcTimer t = new ProcTimer();
    t.sourceStarted(System.nanoTime());
    long x = 0;
    for (long i = 0; i < 50_000_000L; i++) {
      x += i * i ^ x;
    }
    t.sinkEnded(System.nanoTime() + (x & 1));
    assertTrue(t.cpuSeconds() > 0, "cpu_s " + t.cpuSeconds());
  }

  @Test
  void when_no_sink_ended_then_proc_seconds_fails() {
    ProcTimer t = new ProcTimer();
    t.sourceStarted(1);
    assertThrows(IllegalStateException.class, t::procSeconds);
  }
}
