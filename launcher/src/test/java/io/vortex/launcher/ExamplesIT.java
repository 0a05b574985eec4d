package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.launcher.ExampleCases.ExampleCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the three examples through the {@code vortex local} command on generated inputs (with
 * disorder, late data, ties, blank lines) in every mode and at parallelism 1 and 4, and checks
 * their lines against straightforward reference implementations of the specs.
 */
@Timeout(180)
class ExamplesIT {
  private static final List<String> MODES = List.of("automatic", "streaming", "batch");
  private static final List<Integer> PARALLELISMS = List.of(1, 4);

  @TempDir Path dir;

  @Test
  void when_wordcountRunsInEveryModeAndParallelism_then_linesMatchTheReference() throws IOException {
    assertEveryRun(ExampleCases.wordcount(dir));
  }

  @Test
  void when_fraudDetectionRunsOnDisorderedInput_then_alertsMatchTheReference() throws IOException {
    assertEveryRun(ExampleCases.fraudDetection(dir));
  }

  @Test
  void when_fraudDetectionReadsADirectoryWithTiesAcrossFiles_then_tiesFollowInputOrderAtEveryParallelism()
      throws IOException {
    // Given: four files (one in a sub-directory) whose transactions share a few timestamps, so
    // most alerts hinge on which of two simultaneous transactions of an account came first
    Random random = new Random(4);
    Path input = Files.createDirectories(dir.resolve("tx-dir"));
    Files.createDirectories(input.resolve("more"));
    List<ExampleCases.Tx> txs = new ArrayList<>();
    for (String name : List.of("a.csv", "b.csv", "c.csv", "more/d.csv")) {
      List<String> lines = new ArrayList<>(List.of("timestampMillis,accountId,amount"));
      for (int i = 0; i < 600; i++) {
        long ts = 1_700_000_000_000L + 10_000L * random.nextInt(20);
        String account = "acc" + random.nextInt(8);
        String amount = random.nextBoolean() ? "0.5" + random.nextInt(10) : "9" + random.nextInt(10) + "0.00";
        lines.add(ts + "," + account + "," + amount);
        txs.add(new ExampleCases.Tx(ts, account, new BigDecimal(amount), amount, txs.size()));
      }
      Files.write(input.resolve(name), lines, StandardCharsets.UTF_8);
    }
    List<String> expected = ExampleCases.fraudAlerts(txs); // txs are in input order: files in path order, then lines
    assertTrue(expected.size() > 100, "the data should raise alerts");

    // When / Then
    for (String mode : List.of("batch", "streaming")) {
      for (int p : List.of(1, 2, 4)) {
        Path output = dir.resolve("fraud-dir-" + mode + "-" + p);
        runCommand("local", "--example", "fraud-detection", "--input", input.toString(),
            "--output", output.toString(), "--parallelism", String.valueOf(p), "--mode", mode);
        assertEquals(expected, readLines(output), "mode=" + mode + " parallelism=" + p);
      }
    }
  }

  @Test
  void when_monitoringRunsWithLateReadings_then_windowsAlertsAndLateCountMatchTheReference() throws IOException {
    assertEveryRun(ExampleCases.monitoring(dir));
  }

  private void assertEveryRun(ExampleCase c) throws IOException {
    String example = c.example();
    Path input = c.input();
    List<String> expected = c.expected();
    String expectedStdout = c.expectedStdout();
    for (String mode : MODES) {
      for (int p : PARALLELISMS) {
        Path output = dir.resolve(example + "-" + mode + "-" + p);
        String stdout = runCommand("local", "--example", example, "--input", input.toString(),
            "--output", output.toString(), "--parallelism", String.valueOf(p), "--mode", mode);
        assertEquals(expected, readLines(output), example + " mode=" + mode + " parallelism=" + p);
        if (expectedStdout != null) {
          assertTrue(stdout.contains(expectedStdout), "stdout of " + mode + "/" + p + " was: " + stdout);
        }
      }
    }
  }

  /** Runs the command in this JVM, capturing stdout; asserts exit code 0. */
  static String runCommand(String... args) {
    PrintStream original = System.out;
    var captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = VortexCommand.execute(args);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, "exit code of vortex " + String.join(" ", args) + "; stdout: " + out);
    return out;
  }

  static List<String> readLines(Path output) throws IOException {
    return ExampleCases.readLines(output);
  }
}
