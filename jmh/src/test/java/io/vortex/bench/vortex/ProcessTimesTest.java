package io.vortex.bench.vortex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTimesTest {

  private static ProcessReports.SinkReport report(long pid, long start, long cpuStart, long end, long cpuEnd) {
    return new ProcessReports.SinkReport(pid, start, cpuStart, end, cpuEnd, 0, 0, 0, null);
  }

  @Test
  void when_two_processes_report_then_proc_spans_both_and_cpu_sums_each_process_once() {
    // Given process 1 with two sinks and process 2 with one
    var reports = List.of(
        report(1, 1_000, 10_000_000_000L, 5_000, 12_000_000_000L),
        report(1, 1_000, 10_000_000_000L, 9_000, 13_000_000_000L),
        report(2, 500, 4_000_000_000L, 7_000, 4_500_000_000L));
    // When
    ProcessTimes t = ProcessTimes.of(reports);
    // Then proc_s runs from the earliest start to the latest end; CPU is 3 s + 0.5 s
    assertEquals(500, t.firstStartNanos());
    assertEquals(9_000, t.lastEndNanos());
    assertEquals(3.5, t.cpuSeconds(), 1e-9);
  }

  @Test
  void when_a_process_cannot_tell_its_cpu_time_then_the_sum_is_unknown() {
    ProcessTimes t = ProcessTimes.of(List.of(report(1, 0, -1, 10, 5)));
    assertTrue(Double.isNaN(t.cpuSeconds()));
  }

  @Test
  void when_nothing_reported_then_it_fails() {
    assertThrows(IllegalStateException.class, () -> ProcessTimes.of(List.of()));
  }
}
