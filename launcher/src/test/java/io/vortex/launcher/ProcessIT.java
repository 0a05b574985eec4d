package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.vortex.api.StreamEnvironment;
import io.vortex.api.VortexJob;
import io.vortex.api.source.GeneratorSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vortex local} as a child process: signals, and write errors of the file sink. */
@Timeout(120)
class ProcessIT {
  @TempDir Path dir;
  private Process process;

  /** An endless paced job writing text: it only stops when cancelled. */
  public static final class PacedEndlessJob implements VortexJob {
    @Override
    public void define(StreamEnvironment env, String[] args) {
      env.fromSource(GeneratorSource.unbounded(i -> "line " + i).withRate(5_000), "paced").writeAsText(args[0]);
    }
  }

  /** An endless job writing text as fast as it can. */
  public static final class EndlessJob implements VortexJob {
    @Override
    public void define(StreamEnvironment env, String[] args) {
      env.fromSource(GeneratorSource.unbounded(i -> "line " + i), "endless").writeAsText(args[0]);
    }
  }

  @AfterEach
  void killLeftover() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  /** Starts {@code vortex ARGS} in a fresh JVM on this test's classpath, behind a shell prefix. */
  private Process start(String shellPrefix, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", "-c", shellPrefix + " exec \"$@\"", "vortex",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
        "-cp", System.getProperty("java.class.path"), VortexCommand.class.getName()));
    command.addAll(List.of(args));
    process = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve(".stdout").toFile())
        .redirectError(dir.resolve(".stderr").toFile())
        .start();
    return process;
  }

  private String stderr() throws IOException {
    return Files.readString(dir.resolve(".stderr"));
  }

  private List<String> inProgressFiles() {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".inprogress")).toList();
    } catch (IOException e) {
      return List.of(e.toString());
    }
  }

  private void assertStopsOnSignal(String signal, int expectedExit, Path output) throws Exception {
    // Given: an endless job at parallelism 2 writing its in-progress files
    Process vortex = start("", "local", "--slots", "2", "--parallelism", "2",
        "--job", PacedEndlessJob.class.getName(), "--", output.toString());
    Await.until("in-progress files of both instances", Duration.ofSeconds(60),
        () -> inProgressFiles().size() == 2 || !vortex.isAlive(), this::inProgressFiles);
    assertTrue(vortex.isAlive(), stderr());

    // When
    if (signal.equals("TERM")) {
      vortex.destroy(); // SIGTERM
    } else {
      new ProcessBuilder("kill", "-" + signal, String.valueOf(vortex.pid())).inheritIO().start().waitFor();
    }

    // Then: cancelled, said so in one line, cleaned up, exit status of the signal
    assertTrue(vortex.waitFor(60, TimeUnit.SECONDS), "still running after SIG" + signal);
    String err = stderr();
    assertEquals(expectedExit, vortex.exitValue(), err);
    assertEquals(List.of("vortex: interrupted: cancelled job 'PacedEndlessJob'; in-progress files removed, "
        + "the output path is as it was"), err.lines().filter(l -> l.startsWith("vortex:")).toList(), err);
    assertFalse(err.contains("\tat "), err);
    assertEquals(List.of(), inProgressFiles());
  }

  @Test
  void when_sigterm_then_jobCancelledInProgressFilesRemovedAndExit143() throws Exception {
    // Given: an output directory that does not exist yet
    Path output = dir.resolve("out");

    assertStopsOnSignal("TERM", 143, output);

    // Then
    assertFalse(Files.exists(output));
  }

  @Test
  void when_sigint_then_jobCancelledAnEmptyOutputDirectoryStaysEmptyAndExit130() throws Exception {
    // Given: an existing empty output directory (in-progress files go into it)
    assumeFalse(sigintIgnored(), "SIGINT is ignored in this process and so in its children");
    Path output = Files.createDirectories(dir.resolve("out"));

    assertStopsOnSignal("INT", 130, output);

    // Then
    try (Stream<Path> files = Files.list(output)) {
      assertEquals(List.of(), files.toList());
    }
  }

  /** A process started with SIGINT ignored (e.g. in the background) passes that on; Java keeps it. */
  private static boolean sigintIgnored() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 0x2) != 0;
      }
    }
    return false;
  }

  @Test
  void when_aWriteFails_then_theJobFailsAtOnceNamingTheFileAndTheCause() throws Exception {
    // Given: an endless job, and a file size limit of 1 MiB for the process (the JVM ignores
    // SIGXFSZ, so the write past it fails with EFBIG)
    Path output = dir.resolve("out.txt");

    // When
    Process vortex = start("ulimit -f 1024 &&", "local", "--parallelism", "1", "--job", EndlessJob.class.getName(),
        "--", output.toString());

    // Then: the endless job ends with the first failed write, not at an end of input that never comes
    assertTrue(vortex.waitFor(60, TimeUnit.SECONDS), "the job kept running after its write failed");
    String err = stderr();
    assertEquals(1, vortex.exitValue(), err);
    List<String> errors = err.lines().filter(l -> l.startsWith("error:") || l.startsWith("\tat ")).toList();
    assertEquals(1, errors.size(), err);
    String file = Pattern.quote(output.toString());
    assertTrue(errors.get(0).matches("error: job failed in operator 'text " + file + "': cannot write " + file
        + " \\(in progress as .*\\.inprogress\\): File too large \\(IOException\\)"), err);
    assertFalse(Files.exists(output));
    Await.until("in-progress file removed", Duration.ofSeconds(5), () -> inProgressFiles().isEmpty(), this::inProgressFiles);
  }
}
