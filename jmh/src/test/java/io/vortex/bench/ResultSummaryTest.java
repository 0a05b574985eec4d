package io.vortex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultSummaryTest {

  private static String line(String engine, String variant, long recPerS, String extra) {
    return "RESULT workload=W1 engine=" + engine + " par=2 records=100 proc_s=1.000 rec_per_s="
        + recPerS + " wall_s=1.500 checksum=7453f31555fe2321 results=10000 total=100"
        + (variant == null ? "" : " variant=" + variant) + extra;
  }

  @Test
  void when_lines_are_summarised_then_medians_and_ratio_to_the_baseline_are_per_variant() {
    List<String> lines = List.of(
        line("baseline", null, 10_000_000, ""),
        "CHECK workload=W1 records=100 status=unlisted",
        line("baseline", null, 30_000_000, ""),
        line("baseline", null, 20_000_000, ""),
        line("vortex", "batch", 5_000_000, " run=1"),
        line("vortex", "batch", 15_000_000, " run=2"),
        line("vortex", "batch", 10_000_000, " run=3"),
        line("vortex", "streaming", 4_000_000, " check=MISMATCH"),
        line("vortex", "cpu", 1_000_000, " cpu_s=0.000150"),
        line("vortex", "cpu", 1_000_000, " cpu_s=0.000250"),
        line("vortex", "cpu", 1_000_000, " cpu_s=0.000200"));
    var bytes = new ByteArrayOutputStream();
    ResultSummary.print(lines, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String table = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("| W1 | baseline | 3 | 10.00 M | 20.00 M | 30.00 M |"), table);
    assertTrue(table.contains("| W1 | vortex-batch | 3 | 5.00 M | 10.00 M | 15.00 M | 1.000 | 1.500"
        + " | 0.50 | 7453f31555fe2321 |"), table);
    assertTrue(table.contains("| vortex-streaming | 1 |"), table);
    assertTrue(table.contains("0.20 | 7453f31555fe2321 MISMATCH |"), table);
    // cpu_s 0.0002 for 100 records in 1 s: 2 µs per record, 0.0002 cores; lines without cpu_s: –
    assertTrue(table.contains(" | 2.000 | 0.00 |"), table);
    assertTrue(table.contains("| – | – |"), table);
  }

  @Test
  void when_a_line_is_not_a_result_then_it_has_no_fields() {
    assertNull(ResultSummary.fields("CHECK workload=W1"));
    assertEquals("W4", ResultSummary.fields("x RESULT workload=W4 engine=vortex p99_ms=0.1")
        .get("workload"));
  }
}
