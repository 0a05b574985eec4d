package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.StreamEnvironment;
import io.vortex.api.VortexJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code vortex} command: job classes, exit codes and one-line errors. */
@Timeout(120)
class CommandIT {
  @TempDir Path dir;

  /** A job class as a user would write one. */
  public static final class SquaresJob implements VortexJob {
    @Override
    public void define(StreamEnvironment env, String[] args) {
      int n = Integer.parseInt(args[0]);
      env.generate(n, i -> i * i).writeAsText(args[1]);
    }
  }

  /** A job with a main method that uses the environment the command installs. */
  public static final class MainJob {
    public static void main(String[] args) {
      StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
      env.fromElements("x", "y").map(s -> s + "!").writeAsText(args[0]);
      env.execute("main-job").result().await();
    }
  }

  /** The outcome of one command run. */
  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    var capturedOut = new ByteArrayOutputStream();
    var capturedErr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
    try {
      int exit = VortexCommand.execute(args);
      return new Run(exit, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void when_jobClassIsAVortexJob_then_itRunsWithItsArguments() throws IOException {
    // Given
    Path output = dir.resolve("squares");
    // When
    Run run = run("local", "--parallelism", "2", "--job", SquaresJob.class.getName(), "--", "5", output.toString());
    // Then
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of("0", "1", "16", "4", "9"), ExamplesIT.readLines(output));
  }

  @Test
  void when_jobClassHasAMain_then_streamEnvironmentCreateUsesTheMiniCluster() throws IOException {
    // Given
    Path output = dir.resolve("main.txt");
    // When
    Run run = run("local", "--job", MainJob.class.getName(), "--", output.toString());
    // Then
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of("x!", "y!"), ExamplesIT.readLines(output));
  }

  @Test
  void when_lineIsMalformed_then_exitCode1NamesFileAndLine() throws IOException {
    // Given
    Path input = dir.resolve("tx.csv");
    Files.writeString(input, "1000,acc1,0.50\n2000,acc2,abc\n");
    // When
    Run run = run("local", "--example", "fraud-detection", "--input", input.toString(), "--output", dir.resolve("o").toString());
    // Then
    assertEquals(1, run.exit());
    assertTrue(run.err().contains(input + ":2: amount is not a decimal number: 'abc'"), run.err());
    assertTrue(run.err().contains("error: job failed in operator 'parse'"), run.err());
    assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
  }

  @Test
  void when_argumentsAreBad_then_exitCode2WithOneLineEach() {
    Path missing = dir.resolve("missing.csv");
    assertUsageError(run("local", "--example", "wordcount", "--input", missing.toString(), "--output", "x"),
        "input path does not exist: " + missing);
    assertUsageError(run("local", "--example", "nope", "--input", ".", "--output", "x"), "unknown example 'nope'");
    assertUsageError(run("local", "--example", "wordcount", "--input", ".", "--output", "x", "--mode", "fast"),
        "unknown --mode 'fast'");
    assertUsageError(run("local", "--example", "wordcount", "--input", "."), "needs --input PATH and --output PATH");
    assertUsageError(run("local", "--parallelism", "8", "--slots", "2", "--example", "wordcount", "--input", ".", "--output", "x"),
        "--parallelism 8 is above the 2 slots");
    assertUsageError(run("local", "--job", "com.acme.Missing"), "job class not found on the classpath: com.acme.Missing");
    assertEquals(2, run("local", "--bogus").exit());
  }

  @Test
  void when_parallelismExceedsDefaultSlots_then_localSizesTheClusterToFit() throws IOException {
    // Given
    Path input = dir.resolve("w.txt");
    Files.writeString(input, "a b a\n");
    Path output = dir.resolve("wc");
    // When
    Run run = run("local", "--example", "wordcount", "--input", input.toString(), "--output", output.toString(),
        "--parallelism", "6", "--taskmanagers", "2");
    // Then
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of("a,2", "b,1"), ExamplesIT.readLines(output));
  }

  private static void assertUsageError(Run run, String message) {
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("error: " + message) || run.err().contains(message), run.err());
  }
}
