package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vortex} commands as separate JVMs started as a user starts them, through the {@code
 * vortex} script beside the fat jar ({@code target/vortex COMMAND ...}, which runs {@code java
 * -jar vortex.jar} with the build's class-data archive), each writing {@code NAME.out} and {@code NAME.err}
 * in a directory; {@link #close} stops those still running (SIGTERM, then SIGKILL).
 *
 * <p>Threading: the test's thread.
 */
final class FatJarProcesses implements AutoCloseable {
  static final Pattern JOB_MANAGER_READY = Pattern.compile("jobmanager \\S+ of cluster '.*' serves jobs at (\\S+)");
  static final Pattern TASK_MANAGER_READY = Pattern.compile("taskmanager (tm-\\S+) of cluster '.*' offers \\d+ slots.*");

  /** The fat jar `mvn package` built in this module (failsafe runs after package). */
  private static final Path JAR = Path.of("target", "vortex.jar").toAbsolutePath();
  /** The script `mvn package` put beside it. */
  private static final Path SCRIPT = Path.of("target", "vortex").toAbsolutePath();
  /** The JVM options of every process: small, quick to start. */
  private static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

  private final Path dir;
  private final Map<String, Process> processes = new java.util.LinkedHashMap<>();

  FatJarProcesses(Path dir) {
    this.dir = dir;
    assertTrue(Files.isRegularFile(JAR), "the fat jar " + JAR + " is missing: run `mvn package` first");
    assertTrue(Files.isExecutable(SCRIPT), "the script " + SCRIPT + " is missing: run `mvn package` first");
  }

  /** Starts {@code target/vortex ARGS} with a small heap; output to NAME.out/.err. */
  Process start(String name, String... args) throws IOException {
    return start(name, Map.of(), args);
  }

  Process start(String name, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(List.of(args));
    Map<String, String> withJava = new java.util.HashMap<>();
    withJava.put("JAVA_HOME", System.getProperty("java.home")); // the JVM of the build, whose archive it is
    withJava.put("VORTEX_JAVA_OPTS", String.join(" ", JVM_FLAGS));
    withJava.putAll(env);
    return start(name, withJava, command);
  }

  /** Starts {@code java JVM_FLAGS -cp vortex.jar MAIN ARGS}: another main class of the fat jar. */
  Process startMain(String name, List<String> jvmFlags, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(javaCommand(jvmFlags));
    command.addAll(List.of("-cp", JAR.toString(), mainClass));
    command.addAll(List.of(args));
    return start(name, Map.of(), command);
  }

  private static List<String> javaCommand(List<String> jvmFlags) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JVM_FLAGS);
    command.addAll(jvmFlags);
    return command;
  }

  private Process start(String name, Map<String, String> env, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env);
    Process process = builder
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .start();
    processes.put(name, process);
    return process;
  }

  /** The process started as NAME. */
  Process process(String name) {
    return java.util.Objects.requireNonNull(processes.get(name), name);
  }

  /** Waits for the process's ready line and returns its first group (an address or an id). */
  String awaitReady(String name, Process process, Pattern pattern) {
    Await.until(name + " ready", Duration.ofSeconds(90),
        () -> readyLine(name, pattern).isPresent() || !process.isAlive(), () -> log(name));
    assertTrue(process.isAlive(), log(name));
    return readyLine(name, pattern).orElseThrow().group(1);
  }

  /** Starts {@code vortex jobmanager} of the cluster on a free gRPC port; returns its HOST:PORT. */
  String startJobManager(String clusterName) throws IOException {
    Process jm = start("jm", "jobmanager", "--cluster-name", clusterName, "--rpc-port", "0");
    return awaitReady("jm", jm, JOB_MANAGER_READY);
  }

  /** Starts {@code vortex taskmanager NAME} of the cluster with {@code slots} slots; returns its id once registered. */
  String startTaskManager(String name, String clusterName, int slots) throws IOException {
    Process tm = start(name, "taskmanager", "--cluster-name", clusterName, "--slots", String.valueOf(slots));
    return awaitReady(name, tm, TASK_MANAGER_READY);
  }

  /** Runs a command to its end (at most 3 minutes); returns its exit code. */
  int run(String name, String... args) throws IOException, InterruptedException {
    Process process = start(name, args);
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("vortex " + String.join(" ", args) + " did not end in 3 minutes:\n" + log(name));
    }
    return process.exitValue();
  }

  private Optional<Matcher> readyLine(String name, Pattern pattern) {
    try {
      return Files.readAllLines(dir.resolve(name + ".out")).stream()
          .map(pattern::matcher).filter(Matcher::matches).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** What the process NAME printed, stdout then stderr. */
  String log(String name) {
    try {
      return Files.readString(dir.resolve(name + ".out")) + Files.readString(dir.resolve(name + ".err"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : processes.values()) {
      p.destroy();
    }
    for (Process p : processes.values()) {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }
}
