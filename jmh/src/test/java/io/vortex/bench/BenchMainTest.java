package io.vortex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchMainTest {

  private static final Map<String, String> NO_ENV = Map.of();

  private static Params parse(Map<String, String> env, String... args) {
    return BenchMain.parse(args, env::get);
  }

  @Test
  void when_no_size_is_given_then_workloads_md_defaults_apply() {
    assertEquals(20_000_000, parse(NO_ENV, "--workload", "W1").records());
    assertEquals(20_000_000, parse(NO_ENV, "--workload", "W2").records());
    assertEquals(50_000_000, parse(NO_ENV, "--workload", "W3").records());
    Params w4 = parse(NO_ENV, "--workload", "W4");
    assertEquals(3_000_000, w4.records());
    assertEquals(100_000, w4.rate());
    assertEquals(30, w4.seconds());
    assertEquals(5, w4.warmupSeconds());
    assertTrue(w4.paced());
    assertEquals("baseline", w4.engine());
    assertEquals(1, w4.parallelism());
  }

  @Test
  void when_env_sets_sizes_then_they_apply_and_the_command_line_wins() {
    Map<String, String> env =
        Map.of("W1_N", "1000000", "W2_N", "1,000,000", "W3_N", "2_000_000", "W4_SECONDS", "4");
    assertEquals(1_000_000, parse(env, "--workload", "w1").records());
    assertEquals(1_000_000, parse(env, "--workload", "W2").records());
    assertEquals(1_000_000, parse(env, "--workload", "W5").records());
    assertEquals(2_000_000, parse(env, "--workload", "W3").records());
    assertEquals(400_000, parse(env, "--workload", "W4").records());
    assertEquals(5, parse(env, "--workload=W1", "--records=5").records());
    assertEquals(50_000, parse(env, "--workload", "W4", "--rate", "10000", "--seconds", "5")
        .records());
  }

  @Test
  void when_an_engine_other_than_baseline_is_named_then_parallelism_defaults_to_two() {
    Params p = parse(NO_ENV, "--workload", "W3", "--engine", "vortex", "--opt", "batch=512");
    assertEquals(2, p.parallelism());
    assertEquals("512", p.option("batch", "?"));
    assertEquals(3, parse(NO_ENV, "--workload", "W3", "--engine", "vortex", "--par", "3")
        .parallelism());
  }

  @Test
  void when_arguments_are_wrong_then_a_usage_error_is_raised() {
    assertThrows(BenchMain.UsageException.class, () -> parse(NO_ENV));
    assertThrows(BenchMain.UsageException.class, () -> parse(NO_ENV, "--workload", "W9"));
    assertThrows(BenchMain.UsageException.class, () -> parse(NO_ENV, "--workload"));
    assertThrows(BenchMain.UsageException.class,
        () -> parse(NO_ENV, "--workload", "W1", "--records", "many"));
    assertThrows(BenchMain.UsageException.class,
        () -> parse(NO_ENV, "--workload", "W1", "--seconds", "3"));
    assertThrows(BenchMain.UsageException.class,
        () -> parse(NO_ENV, "--workload", "W1", "--bogus", "3"));
    assertThrows(BenchMain.UsageException.class,
        () -> BenchMain.runnerFor("nosuch", Workload.W1));
    assertThrows(BenchMain.UsageException.class,
        () -> BenchMain.runnerFor("baseline", Workload.W5));
  }

  @Test
  void when_a_small_w3_run_matches_the_reference_then_result_and_check_lines_are_printed()
      throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = BenchMain.run(new String[] {"--workload", "W3", "--records", "2000000"},
        NO_ENV::get, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, out);
    assertTrue(out.startsWith("RESULT workload=W3 engine=baseline par=1 records=2000000 proc_s="),
        out);
    assertTrue(out.contains(" checksum=ccd17852ab41e23c results=1000362 total=1000362"), out);
    assertTrue(out.contains("CHECK workload=W3 records=2000000 status=ok"), out);
  }

  @Test
  void when_a_size_has_no_reference_then_check_says_unlisted_and_exit_is_zero()
      throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = BenchMain.run(new String[] {"--workload", "W4", "--records", "1000", "--unpaced"},
        NO_ENV::get, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, code);
    assertTrue(out.contains("status=unlisted"), out);
    assertFalse(out.contains("lat_count"), out);
  }

  @Test
  void when_totals_disagree_with_the_reference_then_exit_code_is_two() {
    Params p = parse(NO_ENV, "--workload", "W1", "--records", "1000000");
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(2, BenchMain.check(p, new io.vortex.bench.check.Totals(1, 10_000, 1_000_000),
        sink));
  }

  @Test
  void when_first_argument_is_jmh_or_a_regex_then_the_command_line_goes_to_jmh() {
    assertTrue(BenchMain.isJmh(new String[] {"jmh", "-l"}));
    assertTrue(BenchMain.isJmh(new String[] {"SerializationBenchmark", "-f", "1"}));
    assertFalse(BenchMain.isJmh(new String[] {"--workload", "W1"}));
    assertFalse(BenchMain.isJmh(new String[] {"-h"}));
    assertFalse(BenchMain.isJmh(new String[0]));
    assertEquals(java.util.List.of("-l"),
        java.util.List.of(BenchMain.jmhArgs(new String[] {"jmh", "-l"})));
    assertEquals(java.util.List.of("LocalChannel", "-wi", "1"),
        java.util.List.of(BenchMain.jmhArgs(new String[] {"LocalChannel", "-wi", "1"})));
  }
}
