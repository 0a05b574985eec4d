package io.vortex.bench.vortex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.bench.BenchMain;
import io.vortex.bench.Params;
import io.vortex.bench.RunResult;
import io.vortex.bench.Workload;
import io.vortex.bench.check.References;
import io.vortex.bench.check.Totals;
import io.vortex.bench.gen.W4Events;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every Vortex workload at WORKLOADS.md's small sizes, each on its own mini-cluster (1
 * TaskManager, 2 slots, parallelism 2), reproduces the reference checksum, result count and
 * total, and reports its timings.
 */
@Timeout(60)
class VortexEngineIT {

  private static final int PAR = 2;

  @AfterEach
  void noRunLeftOpen() {
    assertEquals(0, BenchRun.openRuns(), "a benchmark run was not closed");
  }

  private static Params params(Workload w, long records, Map<String, String> options) {
    return new Params(w, VortexEngine.NAME, PAR, records, W4Events.DEFAULT_RATE,
        W4Events.DEFAULT_SECONDS, W4Events.DEFAULT_WARMUP_SECONDS, true, options);
  }

  private static RunResult run(Params p) throws Exception {
    return BenchMain.runnerFor(VortexEngine.NAME, p.workload()).run(p);
  }

  private static void assertReference(RunResult r, Workload w) {
    References.Expected e = References.expected(w, r.records()).orElseThrow();
    assertEquals(Totals.hex(e.checksum()), Totals.hex(r.checksum()), r.toLine());
    assertEquals(e.results(), r.results(), r.toLine());
    if (e.total() != null) {
      assertEquals(e.total(), r.total(), r.toLine());
    }
    assertEquals(String.valueOf(PAR), r.extras().get("sinks"), r.toLine());
    assertTrue(r.procSeconds() > 0 && r.procSeconds() <= r.wallSeconds(), r.toLine());
    assertTrue(r.cpuSeconds() > 0, "the process used CPU while it ran: " + r.toLine());
    assertTrue(r.toLine().contains(" cpu_s="), r.toLine());
  }

  @Test
  void when_engine_is_looked_up_by_name_then_the_service_loader_finds_vortex() {
    assertTrue(BenchMain.engines().stream().anyMatch(e -> e instanceof VortexEngine));
    assertNull(new VortexEngine().runner(Workload.W5));
  }

  @Test
  void when_w1_runs_in_batch_mode_then_counts_match_the_reference() throws Exception {
    RunResult r = run(params(Workload.W1, 1_000_000, Map.of()));
    assertReference(r, Workload.W1);
    assertEquals(1_000_000, r.total());
    assertEquals("batch", r.extras().get("variant"));
  }

  @Test
  void when_w1_runs_in_streaming_mode_with_end_timers_then_counts_match_the_reference()
      throws Exception {
    RunResult r = run(params(Workload.W1, 1_000_000, Map.of(W1Vortex.MODE_OPTION, "streaming")));
    assertReference(r, Workload.W1);
    assertEquals("streaming", r.extras().get("variant"));
  }

  @Test
  void when_w1_mode_is_unknown_then_the_run_fails_before_submitting() {
    var p = params(Workload.W1, 1_000, Map.of(W1Vortex.MODE_OPTION, "rolling"));
    assertInstanceOf(IllegalArgumentException.class,
        assertThrows(Exception.class, () -> run(p)));
  }

  @Test
  void when_w2_windows_1m_events_then_window_sums_match_the_reference() throws Exception {
    RunResult r = run(params(Workload.W2, 1_000_000, Map.of()));
    assertReference(r, Workload.W2);
    assertEquals(139_283, r.results());
  }

  @Test
  void when_w3_shuffles_2m_records_then_kept_values_match_the_reference() throws Exception {
    RunResult r = run(params(Workload.W3, 2_000_000, Map.of()));
    assertReference(r, Workload.W3);
  }

  @Test
  void when_w4_runs_unpaced_then_per_key_counts_match_the_reference() throws Exception {
    RunResult r = run(params(Workload.W4, 400_000, Map.of()).withPaced(false));
    assertReference(r, Workload.W4);
    assertNull(r.latency());
    assertEquals("false", r.extras().get("paced"));
  }

  @Test
  void when_w4_is_paced_for_a_second_then_it_keeps_the_rate_and_records_latency()
      throws Exception {
    // 100,000 events/s for 1 s; no warm-up, so every event is recorded.
    Params p = new Params(Workload.W4, VortexEngine.NAME, PAR, 100_000, 100_000, 1, 0, true,
        Map.of());
    RunResult r = run(p);
    assertEquals(100_000, r.results(), r.toLine());
    assertTrue(r.procSeconds() >= 0.99, "a paced second cannot finish early: " + r.toLine());
    assertNotNull(r.latency(), r.toLine());
    assertEquals(100_000, r.latency().count(), r.toLine());
    assertTrue(r.latency().p50Ms() <= r.latency().maxMs(), r.toLine());
    assertTrue(r.cpuSeconds() > 0, r.toLine());
  }
}
