package io.vortex.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.bench.Params;
import io.vortex.bench.RunResult;
import io.vortex.bench.Workload;
import io.vortex.bench.check.References;
import org.junit.jupiter.api.Test;

/** The baselines reproduce WORKLOADS.md's small-size reference checksums. */
class BaselineReferenceTest {

  private static Params params(Workload w, long n) {
    return Params.defaults(w, BaselineEngine.NAME, 1).withRecords(n);
  }

  private static void assertReference(RunResult r, Workload w) {
    References.Expected e = References.expected(w, r.records()).orElseThrow();
    assertEquals(e.checksum(), r.checksum(), () -> String.format("checksum %016x", r.checksum()));
    assertEquals(e.results(), r.results());
    if (e.total() != null) {
      assertEquals(e.total(), r.total());
    }
    assertTrue(r.cpuSeconds() > 0, "the measured loop used CPU: " + r.toLine());
  }

  @Test
  void when_w1_baseline_counts_1m_words_then_checksum_is_the_reference() {
    RunResult r = new W1Baseline().run(params(Workload.W1, 1_000_000));
    assertEquals(0x53c4964f24b8b2d0L, r.checksum());
    assertEquals(10_000, r.results());
    assertEquals(1_000_000, r.total());
    assertReference(r, Workload.W1);
  }

  @Test
  void when_w2_baseline_windows_1m_events_then_checksum_is_the_reference_and_none_is_late() {
    RunResult r = new W2Baseline().run(params(Workload.W2, 1_000_000));
    assertEquals(0x76305d7eb77b56e9L, r.checksum());
    assertEquals(139_283, r.results());
    assertEquals("0", r.extras().get("late"));
    assertReference(r, Workload.W2);
  }

  @Test
  void when_w2_total_is_summed_then_it_equals_the_sum_of_all_values() {
    long n = 300_000;
    long expected = 0;
    for (long i = 0; i < n; i++) {
      expected += io.vortex.bench.gen.W2Events.value(i);
    }
    assertEquals(expected, new W2Baseline().run(params(Workload.W2, n)).total());
  }

  @Test
  void when_w3_baseline_filters_2m_records_then_checksum_is_the_reference() {
    RunResult r = new W3Baseline().run(params(Workload.W3, 2_000_000));
    assertEquals(0xccd17852ab41e23cL, r.checksum());
    assertEquals(1_000_362, r.results());
    assertEquals(1_000_362, r.total());
  }

  @Test
  void when_w4_baseline_runs_unpaced_400k_events_then_checksum_is_the_reference() {
    RunResult r = new W4Baseline().run(params(Workload.W4, 400_000).withPaced(false));
    assertEquals(0x0000000000801ee2L, r.checksum());
    assertEquals(400_000, r.results());
    assertEquals(400_000, r.total());
    assertNull(r.latency());
  }

  @Test
  void when_w4_baseline_runs_paced_briefly_then_it_reports_latency_and_keeps_the_rate() {
    // 20k events at 200k/s: 0.1 s, all past a zero warm-up.
    Params p = new Params(Workload.W4, BaselineEngine.NAME, 1, 20_000, 200_000, 1, 0, true,
        java.util.Map.of());
    RunResult r = new W4Baseline().run(p);
    assertNotNull(r.latency());
    assertEquals(20_000, r.latency().count());
    assertTrue(r.procSeconds() >= 0.0999, "paced run took " + r.procSeconds() + " s");
    assertTrue(r.latency().p50Ms() <= r.latency().maxMs());
    assertTrue(r.toLine().contains(" lat_count=20000 p50_ms="), r.toLine());
    assertTrue(r.cpuSeconds() > 0, r.toLine());
  }

  @Test
  void when_baseline_is_asked_for_w5_then_it_has_no_runner() {
    assertNull(new BaselineEngine().runner(Workload.W5));
  }
}
