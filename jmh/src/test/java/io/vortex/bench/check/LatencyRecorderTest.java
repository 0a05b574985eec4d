package io.vortex.bench.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

  @Test
  void when_the_warmup_end_is_passed_per_record_then_only_later_events_count() {
    LatencyRecorder r = new LatencyRecorder(Long.MAX_VALUE);
    long end = -5_000; // nanoTime values may be negative
    r.record(end - 1, end + 1_000_000, end);
    r.record(end, end + 3_000_000, end);
    r.record(end + 7, end + 7 + 1_000_000, end);
    r.record(0, 2_000_000); // the constructor's end: nothing counts
    assertEquals(2, r.count());
    assertEquals(3.0, r.latency().maxMs(), 0.01);
  }

  @Test
  void when_recording_everything_then_every_event_counts_whatever_its_due_time() {
    LatencyRecorder r = new LatencyRecorder(Long.MIN_VALUE);
    r.record(Long.MIN_VALUE + 10, Long.MIN_VALUE + 20);
    r.record(Long.MAX_VALUE - 20, Long.MAX_VALUE - 10);
    r.record(0, 1_000);
    assertEquals(3, r.count());
  }

  @Test
  void when_a_latency_is_negative_or_huge_then_it_is_clamped_instead_of_failing() {
    LatencyRecorder r = new LatencyRecorder(Long.MIN_VALUE);
    r.record(1_000, 0);
    r.record(0, 10L * 3_600_000_000_000L);
    assertEquals(2, r.count());
    assertEquals(0.0, r.latency().p50Ms(), 0.001);
    assertEquals(3_600_000.0, r.latency().maxMs(), 3_600.0);
  }
}
