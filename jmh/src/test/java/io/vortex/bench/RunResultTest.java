package io.vortex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.bench.check.Latency;
import io.vortex.bench.check.Totals;
import org.junit.jupiter.api.Test;

class RunResultTest {

  private final Params w2 = Params.defaults(Workload.W2, "flink", 2);

  @Test
  void when_a_result_is_formatted_then_the_line_follows_workloads_md() {
    RunResult r = RunResult.of(w2, 15.353, 17.632, 29.5,
        new Totals(0xa8f738028c3b989aL, 2_039_205, 10_010_921_866L)).withExtra("sinks", 2);
    assertEquals("RESULT workload=W2 engine=flink par=2 records=20000000 proc_s=15.353"
        + " rec_per_s=1302677 wall_s=17.632 cpu_s=29.500 checksum=a8f738028c3b989a results=2039205"
        + " total=10010921866 sinks=2", r.toLine());
  }

  @Test
  void when_a_w4_result_has_latency_then_the_latency_fields_follow_total() {
    Params p = Params.defaults(Workload.W4, "baseline", 1);
    RunResult r = RunResult.of(p, 30.0001, 30.0001, 1.25, new Totals(0x1b00be97L, 3_000_000,
        3_000_000)).withLatency(new Latency(2_500_000, 0.041, 0.095, 0.946, 4.13));
    assertEquals("RESULT workload=W4 engine=baseline par=1 records=3000000 proc_s=30.000"
        + " rec_per_s=100000 wall_s=30.000 cpu_s=1.250 checksum=000000001b00be97 results=3000000"
        + " total=3000000 lat_count=2500000 p50_ms=0.041 p99_ms=0.095 p999_ms=0.946"
        + " max_ms=4.130", r.toLine());
  }

  @Test
  void when_proc_seconds_is_zero_then_rate_is_zero_not_infinite() {
    assertEquals(0, RunResult.of(w2, 0, 0, 0, Totals.ZERO).recPerSecond());
  }
}
