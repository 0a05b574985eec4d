package io.vortex.bench.vortex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.bench.Params;
import io.vortex.bench.RunResult;
import io.vortex.bench.Workload;
import io.vortex.bench.check.References;
import io.vortex.bench.check.Totals;
import io.vortex.bench.gen.W4Events;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code cluster=processes} engine option: W1 and W3 at WORKLOADS.md's small sizes on one
 * JobManager and two TaskManager processes of one slot each (parallelism 2, so keyed records
 * cross TCP), started from the test's classpath, reproduce the reference checksums; the sinks'
 * reports come back from the TaskManager processes with their timings and CPU time. One cluster
 * serves every case (starting three JVMs is the expensive part).
 */
@Timeout(120)
class ProcessClusterEngineIT {

  private static final int PAR = 2;
  /** Small, quick-starting TaskManager JVMs: these runs check results, not speed. */
  private static final List<String> JVM = List.of(
      "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

  private static ProcessCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = ProcessCluster.start(PAR, 1, JVM);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Params params(Workload w, long records) {
    return new Params(w, VortexEngine.NAME, PAR, records, W4Events.DEFAULT_RATE,
        W4Events.DEFAULT_SECONDS, W4Events.DEFAULT_WARMUP_SECONDS, true,
        Map.of(VortexWorkload.CLUSTER_OPTION, "processes"));
  }

  private static RunResult run(Params p) throws Exception {
    return ((VortexWorkload) new VortexEngine().runner(p.workload())).runOn(cluster, p);
  }

  private static void assertReference(RunResult r, Workload w) {
    References.Expected e = References.expected(w, r.records()).orElseThrow();
    assertEquals(Totals.hex(e.checksum()), Totals.hex(r.checksum()), r.toLine());
    assertEquals(e.results(), r.results(), r.toLine());
    assertEquals(e.total(), r.total(), r.toLine());
    assertEquals(String.valueOf(PAR), r.extras().get("sinks"), r.toLine());
    assertEquals("processes", r.extras().get("cluster"), r.toLine());
    assertTrue(r.procSeconds() > 0 && r.procSeconds() <= r.wallSeconds(), r.toLine());
    assertTrue(Double.parseDouble(r.extras().get("cpu_tm_s")) > 0,
        "the TaskManagers used CPU while the job ran: " + r.toLine());
    assertTrue(r.cpuSeconds() >= Double.parseDouble(r.extras().get("cpu_tm_s")), r.toLine());
  }

  @Test
  void when_w1_counts_words_across_two_taskmanager_processes_then_counts_match_the_reference()
      throws Exception {
    // Given a JobManager and two TaskManagers of one slot each
    // When W1 (BATCH, keyBy(word).aggregate(count)) runs at parallelism 2
    RunResult r = run(params(Workload.W1, 1_000_000));
    // Then both sinks report from their processes and the totals are the reference's
    assertReference(r, Workload.W1);
    assertEquals("batch", r.extras().get("variant"));
  }

  @Test
  void when_w3_shuffles_across_two_taskmanager_processes_then_kept_values_match_the_reference()
      throws Exception {
    // Given the same cluster; When W3 shuffles 2M records by key over TCP
    RunResult r = run(params(Workload.W3, 2_000_000));
    // Then the kept values sum to the reference
    assertReference(r, Workload.W3);
  }
}
