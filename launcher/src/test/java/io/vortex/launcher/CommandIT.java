package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.StreamEnvironment;
import io.vortex.api.VortexJob;
import io.vortex.api.client.JobResult;
import io.vortex.api.tuple.Tuple2;
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
      env.execute("main-job");
    }
  }

  /** A Flink-style main: builds a job big enough to still run when a non-blocking execute returned. */
  public static final class FlinkStyleMain {
    public static void main(String[] args) {
      StreamEnvironment env = StreamEnvironment.create();
      env.generate(Long.parseLong(args[0]), i -> "line " + i).writeAsText(args[1]);
      JobResult result = env.execute("flink-style");
      System.out.println("job took " + result.durationMillis() + " ms");
    }
  }

  /** Starts its job with executeAsync and returns: the command still waits for it. */
  public static final class AsyncMain {
    public static void main(String[] args) {
      StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
      env.generate(Long.parseLong(args[0]), i -> "line " + i).writeAsText(args[1]);
      env.executeAsync("async");
    }
  }

  /** Counts words with a keyed reduce: STREAMING emits every update, BATCH only the final counts. */
  public static final class CountingMain {
    public static void main(String[] args) {
      StreamEnvironment env = StreamEnvironment.create();
      env.fromElements("a", "a", "b")
          .map(w -> Tuple2.of(w, 1))
          .keyBy(Tuple2::f0)
          .reduce((x, y) -> Tuple2.of(x.f0(), x.f1() + y.f1()))
          .writeAsCsv(args[0]);
      env.execute("counting");
    }
  }

  /** A main whose job fails: execute throws the failure out of main. */
  public static final class FailingMain {
    public static void main(String[] args) {
      StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
      env.fromElements(1, 2, 0).map(i -> 10 / i).name("divide").print();
      env.execute("failing");
      System.out.println("not reached");
    }
  }

  /** The outcome of one command run. */
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
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
  void when_mainEndsWithExecute_then_theJobRunsToCompletionBeforeTheCommandExits() throws IOException {
    // Given: a job of 200,000 lines (a non-blocking execute would let the command stop it)
    Path output = dir.resolve("flink-style");

    // When
    Run run = run("local", "--parallelism", "2", "--job", FlinkStyleMain.class.getName(), "--", "200000", output.toString());

    // Then: execute returned the finished job's result to main, and every line was committed
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().matches("(?s)job took \\d+ ms\\R"), run.out());
    List<String> lines = ExamplesIT.readLines(output);
    assertEquals(200_000, lines.size());
    assertEquals(List.of("part-0", "part-1"), visible(output));
  }

  @Test
  void when_mainReturnsAfterExecuteAsync_then_theCommandWaitsForTheJob() throws IOException {
    // Given
    Path output = dir.resolve("async.txt");

    // When
    Run run = run("local", "--job", AsyncMain.class.getName(), "--", "100000", output.toString());

    // Then
    assertEquals(0, run.exit(), run.err());
    assertEquals(100_000, Files.readAllLines(output).size());
  }

  @Test
  void when_parallelismAndModeGiven_then_theyAreTheDefaultsOfAMainJob() throws IOException {
    // Given: 4 slots, but --parallelism 3; STREAMING rather than the BATCH a bounded job gets
    Path output = dir.resolve("counts");

    // When
    Run run = run("local", "--slots", "4", "--parallelism", "3", "--mode", "streaming",
        "--job", CountingMain.class.getName(), "--", output.toString());

    // Then: three part files, and an update per record
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of("part-0", "part-1", "part-2"), visible(output));
    assertEquals(List.of("a,1", "a,2", "b,1"), ExamplesIT.readLines(output));
  }

  @Test
  void when_mainsJobFails_then_executeThrowsAndTheCommandExits1NamingTheOperator() {
    // When
    Run run = run("local", "--job", FailingMain.class.getName());

    // Then
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("error: job failed in operator 'divide': / by zero (ArithmeticException)"), run.err());
    assertFalse(run.out().contains("not reached"), run.out());
  }

  @Test
  void when_commandIsUnknown_then_exitCode2NamesItAndListsTheCommands() {
    // When
    Run run = run("frobnicate");

    // Then
    assertEquals(2, run.exit(), run.err());
    assertEquals("error: unknown command 'frobnicate'; the commands are: local, jobmanager, taskmanager, run, list, describe, cancel, help (see 'vortex help COMMAND')",
        run.err().strip());
  }

  @Test
  void when_inputOrOutputIsEmpty_then_exitCode2() throws IOException {
    Path input = Files.writeString(dir.resolve("w.txt"), "a b\n");
    assertUsageError(run("local", "--example", "wordcount", "--input", "", "--output", dir.resolve("o").toString()),
        "--input must not be empty");
    assertUsageError(run("local", "--example", "wordcount", "--input", input.toString(), "--output", ""),
        "--output must not be empty");
  }

  @Test
  void when_outputIsInsideTheInputSet_then_exitCode2AndNothingWritten() throws IOException {
    // Given: an input directory, a file in it, and a symbolic link to the directory
    Path inputDir = Files.createDirectories(dir.resolve("data"));
    Path file = Files.writeString(inputDir.resolve("w.txt"), "a b\n");
    Path link = Files.createSymbolicLink(dir.resolve("link"), inputDir);
    var before = List.of("w.txt");

    // When / Then
    assertUsageError(run("local", "--parallelism", "2", "--example", "wordcount", "--input", file.toString(),
        "--output", file.toString()), "--output must differ from --input: " + file);
    assertUsageError(run("local", "--example", "wordcount", "--input", inputDir.toString(),
        "--output", inputDir.resolve("out").toString()),
        "--output " + inputDir.resolve("out") + " is inside the input directory " + inputDir);
    assertUsageError(run("local", "--example", "wordcount", "--input", inputDir.toString(),
        "--output", link.resolve("sub/out").toString()), "is inside the input directory " + inputDir);
    assertEquals(before, visible(inputDir));
  }

  @Test
  void when_outputIsAnExistingFileAtParallelism2_then_exitCode2AndTheFileByteIdentical() throws IOException {
    // Given: a user file as --output, and an input that would fail the job
    Path input = Files.writeString(dir.resolve("tx.csv"), "1000,acc1,0.50\n2000,acc2,abc\n");
    byte[] precious = {'k', 'e', 'e', 'p', 0, (byte) 0xfe, '\n'};
    Path output = Files.write(dir.resolve("precious.dat"), precious);

    // When
    Run run = run("local", "--parallelism", "2", "--example", "fraud-detection", "--input", input.toString(),
        "--output", output.toString());

    // Then: refused before anything ran
    assertUsageError(run, "output path " + output + " is a file, but at parallelism 2 the output is a directory of part files");
    assertArrayEquals(precious, Files.readAllBytes(output));
  }

  @Test
  void when_aJobClassWritesToAnExistingFile_then_exitCode2AndTheFileByteIdentical() throws IOException {
    // Given: a user file as the output a job class's file sink is given
    byte[] precious = {'k', 'e', 'e', 'p', 0, (byte) 0xfe, '\n'};
    Path output = Files.write(dir.resolve("precious.dat"), precious);

    // When
    Run run = run("local", "--job", MainJob.class.getName(), "--", output.toString());

    // Then: refused before it was submitted, naming the sink and the file
    assertUsageError(run, "error: job 'main-job' is invalid: sink 'text " + output + "': output file " + output
        + " already exists; a file sink never overwrites");
    assertArrayEquals(precious, Files.readAllBytes(output));
  }

  @Test
  void when_aJobClassIsGivenOutput_then_exitCode2SaysItIsAnExampleOption() throws IOException {
    // Given
    Path output = Files.writeString(dir.resolve("existing.txt"), "mine\n");

    // When
    Run run = run("local", "--job", MainJob.class.getName(), "--output", output.toString());

    // Then
    assertUsageError(run, "error: --input and --output are options of --example; give a --job class its paths as ARGS (after --)");
    assertEquals("mine\n", Files.readString(output));
  }

  @Test
  void when_outputIsAnInputFile_then_exitCode2AndTheInputKept() throws IOException {
    // Given
    Path input = Files.writeString(dir.resolve("w.txt"), "a b a\n");

    // When
    Run run = run("local", "--parallelism", "2", "--example", "wordcount", "--input", input.toString(),
        "--output", dir.resolve(".").resolve("w.txt").toString());

    // Then
    assertUsageError(run, "--output must differ from --input");
    assertEquals("a b a\n", Files.readString(input));
  }

  @Test
  void when_theOutputHoldsAnEarlierRun_then_exitCode2AndTheEarlierOutputKept() throws IOException {
    // Given: a first run's output, file and directory
    Path input = Files.writeString(dir.resolve("w.txt"), "a b a\n");
    Path file = dir.resolve("wc.txt");
    Path parts = dir.resolve("wc");
    assertEquals(0, run("local", "--parallelism", "1", "--example", "wordcount", "--input", input.toString(),
        "--output", file.toString()).exit());
    assertEquals(0, run("local", "--parallelism", "2", "--example", "wordcount", "--input", input.toString(),
        "--output", parts.toString()).exit());
    List<String> first = ExamplesIT.readLines(parts);

    // When / Then: a second run is refused, whatever its parallelism
    assertUsageError(run("local", "--parallelism", "1", "--example", "wordcount", "--input", input.toString(),
        "--output", file.toString()), "output file " + file + " already exists; a file sink never overwrites");
    assertUsageError(run("local", "--parallelism", "3", "--example", "wordcount", "--input", input.toString(),
        "--output", parts.toString()), "output directory " + parts + " is not empty");
    assertEquals(List.of("a,2", "b,1"), Files.readAllLines(file));
    assertEquals(first, ExamplesIT.readLines(parts));
    assertEquals(List.of("part-0", "part-1"), visible(parts));
  }

  private static List<String> visible(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
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
